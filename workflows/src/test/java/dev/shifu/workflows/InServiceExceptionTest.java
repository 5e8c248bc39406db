package dev.shifu.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dev.shifu.workflows.ServiceOrderProcess.Elements;
import dev.shifu.workflows.ServiceOrderProcess.Inputs;
import dev.shifu.workflows.ServiceOrderProcess.Messages;
import dev.shifu.workflows.ServiceOrderProcess.Vars;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In service: installer exceptions and where each one leads. */
class InServiceExceptionTest extends ServiceOrderTestSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = TestEngine.extension();

    private void reportException(String reason) {
        correlate(Messages.INSTALLER_EXCEPTION, Vars.EXCEPTION_REASON, reason, Vars.EXCEPTION_NOTE, "on site");
        run("ExceptionReasonGateway");
    }

    /** After a revisit is counted the booked window and job are released and the consumer books again. */
    private void backToBooking() {
        run("CountRevisitTask");
        run("ReleaseBookingTask");
        run("StatusAwaitingBookingTask");
    }

    @Test
    void consumerAbsentSendsTheOrderBackToBookingAndCountsTheRevisit() {
        driveToInService();

        reportException("CONSUMER_ABSENT");
        backToBooking();

        assertThat(order).isWaitingAt(Elements.AWAIT_BOOKING_TASK);
        assertThat(variable(Vars.REVISIT_COUNT)).isEqualTo(1L);
        assertThat(statuses).endsWith("IN_SERVICE", "AWAITING_BOOKING");
        assertThat(notifications).containsExactly("BOOKING_LINK", "BOOKING_LINK");
    }

    @Test
    void everyFurtherAbsenceCountsAnotherRevisitAndTheOrderIsDispatchedAgain() {
        driveToInService();
        reportException("CONSUMER_ABSENT");
        backToBooking();
        book();
        startDispatch();
        accept("dealer-1");
        run(Elements.INSTALLATION_DAY_TIMER);

        reportException("CONSUMER_ABSENT");
        backToBooking();

        assertThat(variable(Vars.REVISIT_COUNT)).isEqualTo(2L);
        assertThat(order).isWaitingAt(Elements.AWAIT_BOOKING_TASK);
    }

    /**
     * The platform records who is on site when the installer reports (the plan's crew, or the installer named in the
     * job event) and sets {@code assignedInstallerId} before it correlates the event, as {@code installerOnSite} does.
     * The model's part is to carry that installer into the revisit; the recording itself is proven in the platform
     * ({@code dev.shifu.platform.workflow.InServiceExceptionTests}).
     */
    private void installerOnSite(String installerId) {
        runtimeService().setVariable(order.getId(), Vars.ASSIGNED_INSTALLER_ID, installerId);
    }

    @Test
    void partsMissingBooksARevisitWithTheInstallerOnSitePreferred() {
        driveToInService();
        installerOnSite("31");

        reportException("PARTS_MISSING");
        backToBooking();

        assertThat(variable(Vars.PREFERRED_INSTALLER_ID)).isEqualTo("31");
        assertThat(variable(Vars.REVISIT_COUNT)).isEqualTo(1L);
        assertThat(order).isWaitingAt(Elements.AWAIT_BOOKING_TASK).hasPassed("PreferSameInstallerTask");
    }

    @Test
    void partsMissingWithNoInstallerRecordedPrefersNobody() {
        driveToInService();

        reportException("PARTS_MISSING");
        backToBooking();

        assertThat(variable(Vars.PREFERRED_INSTALLER_ID)).isNull();
        assertThat(order).isWaitingAt(Elements.AWAIT_BOOKING_TASK);
    }

    @Test
    void damagedGoodsNotifyTheBrandAndWaitForReplacementGoodsBeforeBookingAgain() {
        List<String> webhookEvents = new ArrayList<>();
        answer(brandWebhookDelegate, e -> webhookEvents.add((String) e.getVariableLocal(Inputs.WEBHOOK_EVENT)));
        driveToInService();

        reportException("GOODS_DAMAGED");

        assertThat(webhookEvents).containsExactly("GOODS_DAMAGED");
        assertThat(variable(Vars.GOODS_STATUS)).isEqualTo("DAMAGED");
        assertThat(statuses).endsWith("IN_SERVICE", "AWAITING_GOODS");
        assertThat(order).isWaitingAt(Elements.AWAIT_REPLACEMENT_GOODS_TASK);

        correlate(Messages.GOODS_ARRIVED);
        backToBooking();

        assertThat(variable(Vars.GOODS_STATUS)).isEqualTo("ARRIVED");
        assertThat(variable(Vars.REVISIT_COUNT)).isEqualTo(1L);
        assertThat(order).isWaitingAt(Elements.AWAIT_BOOKING_TASK);
        book();
        assertThat(order).hasNotPassed("StatusAwaitingGoodsTask");
    }

    @Test
    void aWrongAddressGoesToADispatcherWhoCanLetTheInstallerCarryOn() {
        driveToInService();

        reportException("ADDRESS_WRONG");
        assertThat(order).isWaitingAt(Elements.RESOLVE_ADDRESS_TASK);
        assertThat(task(Elements.RESOLVE_ADDRESS_TASK, order)).hasCandidateGroup("dispatcher");
        complete(task(Elements.RESOLVE_ADDRESS_TASK, order),
            withVariables(Vars.ADDRESS_RESOLUTION, "CONTINUE_VISIT", Vars.ADDRESS_NOTE, "flat 12B, not 21B"));

        assertThat(order).isWaitingAt(Elements.INSTALLER_EVENT_GATEWAY);
        correlate(Messages.INSTALLER_COMPLETED, Vars.VERIFICATION_CODE, VALID_CODE);
        run("StatusCompletedTask");
        assertThat(variable(Vars.REVISIT_COUNT)).isNull();
        assertThat(statuses).contains("COMPLETED");
    }

    @Test
    void aWrongAddressThatNeedsANewVisitGoesBackToBooking() {
        driveToInService();

        reportException("ADDRESS_WRONG");
        complete(task(Elements.RESOLVE_ADDRESS_TASK, order), withVariables(Vars.ADDRESS_RESOLUTION, "REBOOK"));
        backToBooking();

        assertThat(variable(Vars.REVISIT_COUNT)).isEqualTo(1L);
        assertThat(order).isWaitingAt(Elements.AWAIT_BOOKING_TASK);
    }

    @Test
    void anUnknownExceptionReasonAlsoReachesTheDispatcher() {
        driveToInService();

        reportException("DOG_IN_GARDEN");

        assertThat(order).isWaitingAt(Elements.RESOLVE_ADDRESS_TASK);
    }

    @Test
    void progressEventsCanArriveInAnyOrderAndRepeatWithoutLeavingService() {
        driveToInService();

        correlate(Messages.INSTALLER_ARRIVED);
        run("StatusArrivedTask");
        correlate(Messages.INSTALLER_EN_ROUTE);
        run("StatusEnRouteTask");
        correlate(Messages.INSTALLER_STARTED);
        run("StatusStartedTask");

        assertThat(statuses).endsWith("IN_SERVICE", "ARRIVED", "EN_ROUTE", "STARTED");
        assertThat(order).isWaitingAt(Elements.INSTALLER_EVENT_GATEWAY);
    }
}
