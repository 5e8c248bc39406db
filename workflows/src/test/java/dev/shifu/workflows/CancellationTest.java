package dev.shifu.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.shifu.workflows.ServiceOrderProcess.Elements;
import dev.shifu.workflows.ServiceOrderProcess.Messages;
import dev.shifu.workflows.ServiceOrderProcess.Vars;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cancellation by brand or consumer: possible in every stage before completion, impossible after it. */
class CancellationTest extends ServiceOrderTestSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = TestEngine.extension();

    private void cancel() {
        correlate(Messages.ORDER_CANCELLED, Vars.CANCELLED_BY, "CONSUMER", Vars.CANCEL_REASON, "moved house");
        run("ReleaseOnCancelTask");
    }

    private void assertCancelledCleanly() throws Exception {
        assertThat(order).isEnded().hasPassed("CancelledErrorEndEvent", Elements.ORDER_CANCELLED_END)
            .hasNotPassed(Elements.ORDER_CLOSED_END, "StatusCompletedTask");
        verify(bookingReleaseDelegate, times(1)).execute(any());
        assertThat(notifications).endsWith("ORDER_CANCELLED");
        assertThat(statuses).endsWith("CANCELLED");
        assertThat(pendingJobElements()).isEmpty();
    }

    @Test
    void cancellingWhileAwaitingTheBookingEndsTheOrderAsCancelled() throws Exception {
        startOrder();
        run(Elements.BOOKING_ESCALATION_TIMER);

        cancel();

        assertCancelledCleanly();
    }

    @Test
    void cancellingWhileAwaitingGoodsEndsTheOrderAsCancelled() throws Exception {
        Map<String, Object> variables = startVariables();
        variables.put(Vars.GOODS_STATUS, "IN_TRANSIT");
        startOrder(variables);
        book();

        cancel();

        assertCancelledCleanly();
    }

    @Test
    void cancellingWhileDispatchingEndsTheOrderAsCancelled() throws Exception {
        startOrder();
        book();
        startDispatch();
        assertThat(order).isWaitingAt(Elements.OFFER_ANSWER_GATEWAY);

        cancel();

        assertCancelledCleanly();
    }

    @Test
    void cancellingAScheduledOrderReleasesThePlannedJobAndEndsAsCancelled() throws Exception {
        startOrder();
        book();
        startDispatch();
        accept("dealer-1");

        cancel();

        assertCancelledCleanly();
        assertThat(statuses).containsSubsequence("SCHEDULED", "CANCELLED");
    }

    @Test
    void cancellingAnOrderInServiceEndsItAsCancelled() throws Exception {
        driveToInService();
        correlate(Messages.INSTALLER_EN_ROUTE);
        run("StatusEnRouteTask");

        cancel();

        assertCancelledCleanly();
    }

    @Test
    void afterCompletionACancellationIsRejectedAndTheOrderCarriesOn() {
        driveToCompleted();

        assertThatThrownBy(() -> correlate(Messages.ORDER_CANCELLED, Vars.CANCELLED_BY, "BRAND"))
            .isInstanceOf(MismatchingMessageCorrelationException.class);

        assertThat(order).isNotEnded().isWaitingAt(Elements.AWAIT_RATING_TASK, Elements.RETURN_VISIT_DUE_TIMER);
        assertThat(statuses).doesNotContain("CANCELLED");
    }

    @Test
    void afterCompletionThePromisedByTimerIsGone() {
        driveToCompleted();

        assertThat(pendingJobElements()).doesNotContain(Elements.PROMISED_BY_AT_RISK_TIMER);
    }
}
