package grader.api;

/**
 * A measurement of the student's own code for Gradescope's leaderboard (a course opts in with course.json's
 * "leaderboard"). Put a public class with a public no-argument constructor that implements this among the test
 * classes; grading runs
 * each one after the tests, in a separate JVM with a time limit. A measurement that throws, times out or crashes
 * is left out of the leaderboard with the reason; it never changes a score.
 */
public interface LeaderboardMeasure {
    /** The leaderboard's column, e.g. "Cached sampling (tokens/s)". */
    String name();

    /** "desc" when higher ranks higher (the default), "asc" for a time or a loss. */
    default String order() {
        return "desc";
    }

    /** The value, measured on fixed, seeded work; must be finite. */
    double measure() throws Exception;
}
