package grader.run;

/**
 * How a graded test ended, and what it is worth. Only {@link #PASSED} earns points. A test the instructor
 * disabled ({@link #SKIPPED}) counts for nothing either way; every other outcome counts its full points towards
 * the maximum, so a submission cannot raise its percentage by making a test abort or vanish.
 */
public enum Outcome {
    PASSED,
    /** An assertion failed: the code ran and gave a wrong answer. */
    FAILED,
    /** The code threw something other than an assertion (including "not implemented yet"). */
    ERRORED,
    /** The test was aborted (a failed assumption), which a submission must not use to dodge a test. */
    ABORTED,
    /** Disabled by the instructor: not part of this grading. */
    SKIPPED,
    /** Discovered but never reported: the run stopped before it (a crash, a time budget). */
    NOT_RUN;

    /** Whether the test's points count towards the maximum. */
    public boolean counts() {
        return this != SKIPPED;
    }
}
