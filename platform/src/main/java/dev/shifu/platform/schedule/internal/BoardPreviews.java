package dev.shifu.platform.schedule.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatch;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.change.DefaultProblemChangeDirector;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.ScheduleConstraints;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.domain.Times;
import dev.shifu.planner.solver.Justification;
import dev.shifu.platform.schedule.RouteBoard.ConstraintDelta;
import dev.shifu.platform.schedule.RouteBoard.Edit;
import dev.shifu.platform.schedule.RouteBoard.Match;
import dev.shifu.platform.schedule.RouteBoard.Preview;
import dev.shifu.platform.shared.ConflictException;

/**
 * What-if: the edits' problem changes run on a planning clone of one published plan version, through a score director
 * on the real constraints; the constraint matches before and after give what the edits create and remove. The live
 * plan is never touched.
 */
final class BoardPreviews {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private BoardPreviews() {
	}

	/** One constraint match: which constraint, about which job or shift, how much, and why. */
	private record Found(String constraint, String jobId, Match match) {
	}

	/**
	 * @param heldJobs builds the job of a held order for a move that brings it back (null when there is none)
	 * @param names the installer name of a shift, for the text
	 */
	static Preview preview(Solvers solvers, PlanVersion version, List<Edit> edits, Function<Edit, Job> heldJobs,
			Function<Shift, String> names) {
		Schedule base = version.plan();
		if (base.getJobs().isEmpty()) {
			throw new ConflictException("nothing-movable",
					"Every job of this region is pinned: there is no live plan to preview an edit on");
		}
		Schedule work = solvers.copy(base);
		try (InnerScoreDirector<Schedule, HardMediumSoftLongScore> director = solvers.scoreDirector()) {
			director.setWorkingSolution(work);
			HardMediumSoftLongScore before = director.calculateScore();
			Map<String, Found> matchesBefore = matches(director);
			Map<String, long[]> totals = new TreeMap<>();
			totals(director, totals, 0);
			Map<String, String> levels = levels(director);
			List<String> headlines = new ArrayList<>();
			DefaultProblemChangeDirector<Schedule> changes = new DefaultProblemChangeDirector<>(director);
			for (Edit edit : edits) {
				Job held = heldJobs.apply(edit);
				BoardEdits.check(work, edit, held != null);
				headlines.add(headline(work, edit, names));
				changes.doProblemChange(BoardEdits.change(work, edit, held));
			}
			director.forceTriggerVariableListeners();
			HardMediumSoftLongScore after = director.calculateScore();
			Map<String, Found> matchesAfter = matches(director);
			totals(director, totals, 1);
			levels.putAll(levels(director));
			List<Found> created = new ArrayList<>();
			List<Found> removed = new ArrayList<>();
			matchesAfter.forEach((key, found) -> {
				if (!matchesBefore.containsKey(key)) {
					created.add(found);
				}
			});
			matchesBefore.forEach((key, found) -> {
				if (!matchesAfter.containsKey(key)) {
					removed.add(found);
				}
			});
			List<ConstraintDelta> deltas = new ArrayList<>();
			totals.forEach((name, values) -> {
				if (values[0] != values[1]) {
					deltas.add(new ConstraintDelta(name, levels.getOrDefault(name, "soft"), values[0], values[1]));
				}
			});
			List<String> effects = effects(work, totals, created, removed);
			String summary = String.join("; ", headlines) + ": "
					+ (effects.isEmpty() ? "no change to the score" : String.join(", ", effects));
			return new Preview(version.number(), before.toString(), after.toString(), after.subtract(before).toString(),
					after.isFeasible(), deltas, created.stream().map(Found::match).toList(),
					removed.stream().map(Found::match).toList(), List.of(summary));
		}
	}

	private static Map<String, Found> matches(InnerScoreDirector<Schedule, HardMediumSoftLongScore> director) {
		Map<String, Found> matches = new LinkedHashMap<>();
		for (ConstraintMatchTotal<HardMediumSoftLongScore> total : director.getConstraintMatchTotalMap().values()) {
			for (ConstraintMatch<HardMediumSoftLongScore> match : total.getConstraintMatchSet()) {
				String text;
				String jobId = null;
				String shiftId = null;
				if (match.getJustification() instanceof Justification j) {
					text = j.reason();
					jobId = j.jobId();
					shiftId = j.shiftId();
				}
				else {
					text = String.valueOf(match.getJustification());
				}
				String key = total.getConstraintName() + "|" + match.getJustification() + "|" + match.getScore();
				matches.put(key, new Found(total.getConstraintName(), jobId, new Match(total.getConstraintName(),
						match.getScore().toShortString(), text, jobId, shiftId)));
			}
		}
		return matches;
	}

	private static void totals(InnerScoreDirector<Schedule, HardMediumSoftLongScore> director, Map<String, long[]> totals,
			int index) {
		for (ConstraintMatchTotal<HardMediumSoftLongScore> total : director.getConstraintMatchTotalMap().values()) {
			HardMediumSoftLongScore score = total.getScore();
			long impact = score.hardScore() != 0 ? score.hardScore()
					: score.mediumScore() != 0 ? score.mediumScore() : score.softScore();
			totals.computeIfAbsent(total.getConstraintName(), name -> new long[2])[index] = impact;
		}
	}

	private static Map<String, String> levels(InnerScoreDirector<Schedule, HardMediumSoftLongScore> director) {
		Map<String, String> levels = new TreeMap<>();
		for (ConstraintMatchTotal<HardMediumSoftLongScore> total : director.getConstraintMatchTotalMap().values()) {
			HardMediumSoftLongScore score = total.getScore();
			if (!score.isZero()) {
				levels.put(total.getConstraintName(),
						score.hardScore() != 0 ? "hard" : score.mediumScore() != 0 ? "medium" : "soft");
			}
		}
		return levels;
	}

	private static String headline(Schedule plan, Edit edit, Function<Shift, String> names) {
		Shift shift = edit.shiftId() == null ? null : plan.findShift(edit.shiftId()).orElse(null);
		String who = shift == null ? null : names.apply(shift);
		return switch (edit.kind()) {
			case MOVE -> "moving job " + edit.jobId() + " to " + who + (edit.pin() ? " (pinned)" : "");
			case PIN -> "pinning job " + edit.jobId();
			case UNPIN -> "unpinning job " + edit.jobId();
			case UNASSIGN -> "taking job " + edit.jobId() + " off the plan";
			case LOCK_DAY -> "locking " + who + "'s day";
			case UNAVAILABLE_FROM -> who + " unavailable from " + edit.from().toLocalTime().format(HH_MM);
		};
	}

	/** The effects in a dispatcher's words: travel, windows broken or kept, other hard rules, unassigned jobs. */
	private static List<String> effects(Schedule after, Map<String, long[]> totals, List<Found> created,
			List<Found> removed) {
		List<String> effects = new ArrayList<>();
		long[] travel = totals.get(ScheduleConstraints.TRAVEL_TIME);
		if (travel != null && travel[0] != travel[1]) {
			long minutes = Math.round((travel[0] - travel[1]) / 60.0);
			effects.add((minutes >= 0 ? "+" : "") + minutes + " min travel");
		}
		TreeSet<String> lateAfter = new TreeSet<>();
		for (Found found : created) {
			if (found.constraint().equals(ScheduleConstraints.TIME_WINDOW) && found.jobId() != null) {
				after.findJob(found.jobId()).filter(job -> job.getWindowStart() != null).ifPresent(job -> {
					lateAfter.add(job.getId());
					effects.add("breaks the " + Times.toDateTime(job.getWindowStart()).format(HH_MM) + "–"
							+ Times.toDateTime(job.getWindowEnd()).format(HH_MM) + " window of job " + job.getId() + " by "
							+ Math.max(1, Math.round(job.getWindowViolationSeconds() / 60.0)) + " min");
				});
			}
			else if (isHard(found) && !found.constraint().equals(ScheduleConstraints.TIME_WINDOW)) {
				effects.add("breaks " + found.constraint() + " (" + found.match().text() + ")");
			}
		}
		for (Found found : removed) {
			if (found.constraint().equals(ScheduleConstraints.TIME_WINDOW) && found.jobId() != null
					&& !lateAfter.contains(found.jobId())) {
				effects.add("job " + found.jobId() + " within its window again");
			}
		}
		long[] unassigned = totals.get(ScheduleConstraints.UNASSIGNED_JOB);
		if (unassigned != null) {
			long before = after.getUnassignedJobs().size();
			long createdCount = created.stream().filter(f -> f.constraint().equals(ScheduleConstraints.UNASSIGNED_JOB)).count();
			long removedCount = removed.stream().filter(f -> f.constraint().equals(ScheduleConstraints.UNASSIGNED_JOB)).count();
			long delta = createdCount - removedCount;
			if (delta != 0 && before >= 0) {
				effects.add((delta > 0 ? "+" : "") + delta + " unassigned job(s)");
			}
		}
		return effects;
	}

	private static boolean isHard(Found found) {
		return found.match().impact().contains("hard");
	}

}
