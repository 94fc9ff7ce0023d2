package grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The messages a student reads, for throwables made here rather than by a grading run. */
class FailureExplainerTest {
    private static final FailureExplainer NO_SUBMISSION = new FailureExplainer(name -> false);
    private static final FailureExplainer THIS_CLASS_IS_THE_SUBMISSION =
            new FailureExplainer(name -> name.equals(FailureExplainerTest.class.getName()));

    private static UnsupportedOperationException todo() {
        return new UnsupportedOperationException("not implemented yet: Problem 2.3 (Attention.mask)");
    }

    @Test
    void aTodoIsNamedWithTheFileAndLineThatThrewIt() {
        UnsupportedOperationException todo = todo();
        StackTraceElement at = todo.getStackTrace()[0];
        FailureExplainer.Explanation e = NO_SUBMISSION.explain(new RuntimeException("wrapper", todo), List.of());
        assertThat(e.outcome()).isEqualTo(Outcome.ERRORED);
        assertThat(e.message()).isEqualTo("not implemented yet: Problem 2.3 (Attention.mask) — the TODO at "
                + "FailureExplainerTest.java:" + at.getLineNumber() + " (grader.run.FailureExplainerTest.todo)");
    }

    @Test
    void aTestStoppedByAnotherTodoSaysItNeedsThatOneFirst() {
        UnsupportedOperationException todo = todo();
        StackTraceElement at = todo.getStackTrace()[0];
        FailureExplainer.Explanation e = NO_SUBMISSION.explain(todo, List.of(), List.of("4.1"));
        assertThat(e.outcome()).isEqualTo(Outcome.ERRORED);
        assertThat(e.message()).isEqualTo("needs Problem 2.3 (Attention.mask) first: this test of 4.1 runs it, and"
                + " it is not implemented yet — the TODO at FailureExplainerTest.java:" + at.getLineNumber()
                + " (grader.run.FailureExplainerTest.todo)");
    }

    @Test
    void aTestOfTheTodoThatIsMissingSaysSoPlainly() {
        assertThat(NO_SUBMISSION.explain(todo(), List.of(), List.of("2.3")).message())
                .startsWith("not implemented yet: Problem 2.3 (Attention.mask) — the TODO at");
        assertThat(NO_SUBMISSION.explain(todo(), List.of()).message())
                .startsWith("not implemented yet: Problem 2.3 (Attention.mask) — the TODO at");
        assertThat(NO_SUBMISSION.explain(todo(), List.of(), List.of("2")).message()).as("a test of its problem")
                .startsWith("not implemented yet: Problem 2.3 (Attention.mask) — the TODO at");
        assertThat(NO_SUBMISSION.explain(todo(), List.of(), List.of("6")).message()).as("a test of another problem")
                .startsWith("needs Problem 2.3 (Attention.mask) first: this test of Problem 6 runs it, and it is not"
                        + " implemented yet — the TODO at");
    }

    @Test
    void anotherUnsupportedOperationIsAnOrdinaryError() {
        FailureExplainer.Explanation e = NO_SUBMISSION.explain(new UnsupportedOperationException("read-only"),
                List.of());
        assertThat(e.outcome()).isEqualTo(Outcome.ERRORED);
        assertThat(e.message()).isEqualTo("your code threw java.lang.UnsupportedOperationException: read-only");
    }

    @Test
    void withoutASubmissionNoFrameIsShown() {
        FailureExplainer.Explanation e = NO_SUBMISSION.explain(new IllegalStateException("boom"), List.of());
        assertThat(e.message()).isEqualTo("your code threw java.lang.IllegalStateException: boom");
    }

    @Test
    void onlyTheSubmissionsFramesAreShownAndAtMostSix() {
        Throwable deep = recurse(20);
        String message = THIS_CLASS_IS_THE_SUBMISSION.explain(deep, List.of()).message();
        List<String> frames = message.lines().filter(l -> l.startsWith("    at ")).toList();
        assertThat(frames).hasSize(6)
                .allSatisfy(f -> assertThat(f).startsWith("    at grader.run.FailureExplainerTest."));
        assertThat(message).contains("\n  in your code:\n").doesNotContain("org.junit", "java.base");
    }

    private static Throwable recurse(int n) {
        return n == 0 ? new ArithmeticException("/ by zero") : recurse(n - 1);
    }

    @Test
    void anAssertionIsAFailureWithItsMessage() {
        FailureExplainer.Explanation e = NO_SUBMISSION.explain(new AssertionError("  expected 1 but was 2\n"),
                List.of());
        assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(e.message()).isEqualTo("expected 1 but was 2");
        assertThat(NO_SUBMISSION.explain(new AssertionError(), List.of()).message()).isEqualTo("assertion failed");
    }

    @Test
    void anAbortIsItsOwnOutcome() {
        FailureExplainer.Explanation e = NO_SUBMISSION.explain(new TestAbortedException("no GPU"), List.of());
        assertThat(e.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(e.message()).isEqualTo("aborted: no GPU");
    }

    @Test
    void aStackOverflowSuggestsEndlessRecursion() {
        String message = NO_SUBMISSION.explain(new StackOverflowError(), List.of()).message();
        assertThat(message).isEqualTo("your code threw java.lang.StackOverflowError (a recursion that never ends?)");
    }

    @Test
    void aJqwikReportGivesTheSeedAndTheOriginalSampleWhenNothingWasShrunk() {
        String report = """
                                              |-----------------------jqwik-----------------------
                tries = 1                     | # of calls to property
                seed = -1234567890            | random seed to reproduce generated values

                Original Sample
                ---------------
                  x: 3.5
                  y: -1

                """;
        FailureExplainer.Explanation e = NO_SUBMISSION.explain(new AssertionError("too big"), List.of(report));
        assertThat(e.details()).containsEntry("seed", "-1234567890").containsEntry("sample_kind", "Original Sample");
        assertThat(String.valueOf(e.details().get("sample"))).startsWith("x: 3.5").contains("y: -1");
        assertThat(e.message()).isEqualTo("too big\njqwik seed -1234567890; Original Sample:\n    x: 3.5\n    y: -1");
    }
}
