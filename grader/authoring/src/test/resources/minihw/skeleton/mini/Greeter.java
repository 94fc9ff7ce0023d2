package mini;

/** A tiny homework for the grader's own tests: Problem 2. */
public class Greeter {
    /** Problem 2.1 — "Hello, NAME". */
    public String greet(String name) {
        // TODO Problem 2.1 (Greeter.greet): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 2.1 (Greeter.greet)");
    }
}
