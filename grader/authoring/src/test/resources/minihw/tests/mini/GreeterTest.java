package mini;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.api.Points;
import grader.api.Problem;
import org.junit.jupiter.api.Test;

@Problem(value = 2, title = "Greeting")
class GreeterTest {
    @Test
    @Points(1)
    void greetsByName() {
        assertEquals("Hello, Ada", new Greeter().greet("Ada"));
    }
}
