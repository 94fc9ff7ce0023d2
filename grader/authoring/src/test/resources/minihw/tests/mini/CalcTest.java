package mini;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.api.Points;
import grader.api.Problem;
import org.junit.jupiter.api.Test;

@Problem(value = 1, title = "Adding")
class CalcTest {
    @Test
    @Points(2)
    void addsTwoNumbers() {
        assertEquals(5, new Calc().add(2, 3));
    }
}
