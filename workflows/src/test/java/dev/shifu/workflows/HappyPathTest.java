package dev.shifu.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dev.shifu.workflows.ServiceOrderProcess.Elements;
import dev.shifu.workflows.ServiceOrderProcess.Messages;
import dev.shifu.workflows.ServiceOrderProcess.Vars;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HappyPathTest extends ServiceOrderTestSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = TestEngine.extension();

    @Test
    void anOrderWalksFromAcceptanceThroughInstallationRatingAndReturnVisitToClosed() {
        startOrder();
        assertThat(order).isWaitingAt(Elements.AWAIT_BOOKING_TASK);
        assertThat(notifications).containsExactly("BOOKING_LINK");

        book();
        startDispatch();
        assertThat(order).isWaitingAt(Elements.OFFER_ANSWER_GATEWAY);
        assertThat(variable(Vars.OFFERED_PROVIDER_ID)).isEqualTo("dealer-1");

        accept("dealer-1");
        assertThat(order).isWaitingAt(Elements.INSTALLATION_DAY_GATEWAY);
        assertThat(variable(Vars.ASSIGNED_PROVIDER_ID)).isEqualTo("dealer-1");
        assertThat(scheduledVisits).containsExactly("INSTALLATION");

        run(Elements.INSTALLATION_DAY_TIMER);
        assertThat(order).isWaitingAt(Elements.INSTALLER_EVENT_GATEWAY);

        correlate(Messages.INSTALLER_EN_ROUTE);
        run("StatusEnRouteTask");
        correlate(Messages.INSTALLER_ARRIVED);
        run("StatusArrivedTask");
        correlate(Messages.INSTALLER_STARTED);
        run("StatusStartedTask");
        correlate(Messages.INSTALLER_COMPLETED, Vars.VERIFICATION_CODE, VALID_CODE);
        run("StatusCompletedTask");
        assertThat(order).isWaitingAt(Elements.AWAIT_RATING_TASK, Elements.RETURN_VISIT_DUE_TIMER);
        assertThat(notifications).containsExactly("BOOKING_LINK", "RATING_REQUEST");

        correlate(Messages.RATING_SUBMITTED, Vars.RATING_STARS, 5, Vars.RATING_TAGS, "punctual,tidy",
            Vars.RATING_COMMENT, "great");
        run("StatusRatedTask");
        assertThat(order).isWaitingAt(Elements.RETURN_VISIT_DUE_TIMER);

        run(Elements.RETURN_VISIT_DUE_TIMER);
        assertThat(order).isWaitingAt(Elements.RETURN_VISIT_TASK);
        assertThat(task(Elements.RETURN_VISIT_TASK, order)).hasCandidateGroup("customer-service");
        complete(task(Elements.RETURN_VISIT_TASK, order), withVariables(Vars.RETURN_VISIT_OUTCOME, "SATISFIED"));
        run("StatusClosedTask");

        assertThat(order).isEnded().hasPassed(Elements.ORDER_CLOSED_END).hasNotPassed("ReworkSubProcess",
            "OpenReturnVisitComplaintTask", Elements.ORDER_CANCELLED_END);
        assertThat(statuses).containsExactly("AWAITING_BOOKING", "BOOKED", "DISPATCHING", "ASSIGNED", "SCHEDULED",
            "IN_SERVICE", "EN_ROUTE", "ARRIVED", "STARTED", "COMPLETED", "RATED", "CLOSED");
        assertThat(warnings).isEmpty();
        assertThat(complaints).isEmpty();
    }
}
