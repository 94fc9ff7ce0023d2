package grader.samples.scoring;

import grader.api.Points;
import grader.api.Problem;
import grader.api.Visibility;
import grader.api.Visibility.Level;
import org.junit.jupiter.api.Test;

/** Hidden as a class; some methods override that. All pass. */
@Problem(value = 4, title = "Visibility and setup")
@Visibility(Level.HIDDEN)
class VisibilitySample {

    @Test
    @Points(1)
    void hiddenByClass() {
    }

    @Test
    @Points(1)
    @Visibility(Level.AFTER_DUE_DATE)
    void shownAfterTheDueDate() {
    }

    @Test
    @Points(1)
    @Visibility(Level.AFTER_PUBLISHED)
    void shownAfterPublishing() {
    }

    @Test
    @Points(1)
    @Visibility(Level.VISIBLE)
    void alwaysShown() {
    }
}
