package dev.shifu.workflows;

import static dev.shifu.workflows.BookingStageTest.plus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dispatch: the policy decision, offers one candidate at a time, expiry, and manual assignment. */
class DispatchStageTest extends ServiceOrderTestSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = TestEngine.extension();

    /** Deployment happens after {@code @BeforeEach}, so each test calls this first. */
    private void orderReadyForDispatch() {
        startOrder();
        book();
    }

    @Test
    void theDispatchPolicyDecidesChannelsMinimumRatingAndTriesForTheOrder() {
        orderReadyForDispatch();
        startDispatch();

        assertThat(order).hasPassed(Elements.DECIDE_DISPATCH_POLICY_TASK);
        assertThat(variable(Vars.DISPATCH_CHANNELS)).isEqualTo("DEALER,THIRD_PARTY");
        assertThat(variable(Vars.MIN_PROVIDER_RATING)).isEqualTo(3.5);
        assertThat(variable(Vars.MAX_OFFER_ATTEMPTS)).isEqualTo(5);
    }

    @Test
    void aPlatinumMembersOrderIsOfferedOnlyToProvidersRatedAtLeast4Point5() {
        orderReadyForDispatch();
        runtimeServiceSet(Vars.MEMBER_TIER, "PLATINUM");

        startDispatch();

        assertThat(variable(Vars.MIN_PROVIDER_RATING)).isEqualTo(4.5);
    }

    @Test
    void theFirstCandidateGetsTheOfferAndItsAcceptanceAssignsTheProvider() {
        orderReadyForDispatch();
        startDispatch();
        assertThat(statuses).endsWith("DISPATCHING");
        assertThat(variable(Vars.OFFERED_PROVIDER_ID)).isEqualTo("dealer-1");

        accept("dealer-1");

        assertThat(variable(Vars.ASSIGNED_PROVIDER_ID)).isEqualTo("dealer-1");
        assertThat(statuses).endsWith("DISPATCHING", "ASSIGNED", "SCHEDULED");
        assertThat(order).isWaitingAt(Elements.INSTALLATION_DAY_GATEWAY).hasNotPassed(Elements.ASSIGN_MANUALLY_TASK);
    }

    @Test
    void aDeclineMovesTheOfferToTheNextCandidateWhoCanAccept() {
        orderReadyForDispatch();
        startDispatch();

        correlateOffer(Messages.OFFER_DECLINED, "dealer-1");
        assertThat(variable(Vars.OFFERED_PROVIDER_ID)).isEqualTo("third-party-2");
        accept("third-party-2");

        assertThat(variable(Vars.ASSIGNED_PROVIDER_ID)).isEqualTo("third-party-2");
        assertThat(order).isWaitingAt(Elements.INSTALLATION_DAY_GATEWAY);
    }

    @Test
    void anAnswerFromAProviderWhoseOfferIsOverDoesNotCorrelate() {
        orderReadyForDispatch();
        startDispatch();
        correlateOffer(Messages.OFFER_DECLINED, "dealer-1");

        assertThatThrownBy(() -> correlateOffer(Messages.OFFER_ACCEPTED, "dealer-1"))
            .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(order).isWaitingAt(Elements.OFFER_ANSWER_GATEWAY);
        assertThat(variable(Vars.OFFERED_PROVIDER_ID)).isEqualTo("third-party-2");
    }

    @Test
    void anExpiredOfferIsWithdrawnAndTheNextCandidateIsOffered() throws Exception {
        orderReadyForDispatch();
        startDispatch();

        run(Elements.OFFER_EXPIRED_TIMER);

        verify(offerExpiryDelegate, times(1)).execute(any());
        assertThat(variable(Vars.OFFERED_PROVIDER_ID)).isEqualTo("third-party-2");
        assertThat(order).isWaitingAt(Elements.OFFER_ANSWER_GATEWAY);
    }

    @Test
    void offersExpireAfterTheConfiguredTime() {
        orderReadyForDispatch();
        Date now = Date.from(Instant.parse("2025-03-03T02:00:00Z"));
        ClockUtil.setCurrentTime(now);
        slaTimers.setOfferExpiry("PT30M");

        startDispatch();

        assertThat(dueDate(Elements.OFFER_EXPIRED_TIMER)).isEqualTo(plus(now, Duration.ofMinutes(30)));
    }

    @Test
    void whenAllCandidatesDeclineOrLetTheOfferExpireADispatcherAssignsManually() {
        orderReadyForDispatch();
        startDispatch();
        correlateOffer(Messages.OFFER_DECLINED, "dealer-1");
        run(Elements.OFFER_EXPIRED_TIMER);
        correlateOffer(Messages.OFFER_DECLINED, "third-party-3");

        assertThat(order).isWaitingAt(Elements.ASSIGN_MANUALLY_TASK);
        assertThat(task(Elements.ASSIGN_MANUALLY_TASK, order)).hasCandidateGroup("dispatcher");
        complete(task(Elements.ASSIGN_MANUALLY_TASK, order), withVariables(Vars.ASSIGNED_PROVIDER_ID, "provider-9"));
        run("StatusAssignedTask");
        run("ScheduleJobTask");

        assertThat(variable(Vars.ASSIGNED_PROVIDER_ID)).isEqualTo("provider-9");
        assertThat(statuses).endsWith("ASSIGNED", "SCHEDULED");
        assertThat(order).isWaitingAt(Elements.INSTALLATION_DAY_GATEWAY);
    }

    @Test
    void afterTheMaximumNumberOfOffersTheDispatcherAssignsEvenIfCandidatesRemain() {
        orderReadyForDispatch();
        candidates = List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7");
        startDispatch();
        assertThat(variable(Vars.MAX_OFFER_ATTEMPTS)).isEqualTo(5);

        for (String provider : List.of("p1", "p2", "p3", "p4", "p5")) {
            correlateOffer(Messages.OFFER_DECLINED, provider);
        }

        assertThat(order).isWaitingAt(Elements.ASSIGN_MANUALLY_TASK);
        assertThat(variable(Vars.OFFER_ATTEMPT)).isEqualTo(5L);
    }

    @Test
    void withoutAnyCandidateTheOrderGoesStraightToManualAssignment() throws Exception {
        orderReadyForDispatch();
        candidates = List.of();

        startDispatch();

        assertThat(order).isWaitingAt(Elements.ASSIGN_MANUALLY_TASK);
        verify(providerOfferDelegate, times(0)).execute(any());
    }

    private void runtimeServiceSet(String name, Object value) {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService()
            .setVariables(order.getId(), Map.of(name, value));
    }
}
