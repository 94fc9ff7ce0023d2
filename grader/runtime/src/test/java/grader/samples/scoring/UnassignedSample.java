package grader.samples.scoring;

import org.junit.jupiter.api.Test;

/** A test class someone forgot to give a @Problem. */
class UnassignedSample {

    @Test
    void hasNoProblem() {
    }
}
