package dev.shifu.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.shifu.workflows.ServiceOrderProcess.Elements;
import dev.shifu.workflows.ServiceOrderProcess.Messages;
import dev.shifu.workflows.ServiceOrderProcess.Vars;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Completion needs the consumer's verification code (核销). */
class CompletionTest extends ServiceOrderTestSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = TestEngine.extension();

    @Test
    void theRightVerificationCodeCompletesTheJobAndLeavesTheCancellableScope() {
        driveToInService();

        correlate(Messages.INSTALLER_COMPLETED, Vars.VERIFICATION_CODE, VALID_CODE);
        run("StatusCompletedTask");

        assertThat(order).hasPassed("JobVerifiedEndEvent", Elements.FULFILMENT)
            .isWaitingAt(Elements.AWAIT_RATING_TASK, Elements.RETURN_VISIT_DUE_TIMER);
        assertThat(statuses).endsWith("IN_SERVICE", "COMPLETED");
    }

    @Test
    void aWrongVerificationCodeDoesNotCompleteAndIsCountedAsAFailure() {
        driveToInService();

        correlate(Messages.INSTALLER_COMPLETED, Vars.VERIFICATION_CODE, "111111");

        assertThat(order).isWaitingAt(Elements.INSTALLER_EVENT_GATEWAY).hasNotPassed("JobVerifiedEndEvent");
        assertThat(variable(Vars.VERIFICATION_FAILURE_COUNT)).isEqualTo(1L);
        assertThat(statuses).doesNotContain("COMPLETED");
    }

    @Test
    void aCompletionWithoutCodeDoesNotCompleteEvenAfterAnEarlierWrongCode() {
        driveToInService();
        correlate(Messages.INSTALLER_COMPLETED, Vars.VERIFICATION_CODE, "111111");

        correlate(Messages.INSTALLER_COMPLETED);

        assertThat(variable(Vars.VERIFICATION_CODE)).as("a code is used once, never carried over").isNull();
        assertThat(variable(Vars.VERIFICATION_FAILURE_COUNT)).isEqualTo(2L);
        assertThat(order).isWaitingAt(Elements.INSTALLER_EVENT_GATEWAY);
    }

    @Test
    void afterAFailedVerificationTheRightCodeStillCompletes() {
        driveToInService();
        correlate(Messages.INSTALLER_COMPLETED, Vars.VERIFICATION_CODE, "111111");

        correlate(Messages.INSTALLER_COMPLETED, Vars.VERIFICATION_CODE, VALID_CODE);
        run("StatusCompletedTask");

        assertThat(statuses).endsWith("COMPLETED");
        assertThat(order).isWaitingAt(Elements.AWAIT_RATING_TASK);
    }
}
