package dev.shifu.planner.solver;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.MemberTier;
import dev.shifu.planner.domain.ProviderCapacity;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.ScheduleWeights;
import dev.shifu.planner.domain.Shift;

/**
 * One penalized and one unpenalized case per constraint. ConstraintVerifier runs no variable
 * listeners, so {@link Fixture#route} sets arrival and start times by hand.
 */
class ScheduleConstraintProviderTest {

    private final ConstraintVerifier<ScheduleConstraintProvider, Schedule> verifier =
            ConstraintVerifier.build(new ScheduleConstraintProvider(), Schedule.class, Shift.class, Job.class);
    private final ScheduleWeights weights = new ScheduleWeights();
    private final Fixture f = new Fixture();

    // ----- skill match -----

    @Test
    void skillMatchPenalizesEachSkillTheShiftLacks() {
        Shift shift = f.shift("S").withSkills(Set.of("ac"));
        Job job = f.job("J", 10).withSkills(Set.of("ac", "tv", "gas"));
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::skillMatch).given(weights, shift, job).penalizesBy(2);
    }

    @Test
    void skillMatchAcceptsShiftWithAllSkills() {
        Shift shift = f.shift("S").withSkills(Set.of("ac", "tv"));
        Job job = f.job("J", 10).withSkills(Set.of("ac", "tv"));
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::skillMatch).given(weights, shift, job).penalizesBy(0);
    }

    @Test
    void skillMatchIgnoresUnassignedJobs() {
        Shift bucket = Shift.unassignedBucket();
        Job job = f.job("J", 10).withSkills(Set.of("ac"));
        Fixture.route(bucket, job);
        verifier.verifyThat(ScheduleConstraintProvider::skillMatch).given(weights, bucket, job).penalizesBy(0);
    }

    // ----- crew size -----

    @Test
    void crewSizePenalizesEachMissingPerson() {
        Shift shift = f.shift("S").withCrewSize(1);
        Job job = f.job("J", 10).withCrewSize(2);
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::crewSize).given(weights, shift, job).penalizesBy(1);
    }

    @Test
    void crewSizeAcceptsLargeEnoughCrew() {
        Shift shift = f.shift("S").withCrewSize(2);
        Job job = f.job("J", 10).withCrewSize(2);
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::crewSize).given(weights, shift, job).penalizesBy(0);
    }

    // ----- minimum installer rating (a premium booking) -----

    @Test
    void minInstallerRatingPenalizesEachTenthOfAStarBelowTheBookedMinimum() {
        Shift shift = f.shift("S").withRating(4.5);
        Job job = f.job("J", 10).withMinInstallerRating(4.8);
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::minInstallerRating).given(weights, shift, job).penalizesBy(3);
    }

    @Test
    void minInstallerRatingAcceptsAnInstallerRatedExactlyTheMinimumAndJobsWithoutOne() {
        Shift shift = f.shift("S").withRating(4.8);
        Job premium = f.job("J1", 10).withMinInstallerRating(4.8);
        Job any = f.job("J2", 20);
        Fixture.route(shift, premium, any);
        verifier.verifyThat(ScheduleConstraintProvider::minInstallerRating)
                .given(weights, shift, premium, any).penalizesBy(0);
    }

    @Test
    void minInstallerRatingIgnoresUnassignedJobs() {
        Shift bucket = Shift.unassignedBucket();
        Job job = f.job("J", 10).withMinInstallerRating(4.8);
        Fixture.route(bucket, job);
        verifier.verifyThat(ScheduleConstraintProvider::minInstallerRating).given(weights, bucket, job).penalizesBy(0);
    }

    // ----- provider accepted -----

    @Test
    void providerAcceptedPenalizesJobOnAnotherProvidersShift() {
        Shift shift = f.shift("S").withProvider("P2");
        Job job = f.job("J", 10).withAcceptedProvider("P1");
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::providerAccepted).given(weights, shift, job).penalizesBy(1);
    }

    @Test
    void providerAcceptedAllowsJobOpenToTheNetwork() {
        Shift shift = f.shift("S").withProvider("P2");
        Job open = f.job("J1", 10);
        Job accepted = f.job("J2", 20).withAcceptedProvider("P2");
        Fixture.route(shift, open, accepted);
        verifier.verifyThat(ScheduleConstraintProvider::providerAccepted)
                .given(weights, shift, open, accepted).penalizesBy(0);
    }

    // ----- time window -----

    @Test
    void timeWindowPenalizesEachTimeUnitServiceStartsLate() {
        Shift shift = f.shift("S");
        Job job = f.job("J", 30).withWindow(0, 20); // arrives at 30
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::timeWindow).given(weights, shift, job).penalizesBy(10);
    }

    @Test
    void timeWindowAcceptsWaitingForTheWindowToOpen() {
        Shift shift = f.shift("S");
        Job job = f.job("J", 30).withWindow(500, 600); // arrives at 30, starts at 500
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::timeWindow).given(weights, shift, job).penalizesBy(0);
    }

    // ----- back at base -----

    @Test
    void backAtBasePenalizesEachTimeUnitOfOvertime() {
        Shift shift = new Shift("S", f.at("base", 0), Fixture.DAY, 0, 100);
        Job job = f.job("J", 30); // arrive 30, leave 130, back 160
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::backAtBase).given(weights, shift, job).penalizesBy(60);
    }

    @Test
    void backAtBaseAcceptsRouteEndingInTime() {
        Shift shift = new Shift("S", f.at("base", 0), Fixture.DAY, 0, 160);
        Job job = f.job("J", 30);
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::backAtBase).given(weights, shift, job).penalizesBy(0);
    }

    // ----- goods arrival -----

    @Test
    void goodsArrivalPenalizesEachDayTooEarly() {
        Shift shift = f.shift("S");
        Job job = f.job("J", 10).withGoodsArrival(Fixture.DAY.plusDays(2));
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::goodsArrival).given(weights, shift, job).penalizesBy(2);
    }

    @Test
    void goodsArrivalAcceptsVisitOnArrivalDay() {
        Shift shift = f.shift("S");
        Job job = f.job("J", 10).withGoodsArrival(Fixture.DAY);
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::goodsArrival).given(weights, shift, job).penalizesBy(0);
    }

    // ----- installer leave -----

    @Test
    void installerLeavePenalizesEveryJobOnAShiftOnLeave() {
        Shift shift = f.shift("S").withOnLeave(true);
        Job a = f.job("A", 10);
        Job b = f.job("B", 20);
        Fixture.route(shift, a, b);
        verifier.verifyThat(ScheduleConstraintProvider::installerLeave).given(weights, shift, a, b).penalizesBy(2);
    }

    @Test
    void installerLeaveAcceptsWorkingInstaller() {
        Shift shift = f.shift("S");
        Job a = f.job("A", 10);
        Fixture.route(shift, a);
        verifier.verifyThat(ScheduleConstraintProvider::installerLeave).given(weights, shift, a).penalizesBy(0);
    }

    // ----- certificate valid -----

    @Test
    void certificateValidPenalizesCertificateExpiredBeforeTheDay() {
        Shift shift = f.shift("S").withCertificates(Map.of("gas", Fixture.DAY.minusDays(1)));
        Job job = f.job("J", 10).withCertificates(Set.of("gas", "electrical"));
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::certificateValid).given(weights, shift, job).penalizesBy(2);
    }

    @Test
    void certificateValidAcceptsCertificateValidThroughTheDay() {
        Shift shift = f.shift("S").withCertificates(Map.of("gas", Fixture.DAY));
        Job job = f.job("J", 10).withCertificates(Set.of("gas"));
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::certificateValid).given(weights, shift, job).penalizesBy(0);
    }

    // ----- vehicle capacity -----

    @Test
    void vehicleCapacityPenalizesEachUnitOverCapacity() {
        Shift shift = f.shift("S").withCapacity(10);
        Job a = f.job("A", 10).withDemand(6);
        Job b = f.job("B", 20).withDemand(7);
        Fixture.route(shift, a, b);
        verifier.verifyThat(ScheduleConstraintProvider::vehicleCapacity).given(weights, shift, a, b).penalizesBy(3);
    }

    @Test
    void vehicleCapacityAcceptsLoadWithinCapacity() {
        Shift shift = f.shift("S").withCapacity(13);
        Job a = f.job("A", 10).withDemand(6);
        Job b = f.job("B", 20).withDemand(7);
        Fixture.route(shift, a, b);
        verifier.verifyThat(ScheduleConstraintProvider::vehicleCapacity).given(weights, shift, a, b).penalizesBy(0);
    }

    // ----- provider daily capacity -----

    @Test
    void providerDailyCapacityPenalizesEachJobOfTheTypeOverTheProvidersLimitAcrossItsShifts() {
        Shift a = f.shift("A").withProvider("P1");
        Shift b = f.shift("B").withProvider("P1");
        Job pinned = f.job("PINNED", 5).withServiceType("INSTALLATION");
        a.getPinnedJobs().add(pinned);
        a.refreshPinnedPrefix();
        Job j1 = f.job("J1", 10).withServiceType("INSTALLATION");
        Job j2 = f.job("J2", 20).withServiceType("INSTALLATION");
        Job repair = f.job("R", 30).withServiceType("REPAIR");
        Fixture.route(a, j1, repair);
        Fixture.route(b, j2);
        ProviderCapacity capacity = ProviderCapacity.everyDay("P1", "INSTALLATION", 1);
        // Three installations (one pinned) on one day against a limit of one; the repair is not counted.
        verifier.verifyThat(ScheduleConstraintProvider::providerDailyCapacity)
                .given(weights, capacity, a, b, j1, j2, repair).penalizesBy(2);
    }

    @Test
    void providerDailyCapacityAcceptsJobsWithinTheLimitOtherProvidersAndOtherDays() {
        Shift own = f.shift("OWN").withProvider("P1");
        Shift other = f.shift("OTHER").withProvider("P2");
        Job j1 = f.job("J1", 10).withServiceType("INSTALLATION");
        Job j2 = f.job("J2", 20).withServiceType("INSTALLATION");
        Job j3 = f.job("J3", 30).withServiceType("INSTALLATION");
        Fixture.route(own, j1);
        Fixture.route(other, j2, j3);
        ProviderCapacity capacity = ProviderCapacity.everyDay("P1", "INSTALLATION", 1);
        ProviderCapacity anotherDay = new ProviderCapacity("P1", "INSTALLATION", Fixture.DAY.plusDays(1), 0);
        verifier.verifyThat(ScheduleConstraintProvider::providerDailyCapacity)
                .given(weights, capacity, anotherDay, own, other, j1, j2, j3).penalizesBy(0);
    }

    @Test
    void providerDailyCapacityIgnoresTheUnassignedBucket() {
        Shift bucket = Shift.unassignedBucket();
        Job job = f.job("J", 10).withServiceType("INSTALLATION");
        Fixture.route(bucket, job);
        ProviderCapacity capacity = ProviderCapacity.everyDay("P1", "INSTALLATION", 0);
        verifier.verifyThat(ScheduleConstraintProvider::providerDailyCapacity)
                .given(weights, capacity, bucket, job).penalizesBy(0);
    }

    // ----- unassigned job -----

    @Test
    void unassignedJobPenalizesByTierWeightDoubledWithSla() {
        Shift bucket = Shift.unassignedBucket();
        Job gold = f.job("G", 10).withTier(MemberTier.GOLD).withSlaDue(1_000L);
        Job normal = f.job("N", 20);
        Fixture.route(bucket, gold, normal);
        verifier.verifyThat(ScheduleConstraintProvider::unassignedJob)
                .given(weights, bucket, gold, normal).penalizesBy(3 * 2 + 1);
    }

    @Test
    void unassignedReworkCostsMoreThanAnyOrdinaryJob() {
        Shift bucket = Shift.unassignedBucket();
        Job rework = f.job("RW", 10).withRework(true);
        Fixture.route(bucket, rework);
        Job platinumWithSla = f.job("P", 20).withTier(MemberTier.PLATINUM).withSlaDue(1_000L);
        verifier.verifyThat(ScheduleConstraintProvider::unassignedJob)
                .given(weights, bucket, rework).penalizesBy(Job.REWORK_PRIORITY + 1);
        org.assertj.core.api.Assertions.assertThat(rework.getPriorityWeight())
                .isGreaterThan(platinumWithSla.getPriorityWeight());
    }

    @Test
    void unassignedJobIgnoresPlannedJobs() {
        Shift shift = f.shift("S");
        Job job = f.job("J", 10).withTier(MemberTier.PLATINUM);
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::unassignedJob).given(weights, shift, job).penalizesBy(0);
    }

    // ----- travel time -----

    @Test
    void travelTimeCountsTheWholeRouteIncludingTheWayHome() {
        Shift shift = f.shift("S");
        Job a = f.job("A", 10);
        Job b = f.job("B", 20);
        Fixture.route(shift, a, b); // 10 + 10 + 20 back
        verifier.verifyThat(ScheduleConstraintProvider::travelTime).given(weights, shift, a, b).penalizesBy(40);
    }

    @Test
    void travelTimeCountsThePinnedPrefixToo() {
        Shift shift = f.shift("S");
        Job pinned = f.job("P", 30);
        shift.getPinnedJobs().add(pinned);
        shift.refreshPinnedPrefix();
        Job planned = f.job("J", 10);
        Fixture.route(shift, planned); // 30 + 20 + 10 back
        verifier.verifyThat(ScheduleConstraintProvider::travelTime).given(weights, shift, planned).penalizesBy(60);
    }

    @Test
    void travelTimeIgnoresUnusedShifts() {
        Shift shift = f.shift("S");
        verifier.verifyThat(ScheduleConstraintProvider::travelTime).given(weights, shift).penalizesBy(0);
    }

    // ----- SLA lateness -----

    @Test
    void slaLatenessPenalizesLateTimeUnitsTimesTierWeight() {
        Shift shift = f.shift("S");
        Job job = f.job("J", 30).withTier(MemberTier.GOLD).withSlaDue(100L); // ends at 130
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::slaLateness).given(weights, shift, job).penalizesBy(30 * 3);
    }

    @Test
    void slaLatenessAcceptsJobDoneBeforeTheSla() {
        Shift shift = f.shift("S");
        Job job = f.job("J", 30).withTier(MemberTier.GOLD).withSlaDue(130L);
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::slaLateness).given(weights, shift, job).penalizesBy(0);
    }

    // ----- workload balance -----

    @Test
    void workloadBalancePenalizesSquaredWorkMinutesOverSixty() {
        Shift shift = f.shift("S");
        Job job = new Job("J", f.at("J", 10), 3600); // 60 minutes
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::workloadBalance).given(weights, shift, job)
                .penalizesBy(60 * 60 / 60);
    }

    @Test
    void workloadBalancePrefersTwoHalfDaysOverOneFullDay() {
        Shift full = f.shift("FULL");
        Shift empty = f.shift("EMPTY");
        Job a = new Job("A", f.at("A", 10), 3600);
        Job b = new Job("B", f.at("B", 10), 3600);
        Fixture.route(full, a, b);
        long unbalanced = ScheduleConstraintProvider.workloadPenalty(full) + ScheduleConstraintProvider.workloadPenalty(empty);
        verifier.verifyThat(ScheduleConstraintProvider::workloadBalance).given(weights, full, empty, a, b)
                .penalizesBy(unbalanced);
        org.assertj.core.api.Assertions.assertThat(unbalanced).isEqualTo(240);

        Shift one = f.shift("ONE");
        Shift two = f.shift("TWO");
        Job c = new Job("C", f.at("C", 10), 3600);
        Job d = new Job("D", f.at("D", 10), 3600);
        Fixture.route(one, c);
        Fixture.route(two, d);
        verifier.verifyThat(ScheduleConstraintProvider::workloadBalance).given(weights, one, two, c, d)
                .penalizesBy(120);
    }

    @Test
    void workloadBalanceIgnoresShiftsWithoutWork() {
        Shift shift = f.shift("S");
        verifier.verifyThat(ScheduleConstraintProvider::workloadBalance).given(weights, shift).penalizesBy(0);
    }

    // ----- same installer for revisit -----

    @Test
    void sameInstallerRevisitPenalizesAnotherInstaller() {
        Shift shift = f.shift("S").withInstallers(List.of("I1"));
        Job job = f.job("J", 10).withPreferredInstaller("I9");
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::sameInstallerRevisit).given(weights, shift, job).penalizesBy(1);
    }

    @Test
    void sameInstallerRevisitAcceptsThePreferredInstallerInACrew() {
        Shift shift = f.shift("S").withInstallers(List.of("I1", "I9")).withCrewSize(2);
        Job job = f.job("J", 10).withPreferredInstaller("I9");
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::sameInstallerRevisit).given(weights, shift, job).penalizesBy(0);
    }

    // ----- rework by another installer -----

    @Test
    void reworkByAnotherInstallerPenalizesTheOriginalInstaller() {
        Shift shift = f.shift("S").withInstallers(List.of("I1", "I7")).withCrewSize(2);
        Job job = f.job("J", 10).withRework(true).withAvoidedInstaller("I7");
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::reworkByAnotherInstaller).given(weights, shift, job)
                .penalizesBy(1);
    }

    @Test
    void reworkByAnotherInstallerAcceptsAnyOtherInstaller() {
        Shift shift = f.shift("S").withInstallers(List.of("I1"));
        Job job = f.job("J", 10).withRework(true).withAvoidedInstaller("I7");
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::reworkByAnotherInstaller).given(weights, shift, job)
                .penalizesBy(0);
    }

    // ----- rework served early -----

    @Test
    void reworkServedEarlyPenalizesEachSecondAfterTheWindowOpens() {
        Shift shift = f.shift("S");
        Job first = f.job("A", 300);
        Job rework = f.job("RW", 400).withRework(true).withWindow(100, 5_000);
        Fixture.route(shift, first, rework);
        // A: arrives 300, leaves 400; RW: 100 further, starts at 500, its window opened at 100.
        verifier.verifyThat(ScheduleConstraintProvider::reworkServedEarly).given(weights, shift, first, rework)
                .penalizesBy(400);
    }

    @Test
    void reworkServedEarlyIgnoresOrdinaryJobsAndReworkStartingWhenTheWindowOpens() {
        Shift shift = f.shift("S");
        Job ordinary = f.job("A", 300).withWindow(0, 5_000);
        Job rework = f.job("RW", 400).withRework(true).withWindow(2_000, 5_000);
        Fixture.route(shift, ordinary, rework);
        verifier.verifyThat(ScheduleConstraintProvider::reworkServedEarly).given(weights, shift, ordinary, rework)
                .penalizesBy(0);
    }

    // ----- rating for tier -----

    @Test
    void ratingForTierPenalizesMissingRatingTimesTierRank() {
        Shift shift = f.shift("S").withRating(4.2);
        Job job = f.job("J", 10).withTier(MemberTier.PLATINUM);
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::ratingForTier).given(weights, shift, job).penalizesBy(8 * 3);
    }

    @Test
    void ratingForTierIgnoresNormalMembers() {
        Shift shift = f.shift("S").withRating(3.0);
        Job job = f.job("J", 10).withTier(MemberTier.NORMAL);
        Fixture.route(shift, job);
        verifier.verifyThat(ScheduleConstraintProvider::ratingForTier).given(weights, shift, job).penalizesBy(0);
    }

    // ----- shift used -----

    @Test
    void shiftUsedPenalizesEachShiftWithJobs() {
        Shift used = f.shift("USED");
        Shift idle = f.shift("IDLE");
        Job job = f.job("J", 10);
        Fixture.route(used, job);
        verifier.verifyThat(ScheduleConstraintProvider::shiftUsed).given(weights, used, idle, job).penalizesBy(1);
    }

    @Test
    void shiftUsedIgnoresIdleShiftsAndTheBucket() {
        Shift idle = f.shift("IDLE");
        Shift bucket = Shift.unassignedBucket();
        Job job = f.job("J", 10);
        Fixture.route(bucket, job);
        verifier.verifyThat(ScheduleConstraintProvider::shiftUsed).given(weights, idle, bucket, job).penalizesBy(0);
    }

    // ----- route consolidation -----

    @Test
    void routeConsolidationRewardsTheSquareOfEachRoutesJobCount() {
        Shift three = f.shift("THREE");
        Shift one = f.shift("ONE");
        Job a = f.job("A", 10);
        Job b = f.job("B", 20);
        Job c = f.job("C", 30);
        Job d = f.job("D", 40);
        Fixture.route(three, a, b, c);
        Fixture.route(one, d);
        verifier.verifyThat(ScheduleConstraintProvider::routeConsolidation).given(weights, three, one, a, b, c, d)
                .rewardsWith(3 * 3 + 1);
    }

    @Test
    void routeConsolidationIgnoresEmptyShiftsAndTheBucket() {
        Shift idle = f.shift("IDLE");
        Shift bucket = Shift.unassignedBucket();
        Job job = f.job("J", 10);
        Fixture.route(bucket, job);
        verifier.verifyThat(ScheduleConstraintProvider::routeConsolidation).given(weights, idle, bucket, job)
                .rewardsWith(0);
    }
}
