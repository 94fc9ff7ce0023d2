package grader.samples.secret;

import static org.junit.jupiter.api.Assertions.fail;

import grader.api.Points;
import grader.api.Problem;
import grader.api.Visibility;
import org.junit.jupiter.api.Test;

/** A hidden test that prints and fails, beside a visible one. Graded by HiddenOutputTest only. */
@Problem(value = 7, title = "Hidden output")
class HiddenPrinter {

    @Test
    @Points(1)
    @Visibility(Visibility.Level.HIDDEN)
    void hiddenTestThatPrints() {
        System.out.println("SECRET-EXPECTED-ANSWER 42");
        fail("SECRET-FAILURE-MESSAGE");
    }

    @Test
    @Points(1)
    void visibleTest() {
    }
}
