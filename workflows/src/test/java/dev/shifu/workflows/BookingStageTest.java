package dev.shifu.workflows;

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
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Awaiting booking and goods: the booking SLA timers, goods arrival and late goods. */
class BookingStageTest extends ServiceOrderTestSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = TestEngine.extension();

    private static final Date NOW = Date.from(Instant.parse("2025-03-03T02:00:00Z"));

    @Test
    void aNewOrderSendsTheBookingLinkAndWaitsForTheBooking() {
        startOrder();

        assertThat(order).isWaitingAt(Elements.AWAIT_BOOKING_TASK);
        assertThat(statuses).containsExactly("AWAITING_BOOKING");
        assertThat(notifications).containsExactly("BOOKING_LINK");
    }

    @Test
    void notBookedWithin24HoursSendsAReminderAndKeepsWaiting() {
        startOrder();

        run(Elements.BOOKING_REMINDER_TIMER);

        assertThat(notifications).containsExactly("BOOKING_LINK", "BOOKING_REMINDER");
        assertThat(warnings).isEmpty();
        assertThat(order).isWaitingAt(Elements.AWAIT_BOOKING_TASK);
    }

    @Test
    void notBookedWithin48HoursRecordsWarnAndAsksADispatcherToPhoneTheConsumer() {
        startOrder();
        run(Elements.BOOKING_REMINDER_TIMER);

        run(Elements.BOOKING_ESCALATION_TIMER);

        assertThat(warnings).containsExactly("WARN");
        assertThat(order).isWaitingAt(Elements.AWAIT_BOOKING_TASK, Elements.PHONE_CONSUMER_TASK);
        assertThat(task(Elements.PHONE_CONSUMER_TASK, order)).hasCandidateGroup("dispatcher");
    }

    @Test
    void phoneTaskNotDoneWithinTheContactSlaRaisesAnAlert() {
        startOrder();
        run(Elements.BOOKING_ESCALATION_TIMER);

        run(Elements.CONTACT_SLA_TIMER);

        assertThat(warnings).containsExactly("WARN", "ALERT");
        assertThat(order).isWaitingAt(Elements.AWAIT_BOOKING_TASK, Elements.PHONE_CONSUMER_TASK);
    }

    @Test
    void phoningTheConsumerEndsTheEscalationButTheOrderStillWaitsForTheBooking() {
        startOrder();
        run(Elements.BOOKING_ESCALATION_TIMER);

        complete(task(Elements.PHONE_CONSUMER_TASK, order), withVariables(Vars.CONSUMER_REACHED, true));

        assertThat(order).isWaitingAt(Elements.AWAIT_BOOKING_TASK).hasPassed("ConsumerPhonedEndEvent");
        assertThat(pendingJobElements()).doesNotContain(Elements.CONTACT_SLA_TIMER);
    }

    @Test
    void bookingWithAnOpenPhoneTaskClosesThatTaskAndStopsTheBookingTimers() {
        startOrder();
        run(Elements.BOOKING_ESCALATION_TIMER);

        book();

        assertThat(order).isNotWaitingAt(Elements.PHONE_CONSUMER_TASK, Elements.AWAIT_BOOKING_TASK);
        assertThat(pendingJobElements()).containsOnly("StatusDispatchingTask", Elements.PROMISED_BY_AT_RISK_TIMER);
        assertThat(statuses).containsExactly("AWAITING_BOOKING", "BOOKED");
    }

    @Test
    void bookingTimersUseTheConfiguredDurations() {
        ClockUtil.setCurrentTime(NOW);
        slaTimers.setBookingReminder("PT2M");
        slaTimers.setBookingEscalation("PT4M");
        slaTimers.setContactSla("PT1M");

        startOrder();
        assertThat(dueDate(Elements.BOOKING_REMINDER_TIMER)).isEqualTo(plus(NOW, Duration.ofMinutes(2)));
        assertThat(dueDate(Elements.BOOKING_ESCALATION_TIMER)).isEqualTo(plus(NOW, Duration.ofMinutes(4)));

        run(Elements.BOOKING_ESCALATION_TIMER);
        assertThat(dueDate(Elements.CONTACT_SLA_TIMER)).isEqualTo(plus(NOW, Duration.ofMinutes(1)));
    }

    @Test
    void defaultBookingTimersAre24And48Hours() {
        ClockUtil.setCurrentTime(NOW);

        startOrder();

        assertThat(dueDate(Elements.BOOKING_REMINDER_TIMER)).isEqualTo(plus(NOW, Duration.ofHours(24)));
        assertThat(dueDate(Elements.BOOKING_ESCALATION_TIMER)).isEqualTo(plus(NOW, Duration.ofHours(48)));
    }

    @Test
    void promisedByDateAtRiskRecordsSevereWithoutInterruptingTheOrder() {
        Date promisedBy = Date.from(Instant.parse("2025-03-10T10:00:00Z"));
        Map<String, Object> variables = startVariables();
        variables.put(Vars.PROMISED_BY, promisedBy);
        startOrder(variables);
        assertThat(dueDate(Elements.PROMISED_BY_AT_RISK_TIMER)).isEqualTo(plus(promisedBy, Duration.ofDays(-1)));

        run(Elements.PROMISED_BY_AT_RISK_TIMER);

        assertThat(warnings).containsExactly("SEVERE");
        assertThat(order).isWaitingAt(Elements.AWAIT_BOOKING_TASK);
    }

    @Test
    void anOrderWithoutPromisedByDateNeverRaisesSevere() {
        Map<String, Object> variables = startVariables();
        variables.remove(Vars.PROMISED_BY);

        startOrder(variables);

        assertThat(dueDate(Elements.PROMISED_BY_AT_RISK_TIMER)).isAfter(Date.from(Instant.parse("9000-01-01T00:00:00Z")));
    }

    @Test
    void goodsAlreadyThereLetTheBookedOrderGoStraightToDispatch() {
        startOrder();

        book();

        assertThat(order).hasNotPassed("StatusAwaitingGoodsTask");
        assertThat(pendingJobElements()).contains("StatusDispatchingTask");
    }

    @Test
    void goodsArrivingBeforeTheBookingAreNotedSoTheBookedOrderGoesStraightToDispatch() {
        startOrder(goodsInTransit());

        correlate(Messages.GOODS_ARRIVED);
        assertThat(variable(Vars.GOODS_STATUS)).isEqualTo("ARRIVED");
        assertThat(order).isWaitingAt(Elements.AWAIT_BOOKING_TASK);
        book();

        assertThat(order).hasNotPassed("StatusAwaitingGoodsTask");
        assertThat(pendingJobElements()).contains("StatusDispatchingTask");
    }

    @Test
    void aServiceThatNeedsNoGoodsGoesToDispatchWithoutWaitingForThem() {
        java.util.Map<String, Object> measurement = goodsInTransit();
        measurement.put(Vars.SERVICE_TYPE, "MEASUREMENT");
        measurement.put(Vars.NEEDS_GOODS, false);
        startOrder(measurement);

        book();

        assertThat(order).hasNotPassed("StatusAwaitingGoodsTask");
        assertThat(pendingJobElements()).contains("StatusDispatchingTask");
    }

    @Test
    void aServiceThatNeedsGoodsStillWaitsForThem() {
        java.util.Map<String, Object> installation = goodsInTransit();
        installation.put(Vars.NEEDS_GOODS, true);
        startOrder(installation);

        book();

        assertThat(order).isWaitingAt(Elements.GOODS_OR_DEADLINE_GATEWAY);
    }

    @Test
    void aBookedOrderWithoutGoodsWaitsForThemAndTheirArrivalMovesItToDispatch() {
        startOrder(goodsInTransit());
        book();
        assertThat(order).isWaitingAt(Elements.GOODS_OR_DEADLINE_GATEWAY);
        assertThat(statuses).containsExactly("AWAITING_BOOKING", "BOOKED", "AWAITING_GOODS");

        correlate(Messages.GOODS_ARRIVED);

        assertThat(variable(Vars.GOODS_STATUS)).isEqualTo("ARRIVED");
        startDispatch();
        assertThat(order).isWaitingAt(Elements.OFFER_ANSWER_GATEWAY);
    }

    @Test
    void goodsLateForTheBookedDayReleaseTheBookingAndAskTheConsumerToBookAgain() throws Exception {
        startOrder(goodsInTransit());
        book();
        assertThat(dueDate(Elements.GOODS_LATE_TIMER)).isEqualTo(plus(BOOKED_DATE, Duration.ofDays(-1)));

        run(Elements.GOODS_LATE_TIMER);
        run("ReleaseBookingTask");
        run("StatusAwaitingBookingTask");

        verify(bookingReleaseDelegate, times(1)).execute(any());
        assertThat(order).isWaitingAt(Elements.AWAIT_BOOKING_TASK);
        assertThat(statuses).containsExactly("AWAITING_BOOKING", "BOOKED", "AWAITING_GOODS", "AWAITING_BOOKING");
        assertThat(notifications).containsExactly("BOOKING_LINK", "BOOKING_LINK");
        assertThat(variable(Vars.REVISIT_COUNT)).as("no visit happened, so no revisit").isNull();
    }

    @Test
    void aBookingChangeWhileGoodsAreAwaitedMovesTheGoodsDeadline() {
        startOrder(goodsInTransit());
        book();
        Date newBookedDate = plus(BOOKED_DATE, Duration.ofDays(3));

        correlate(Messages.BOOKING_CHANGED, Vars.BOOKED_DATE, newBookedDate);

        assertThat(order).isWaitingAt(Elements.GOODS_OR_DEADLINE_GATEWAY);
        assertThat(dueDate(Elements.GOODS_LATE_TIMER)).isEqualTo(plus(newBookedDate, Duration.ofDays(-1)));
    }

    @Test
    void goodsNewsForAnOrderThatNoLongerWaitsForGoodsCanBeSentWithCorrelateAllAndChangeNothing() {
        startOrder();
        book();
        startDispatch();

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService()
            .createMessageCorrelation(Messages.GOODS_ARRIVED).processInstanceBusinessKey(ORDER_ID).correlateAll();

        assertThat(order).isWaitingAt(Elements.OFFER_ANSWER_GATEWAY);
    }

    private Map<String, Object> goodsInTransit() {
        Map<String, Object> variables = startVariables();
        variables.put(Vars.GOODS_STATUS, "IN_TRANSIT");
        return variables;
    }

    static Date plus(Date date, Duration duration) {
        return Date.from(date.toInstant().plus(duration));
    }
}
