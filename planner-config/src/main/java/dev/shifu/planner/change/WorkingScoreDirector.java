package dev.shifu.planner.change;

import java.lang.reflect.Field;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.change.DefaultProblemChangeDirector;

import dev.shifu.planner.domain.Schedule;

/**
 * The running solver's own score director behind a {@link ProblemChangeDirector}.
 * <p>
 * Why: OptaPlanner 10.1's {@code ProblemChangeDirector} offers no score, but placing a job inside the
 * change must ask the real constraints whether a position keeps the hard score; the solver's own
 * director does that incrementally (a second director would rescore the whole region). 10.1 keeps it
 * in a private field of {@link DefaultProblemChangeDirector}, the only implementation the solver
 * passes; if that ever changes this returns null and the changes fall back to parking the jobs.
 * <p>
 * Why the reflection stays (checked against the 10.1.0 source): neither {@code ProblemChangeDirector}
 * nor the public {@code ScoreDirector} has a score method, and no public API hands a problem change the
 * solver's director. A custom phase would get it only by a cast to the same internal type (its own
 * javadoc points at {@code InnerScoreDirector#calculateScore}), and it runs after the restart, so the
 * first plan published after a change would still show the job parked. Placing inside the change
 * keeps "published" and "placed" the same event.
 */
final class WorkingScoreDirector {

    private static final Field FIELD = find();

    private WorkingScoreDirector() {
    }

    @SuppressWarnings("unchecked")
    static InnerScoreDirector<Schedule, HardMediumSoftLongScore> of(ProblemChangeDirector director) {
        if (FIELD == null || !(director instanceof DefaultProblemChangeDirector<?>)) {
            return null;
        }
        try {
            return (InnerScoreDirector<Schedule, HardMediumSoftLongScore>) FIELD.get(director);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private static Field find() {
        try {
            Field field = DefaultProblemChangeDirector.class.getDeclaredField("scoreDirector");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
