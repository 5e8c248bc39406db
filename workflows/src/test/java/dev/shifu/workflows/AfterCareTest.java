package dev.shifu.workflows;

import static dev.shifu.workflows.BookingStageTest.plus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.shifu.workflows.ServiceOrderProcess.Elements;
import dev.shifu.workflows.ServiceOrderProcess.Messages;
import dev.shifu.workflows.ServiceOrderProcess.Vars;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** After completion: rating (with rework on a low rating), rating timeout, return visit, closing. */
class AfterCareTest extends ServiceOrderTestSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = TestEngine.extension();

    private void rate(int stars) {
        correlate(Messages.RATING_SUBMITTED, Vars.RATING_STARS, stars, Vars.RATING_TAGS, "late",
            Vars.RATING_COMMENT, "meh");
        run("StatusRatedTask");
    }

    private void returnVisit(String outcome) {
        run(Elements.RETURN_VISIT_DUE_TIMER);
        complete(task(Elements.RETURN_VISIT_TASK, order), withVariables(Vars.RETURN_VISIT_OUTCOME, outcome));
    }

    @Test
    void completionAsksTheConsumerToRateAndSchedulesTheReturnVisitAfterTheConfiguredDelay() {
        Date now = Date.from(Instant.parse("2025-03-03T02:00:00Z"));
        ClockUtil.setCurrentTime(now);

        driveToCompleted();

        assertThat(notifications).endsWith("RATING_REQUEST");
        assertThat(dueDate(Elements.RETURN_VISIT_DUE_TIMER)).isEqualTo(plus(now, Duration.ofDays(7)));
        assertThat(dueDate(Elements.RATING_TIMEOUT_TIMER)).isEqualTo(plus(now, Duration.ofHours(72)));
    }

    @Test
    void aLowRatingOpensAComplaintAndAPriorityReworkVisitCountedAgainstTheInstaller() throws Exception {
        driveToCompleted();

        rate(2);

        assertThat(complaints).containsExactly("LOW_RATING");
        verify(reworkDelegate, times(1)).execute(any());
        assertThat(variable(Vars.REWORK_COUNT)).isEqualTo(1L);
        // The rework is a new visit: the consumer books it before it is scheduled.
        assertThat(notifications).endsWith("RATING_REQUEST", "BOOKING_LINK");
        assertThat(order).isWaitingAt(Elements.AWAIT_REWORK_BOOKING_TASK, Elements.RETURN_VISIT_DUE_TIMER);
        assertThat(scheduledVisits).containsExactly("INSTALLATION");
        Date reworkDay = Date.from(BOOKED_DATE.toInstant().plus(Duration.ofDays(9)));
        correlate(Messages.BOOKING_CONFIRMED, Vars.BOOKED_DATE, reworkDay);
        run("ScheduleReworkVisitTask");

        assertThat(scheduledVisits).containsExactly("INSTALLATION", "REWORK");
        assertThat(variable(Vars.BOOKED_DATE)).isEqualTo(reworkDay);
        assertThat(order).isWaitingAt(Elements.AWAIT_REWORK_DONE_TASK, Elements.RETURN_VISIT_DUE_TIMER);

        correlate(Messages.INSTALLER_COMPLETED);
        run("StatusReworkDoneTask");
        returnVisit("SATISFIED");
        run("StatusClosedTask");

        assertThat(order).isEnded().hasPassed(Elements.REWORK, Elements.ORDER_CLOSED_END);
        assertThat(statuses).endsWith("COMPLETED", "RATED", "REWORK_SCHEDULED", "REWORK_DONE", "CLOSED");
    }

    @Test
    void aRatingOfThreeNeedsNoRework() {
        driveToCompleted();

        rate(3);

        assertThat(complaints).isEmpty();
        assertThat(order).hasNotPassed(Elements.REWORK).isWaitingAt(Elements.RETURN_VISIT_DUE_TIMER);
    }

    @Test
    void noRatingWithin72HoursMarksTheOrderUnratedAndItClosesAfterTheReturnVisit() {
        driveToCompleted();

        run(Elements.RATING_TIMEOUT_TIMER);
        assertThat(statuses).endsWith("COMPLETED", "UNRATED");
        returnVisit("SATISFIED");
        run("StatusClosedTask");

        assertThat(order).isEnded().hasPassed(Elements.ORDER_CLOSED_END).hasNotPassed("StatusRatedTask");
        assertThat(statuses).endsWith("UNRATED", "CLOSED");
    }

    @Test
    void aReturnVisitFindingAnIssueOpensAComplaintBeforeClosing() {
        driveToCompleted();
        rate(5);

        returnVisit("ISSUE");
        run("OpenReturnVisitComplaintTask");
        run("StatusClosedTask");

        assertThat(complaints).containsExactly("RETURN_VISIT");
        assertThat(order).isEnded().hasPassed(Elements.ORDER_CLOSED_END);
    }

    @Test
    void aSatisfiedConsumerOnTheReturnVisitClosesTheOrderWithoutComplaint() {
        driveToCompleted();
        rate(4);

        returnVisit("SATISFIED");
        run("StatusClosedTask");

        assertThat(complaints).isEmpty();
        assertThat(order).isEnded().hasPassed(Elements.ORDER_CLOSED_END);
    }

    @Test
    void anUnreachableConsumerOnTheReturnVisitClosesTheOrderWithoutComplaint() {
        driveToCompleted();
        rate(4);

        returnVisit("UNREACHABLE");
        run("StatusClosedTask");

        assertThat(complaints).isEmpty();
        assertThat(order).isEnded().hasPassed(Elements.ORDER_CLOSED_END).hasNotPassed("OpenReturnVisitComplaintTask");
    }

    @Test
    void theOrderDoesNotCloseWhileTheReturnVisitIsOpen() {
        driveToCompleted();
        rate(5);

        run(Elements.RETURN_VISIT_DUE_TIMER);

        assertThat(order).isWaitingAt(Elements.RETURN_VISIT_TASK).isNotEnded();
        assertThat(task(Elements.RETURN_VISIT_TASK, order)).hasCandidateGroup("customer-service");
        assertThat(statuses).doesNotContain("CLOSED");
    }
}
