package grader.run;

import grader.api.Visibility;
import grader.report.ScoreTable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One graded test: a test method (a JUnit test, a jqwik property, or a parameterized test with all its cases),
 * what it is worth, and how it ended.
 */
public final class GradedUnit {
    final String uniqueId;
    final String className;
    final String methodName;
    final String name;
    final int problem;
    final String problemTitle;
    /** The TODOs the test grades ("4.1"), the first being the one it is numbered under; empty for none. */
    final java.util.List<String> todos;
    final double points;
    final Visibility.Level visibility;
    String number;
    /** Seconds of CPU time this test may take; null for the run's default. */
    Double timeLimit;
    /** What the test took in its child JVM, wall-clock and CPU seconds; null when it did not run in one. */
    Double seconds;
    Double cpuSeconds;

    Outcome outcome = Outcome.NOT_RUN;
    String output = "not run: the grading run ended before this test was reached";
    final Map<String, Object> reproduction = new LinkedHashMap<>();

    GradedUnit(String uniqueId, String className, String methodName, String name, int problem, String problemTitle,
            java.util.List<String> todos, double points, Visibility.Level visibility) {
        this.uniqueId = uniqueId;
        this.className = className;
        this.methodName = methodName;
        this.name = name;
        this.problem = problem;
        this.problemTitle = problemTitle;
        this.todos = java.util.List.copyOf(todos);
        this.points = points;
        this.visibility = visibility;
    }

    /** Records the first way this test went wrong; later reports (a second failing case) do not overwrite it. */
    void fail(Outcome how, String message, Map<String, Object> details) {
        if (outcome == Outcome.NOT_RUN || outcome == Outcome.PASSED) {
            outcome = how;
            output = message;
            reproduction.putAll(details);
        }
    }

    void pass() {
        if (outcome == Outcome.NOT_RUN) {
            outcome = Outcome.PASSED;
            output = "";
        }
    }

    void skip(String reason) {
        outcome = Outcome.SKIPPED;
        output = "skipped by the instructor, not counted" + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }

    /** Charges a test the harness had to stop (time limit, a crash): replaces whatever was recorded. */
    void charge(Outcome how, String message) {
        outcome = how;
        output = message;
    }

    /** Records what the test took, as its child's budget charged it. */
    void recordTimes(grader.io.CpuBudget budget) {
        seconds = Math.round(budget.wallSeconds() * 100) / 100.0;
        cpuSeconds = Math.round(budget.cpuSeconds() * 100) / 100.0;
    }

    /** Adds what the test printed, if anything, after the verdict. */
    void appendPrinted(String printed) {
        if (printed != null && !printed.isBlank()) {
            output = (output == null || output.isEmpty() ? "" : output + "\n") + ScoreTable.PRINTED + "\n"
                    + printed.stripTrailing();
        }
    }

    public String uniqueId() {
        return uniqueId;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String name() {
        return name;
    }

    public int problem() {
        return problem;
    }

    public java.util.List<String> todos() {
        return todos;
    }
}
