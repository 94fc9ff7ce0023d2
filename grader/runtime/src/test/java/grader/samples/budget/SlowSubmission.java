package grader.samples.budget;

import grader.api.Points;
import grader.api.Problem;
import org.junit.jupiter.api.Test;

/** Two tests that cannot both finish within a total budget of a few seconds. Graded by BudgetTest only. */
@Problem(value = 8, title = "A slow submission")
class SlowSubmission {

    @Test
    @Points(1)
    void sleepsFirst() throws InterruptedException {
        Thread.sleep(30_000);
    }

    @Test
    @Points(1)
    void sleepsSecond() throws InterruptedException {
        Thread.sleep(30_000);
    }
}
