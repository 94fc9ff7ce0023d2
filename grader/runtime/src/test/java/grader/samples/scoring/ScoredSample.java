package grader.samples.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import grader.api.Points;
import grader.api.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per outcome the grader distinguishes. Graded by the tests in grader.run; Surefire skips it. */
@Problem(value = 3, title = "Scoring")
class ScoredSample {

    @Test
    @Points(2)
    void passes() {
    }

    @Test
    void passesWithoutPoints() {
    }

    @Test
    @Points(3)
    void failsAnAssertion() {
        assertEquals(3, 1 + 1, "one plus one");
    }

    @Test
    @Points(1.5)
    void throwsUnexpectedly() {
        loadWeights();
    }

    private static void loadWeights() {
        try {
            throw new IOException("disk full");
        } catch (IOException e) {
            throw new IllegalStateException("boom", new UncheckedIOException(e));
        }
    }

    @Test
    @Points(4)
    @Disabled("not graded this term")
    void disabled() {
        fail("a disabled test must not run");
    }

    @Test
    @Points(2)
    void aborts() {
        assumeTrue(false, "only on a GPU");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    @Points(2)
    void oneCaseFails(int n) {
        assertNotEquals(2, n, "case 2 fails");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    @Points(1)
    void allCasesPass(int n) {
        assertTrue(n > 0);
    }

    @Test
    @Points(1)
    void reachesATodo() {
        SkeletonStub.forward();
    }

    @Test
    @Points(1)
    void reachesAWrappedTodo() {
        try {
            SkeletonStub.forward();
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("layer 2 failed", e);
        }
    }
}
