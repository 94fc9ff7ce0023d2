package mini;

/** A tiny homework for the grader's own tests: Problem 1. */
public class Calc {
    /** Problem 1.1 — the sum of a and b. */
    public int add(int a, int b) {
        // TODO Problem 1.1 (Calc.add): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 1.1 (Calc.add)");
    }
}
