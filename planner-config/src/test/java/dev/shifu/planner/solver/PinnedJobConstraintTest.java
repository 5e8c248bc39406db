package dev.shifu.planner.solver;

import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.MemberTier;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.ScheduleWeights;
import dev.shifu.planner.domain.Shift;

/**
 * Every rule about a job on a route applies to a shift's pinned prefix too. Pinned jobs are no planning values (the
 * solver's score director registers no pinned job as a Job), so, as in the solver, the pinned job is given to the
 * verifier only through its shift: a rule that read {@code forEach(Job.class)} would see nothing and fail the first
 * case. Jobs in the unassigned bucket are planning values and given directly.
 */
class PinnedJobConstraintTest {

    private final ConstraintVerifier<ScheduleConstraintProvider, Schedule> verifier =
            ConstraintVerifier.build(new ScheduleConstraintProvider(), Schedule.class, Shift.class, Job.class);
    private final ScheduleWeights weights = new ScheduleWeights();

    /** A shift and a job for it; the fixture puts them on the line (travel time = distance). */
    record Scenario(Function<Fixture, Shift> shift, BiFunction<Fixture, String, Job> job) {
    }

    /** One rule: a pinned job that breaks it (by {@code penalty}) and one that keeps it. */
    record Rule(String name, BiFunction<ScheduleConstraintProvider, ConstraintFactory, Constraint> constraint,
            Scenario broken, long penalty, Scenario kept) {
        /** The fixture's plain shift: S, installer I-S, working 0 to 10 000 at x = 0. */
        static Shift plain(Fixture f) {
            return f.shift("S");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rule> rules() {
        return Stream.of(
                new Rule("skill match", ScheduleConstraintProvider::skillMatch,
                        new Scenario(f -> f.shift("S").withSkills(Set.of("ac")),
                                (f, id) -> f.job(id, 10).withSkills(Set.of("ac", "tv", "gas"))), 2,
                        new Scenario(f -> f.shift("S").withSkills(Set.of("ac")),
                                (f, id) -> f.job(id, 10).withSkills(Set.of("ac")))),
                new Rule("crew size", ScheduleConstraintProvider::crewSize,
                        new Scenario(f -> f.shift("S").withCrewSize(1), (f, id) -> f.job(id, 10).withCrewSize(2)), 1,
                        new Scenario(f -> f.shift("S").withCrewSize(2), (f, id) -> f.job(id, 10).withCrewSize(2))),
                new Rule("provider accepted", ScheduleConstraintProvider::providerAccepted,
                        new Scenario(f -> f.shift("S").withProvider("P2"),
                                (f, id) -> f.job(id, 10).withAcceptedProvider("P1")), 1,
                        new Scenario(f -> f.shift("S").withProvider("P2"),
                                (f, id) -> f.job(id, 10).withAcceptedProvider("P2"))),
                new Rule("time window", ScheduleConstraintProvider::timeWindow,
                        // Pinned first on the route: arrives at 30.
                        new Scenario(Rule::plain, (f, id) -> f.job(id, 30).withWindow(0, 20)), 10,
                        new Scenario(Rule::plain, (f, id) -> f.job(id, 30).withWindow(0, 30))),
                new Rule("goods arrival", ScheduleConstraintProvider::goodsArrival,
                        new Scenario(Rule::plain, (f, id) -> f.job(id, 10).withGoodsArrival(Fixture.DAY.plusDays(2))), 2,
                        new Scenario(Rule::plain, (f, id) -> f.job(id, 10).withGoodsArrival(Fixture.DAY))),
                new Rule("installer leave", ScheduleConstraintProvider::installerLeave,
                        new Scenario(f -> f.shift("S").withOnLeave(true), (f, id) -> f.job(id, 10)), 1,
                        new Scenario(Rule::plain, (f, id) -> f.job(id, 10))),
                new Rule("certificate valid", ScheduleConstraintProvider::certificateValid,
                        new Scenario(f -> f.shift("S").withCertificates(Map.of("gas", Fixture.DAY.minusDays(1))),
                                (f, id) -> f.job(id, 10).withCertificates(Set.of("gas", "electrical"))), 2,
                        new Scenario(f -> f.shift("S").withCertificates(Map.of("gas", Fixture.DAY)),
                                (f, id) -> f.job(id, 10).withCertificates(Set.of("gas")))),
                new Rule("SLA lateness", ScheduleConstraintProvider::slaLateness,
                        // Arrives at 30, ends at 130.
                        new Scenario(Rule::plain, (f, id) -> f.job(id, 30).withTier(MemberTier.GOLD).withSlaDue(100L)),
                        30 * 3,
                        new Scenario(Rule::plain, (f, id) -> f.job(id, 30).withTier(MemberTier.GOLD).withSlaDue(130L))),
                new Rule("same installer revisit", ScheduleConstraintProvider::sameInstallerRevisit,
                        new Scenario(Rule::plain, (f, id) -> f.job(id, 10).withPreferredInstaller("I9")), 1,
                        new Scenario(Rule::plain, (f, id) -> f.job(id, 10).withPreferredInstaller("I-S"))),
                new Rule("rework by another installer", ScheduleConstraintProvider::reworkByAnotherInstaller,
                        new Scenario(Rule::plain, (f, id) -> f.job(id, 10).withRework(true).withAvoidedInstaller("I-S")),
                        1,
                        new Scenario(Rule::plain, (f, id) -> f.job(id, 10).withRework(true).withAvoidedInstaller("I7"))),
                new Rule("rework served early", ScheduleConstraintProvider::reworkServedEarly,
                        // Arrives and starts at 400; the window opened at 100.
                        new Scenario(Rule::plain, (f, id) -> f.job(id, 400).withRework(true).withWindow(100, 5_000)),
                        300,
                        new Scenario(Rule::plain, (f, id) -> f.job(id, 400).withRework(true).withWindow(400, 5_000))),
                new Rule("rating for tier", ScheduleConstraintProvider::ratingForTier,
                        new Scenario(f -> f.shift("S").withRating(4.2),
                                (f, id) -> f.job(id, 10).withTier(MemberTier.PLATINUM)), 8 * 3,
                        new Scenario(f -> f.shift("S").withRating(5.0),
                                (f, id) -> f.job(id, 10).withTier(MemberTier.PLATINUM))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void penalizesAPinnedJobThatBreaksTheRule(Rule rule) {
        Fixture f = new Fixture();
        Shift shift = pinned(f, rule.broken(), "PINNED");
        verifier.verifyThat(rule.constraint()).given(weights, shift).penalizesBy(rule.penalty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void acceptsAPinnedJobThatKeepsTheRule(Rule rule) {
        Fixture f = new Fixture();
        Shift shift = pinned(f, rule.kept(), "PINNED");
        verifier.verifyThat(rule.constraint()).given(weights, shift).penalizesBy(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ignoresAnUnassignedJobThatWouldBreakTheRule(Rule rule) {
        Fixture f = new Fixture();
        Shift shift = rule.broken().shift().apply(f);
        Shift bucket = Shift.unassignedBucket();
        Job job = rule.broken().job().apply(f, "PARKED");
        Fixture.route(bucket, job);
        verifier.verifyThat(rule.constraint()).given(weights, shift, bucket, job).penalizesBy(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void countsAPlannedJobThatBreaksTheRuleAsBefore(Rule rule) {
        Fixture f = new Fixture();
        Shift shift = rule.broken().shift().apply(f);
        Job job = rule.broken().job().apply(f, "PLANNED");
        Fixture.route(shift, job);
        verifier.verifyThat(rule.constraint()).given(weights, shift, job).penalizesBy(rule.penalty());
    }

    @Test
    void countsThePinnedAndThePlannedJobsOfOneRouteOnceEach() {
        Fixture f = new Fixture();
        Shift shift = f.shift("S").withSkills(Set.of("ac"));
        Job pinned = f.job("PINNED", 10).withSkills(Set.of("tv"));
        shift.getPinnedJobs().add(pinned);
        shift.refreshPinnedPrefix();
        Job planned = f.job("PLANNED", 20).withSkills(Set.of("tv", "gas"));
        Fixture.route(shift, planned);
        verifier.verifyThat(ScheduleConstraintProvider::skillMatch).given(weights, shift, planned)
                .penalizesBy(1 + 2);
        org.assertj.core.api.Assertions.assertThat(shift.getRouteJobs()).containsExactly(pinned, planned);
    }

    /** The job pinned alone at the head of the scenario's shift (its times set as the solver sets them). */
    private static Shift pinned(Fixture f, Scenario scenario, String jobId) {
        Shift shift = scenario.shift().apply(f);
        shift.getPinnedJobs().add(scenario.job().apply(f, jobId));
        shift.refreshPinnedPrefix();
        shift.updateRouteShadows();
        return shift;
    }
}
