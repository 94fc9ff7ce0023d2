package grader.samples.conflict;

import grader.api.Problem;
import grader.api.Todo;
import org.junit.jupiter.api.Test;

/** A TODO of Problem 2 in a class that says Problem 3: the grader must refuse it by name. */
@Problem(3)
class ConflictingSample {
    @Test
    @Todo("2.1")
    void contradictsItsClass() {
    }
}
