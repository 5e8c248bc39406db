package dev.shifu.platform.schedule.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

import org.springframework.stereotype.Component;

import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.explain.ScheduleExplanation;
import dev.shifu.planner.explain.ScoreExplainer;
import dev.shifu.planner.solver.ScheduleSolverConfig;
import dev.shifu.planner.solver.SolverBudget;
import dev.shifu.planner.solver.SolverSettings;

/** The solver factories of the schedule, and what else needs one: plan copies, scores, explanations. */
@Component
class Solvers {

	private static final long SEED = 1;

	/** The score shown for a plan with nothing left to move. */
	static final String ALL_PINNED = "all jobs pinned";

	private final SolverFactory<Schedule> live;

	private final ScoreExplainer explainer;

	private final SolutionManager<Schedule, HardMediumSoftLongScore> scoring;

	/** Shared by every region's live solver on this node. */
	private final SolverBudget budget;

	Solvers(ScheduleProperties properties) {
		this.budget = properties.solverBudget();
		this.live = SolverFactory.create(ScheduleSolverConfig.create(SolverSettings.of(properties.burst(), SEED)
			.withUnimprovedTimeLimit(properties.unimproved())
			.withDaemon(true)));
		this.explainer = new ScoreExplainer(live);
		this.scoring = SolutionManager.create(live);
	}

	/** Who hears of every newly published plan version (the capacity view); set once at start. */
	private volatile java.util.function.BiConsumer<String, PlanVersion> onPublished = (region, version) -> {
	};

	void onPublished(java.util.function.BiConsumer<String, PlanVersion> listener) {
		this.onPublished = listener;
	}

	/** Called by a region's planner for each plan version it publishes (on the solver thread: keep it quick). */
	void published(String region, PlanVersion version) {
		onPublished.accept(region, version);
	}

	SolverFactory<Schedule> live() {
		return live;
	}

	SolverBudget budget() {
		return budget;
	}

	/** A one-off solver that stops after {@code limit} (a dispatcher's re-optimization of a day). */
	Solver<Schedule> bounded(Duration limit) {
		return SolverFactory.<Schedule>create(ScheduleSolverConfig.create(SolverSettings.of(limit, SEED))).buildSolver();
	}

	/**
	 * A planning clone: jobs and shifts copied, problem facts shared. OptaPlanner's public API has no clone, so this
	 * uses the cloner the solver itself uses for its best solutions.
	 */
	Schedule copy(Schedule plan) {
		return ((DefaultSolverFactory<Schedule>) live).getSolutionDescriptor().getSolutionCloner().cloneSolution(plan);
	}

	/**
	 * A score director on the live solver's constraints with constraint matches and look-ups on, for what-if edits on
	 * a copy of a plan (problem changes need look-ups). Close it after use.
	 */
	InnerScoreDirector<Schedule, HardMediumSoftLongScore> scoreDirector() {
		return ((DefaultSolverFactory<Schedule>) live).<HardMediumSoftLongScore>getScoreDirectorFactory()
			.buildScoreDirector(true, true);
	}

	/**
	 * Scores a plan no solver works on, e.g. the first version of a region: a solver started on a plan that is
	 * already complete publishes nothing until it finds a better one. A plan of pinned jobs only is left unscored.
	 */
	void score(Schedule plan) {
		if (!plan.getJobs().isEmpty()) {
			scoring.update(plan);
		}
	}

	/**
	 * Explains a copy of the plan: explaining recomputes shadow variables, and the plan itself must not change. A plan
	 * whose jobs are all pinned cannot be scored (OptaPlanner refuses an empty value range): it is explained as such.
	 */
	ScheduleExplanation explain(Schedule plan) {
		if (plan.getJobs().isEmpty()) {
			return new ScheduleExplanation(ALL_PINNED, true, List.of(), Map.of(), Map.of(), Map.of());
		}
		return explainer.explain(copy(plan));
	}

}
