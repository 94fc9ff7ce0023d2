package grader.samples.scoring;

import grader.api.Points;
import grader.api.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Its class setup throws, so none of its tests runs; each must still be charged. */
@Problem(value = 4, title = "Visibility and setup")
class BrokenSetupSample {

    @BeforeAll
    static void loadFixture() {
        throw new IllegalStateException("cannot load the fixture");
    }

    @Test
    @Points(2)
    void needsTheFixture() {
    }

    @Test
    @Points(1)
    void alsoNeedsTheFixture() {
    }
}
