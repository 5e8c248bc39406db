package dev.shifu.workflows;

import static dev.shifu.workflows.BookingStageTest.plus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.shifu.workflows.ServiceOrderProcess.Elements;
import dev.shifu.workflows.ServiceOrderProcess.Messages;
import dev.shifu.workflows.ServiceOrderProcess.Vars;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scheduled: the hand-over to the installer schedule, the installation day, and rescheduling. */
class ScheduledStageTest extends ServiceOrderTestSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = TestEngine.extension();

    /** Deployment happens after {@code @BeforeEach}, so each test calls this first. */
    private void assignedOrder() {
        startOrder();
        book();
        startDispatch();
        accept("dealer-1");
    }

    @Test
    void theAcceptedJobIsHandedToTheScheduleAndWaitsForTheStartOfTheBookedDay() {
        assignedOrder();
        assertThat(scheduledVisits).containsExactly("INSTALLATION");
        assertThat(variable(Vars.SCHEDULED_JOB_ID)).isEqualTo("job-1");
        assertThat(order).isWaitingAt(Elements.INSTALLATION_DAY_GATEWAY);
        assertThat(dueDate(Elements.INSTALLATION_DAY_TIMER)).isEqualTo(slaTimers.inServiceAt(BOOKED_DATE));
    }

    @Test
    void reachingTheInstallationDayPutsTheOrderInService() {
        assignedOrder();
        run(Elements.INSTALLATION_DAY_TIMER);

        assertThat(statuses).endsWith("SCHEDULED", "IN_SERVICE");
        assertThat(order).isWaitingAt(Elements.INSTALLER_EVENT_GATEWAY);
    }

    @Test
    void aBookingChangeMovesThePlannedJobAndTheInstallationDay() {
        assignedOrder();
        Date newBookedDate = plus(BOOKED_DATE, Duration.ofDays(2));

        correlate(Messages.BOOKING_CHANGED, Vars.BOOKED_DATE, newBookedDate);
        run("ScheduleJobTask");

        assertThat(scheduledVisits).containsExactly("INSTALLATION", "INSTALLATION");
        assertThat(statuses).endsWith("SCHEDULED", "SCHEDULED");
        assertThat(order).isWaitingAt(Elements.INSTALLATION_DAY_GATEWAY);
        assertThat(dueDate(Elements.INSTALLATION_DAY_TIMER)).isEqualTo(slaTimers.inServiceAt(newBookedDate));
        assertThat(dueDate(Elements.INSTALLATION_DAY_TIMER)).isAfter(Date.from(Instant.now()));
    }

    @Test
    void theInstallationDayStartsAtMidnightInTheOrdersOwnZone() {
        java.util.Map<String, Object> variables = startVariables();
        variables.put(Vars.ZONE, "America/Los_Angeles");
        startOrder(variables);
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("America/Los_Angeles")).plusDays(5);
        Date losAngelesMidnight = Date.from(day.atStartOfDay(java.time.ZoneId.of("America/Los_Angeles")).toInstant());
        correlate(Messages.BOOKING_CONFIRMED, Vars.BOOKED_DATE, losAngelesMidnight);
        run("StatusBookedTask");
        startDispatch();
        accept("dealer-1");

        assertThat(dueDate(Elements.INSTALLATION_DAY_TIMER)).isEqualTo(losAngelesMidnight)
            .isNotEqualTo(slaTimers.inServiceAt(losAngelesMidnight));
    }
}
