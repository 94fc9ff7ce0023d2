package grader.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import grader.report.TestResult;
import grader.samples.scoring.SkeletonStub;
import org.junit.jupiter.api.Test;

/** What each way a test can end is worth, graded from grader.samples.scoring in child JVMs. */
class ScoringTest {
    private final Grading.Run run = Grading.scoringSuite();

    private static void assertScored(TestResult t, double score, double max, String status, String outcome) {
        assertThat(t.score).as("score of %s", t.name).isEqualTo(score);
        assertThat(t.maxScore).as("max_score of %s", t.name).isEqualTo(max);
        assertThat(t.status).as("status of %s", t.name).isEqualTo(status);
        assertThat(t.extraData.get("outcome")).as("outcome of %s", t.name).isEqualTo(outcome);
    }

    @Test
    void aPassingTestEarnsItsPoints() {
        assertScored(run.test("passes"), 2, 2, "passed", "passed");
        assertThat(run.test("passes").output).isEmpty();
    }

    @Test
    void aTestWithoutPointsIsWorthOne() {
        assertScored(run.test("passesWithoutPoints"), 1, 1, "passed", "passed");
    }

    @Test
    void aFailedAssertionEarnsNothingAndSaysWhatWasWrong() {
        TestResult t = run.test("failsAnAssertion");
        assertScored(t, 0, 3, "failed", "failed");
        assertThat(t.output).startsWith("one plus one ==> expected: <3> but was: <2>");
    }

    @Test
    void anUnexpectedExceptionEarnsNothingAndNamesTheException() {
        TestResult t = run.test("throwsUnexpectedly");
        assertScored(t, 0, 1.5, "failed", "errored");
        assertThat(t.output).startsWith("your code threw java.lang.IllegalStateException: boom")
                .contains("caused by java.io.UncheckedIOException: java.io.IOException: disk full")
                .contains("caused by java.io.IOException: disk full");
    }

    @Test
    void anUnexpectedExceptionShowsOnlyTheStudentsFrames() {
        String output = run.test("throwsUnexpectedly").output;
        // The samples are the "submission" of this run, so their frames are shown and nothing else is.
        assertThat(output).contains("in your code:")
                .contains("at grader.samples.scoring.ScoredSample.loadWeights(ScoredSample.java:");
        assertThat(output.lines().filter(l -> l.strip().startsWith("at "))).isNotEmpty()
                .allSatisfy(l -> assertThat(l.strip()).startsWith("at grader.samples."));
        assertThat(output).doesNotContain("org.junit", "java.base/", "jdk.internal", "grader.run.",
                "java.lang.reflect");
    }

    @Test
    void aDisabledTestIsSkippedAndCountsNothing() {
        TestResult t = run.test("disabled");
        assertScored(t, 0, 0, "passed", "skipped");
        assertThat(t.output).startsWith("skipped by the instructor, not counted").contains("not graded this term");
    }

    @Test
    void anAbortedTestEarnsNothingOfItsFullPoints() {
        TestResult t = run.test("aborts");
        assertScored(t, 0, 2, "failed", "aborted");
        assertThat(t.output).startsWith("aborted: ").contains("only on a GPU");
    }

    @Test
    void aParameterizedTestEarnsItsPointsOnlyWhenEveryCasePasses() {
        assertScored(run.test("allCasesPass"), 1, 1, "passed", "passed");
        TestResult t = run.test("oneCaseFails");
        assertScored(t, 0, 2, "failed", "failed");
        assertThat(t.output).contains("case 2 fails");
    }

    @Test
    void aFailingClassSetupChargesEveryTestInTheClassWithItsReason() {
        for (String method : new String[] {"needsTheFixture", "alsoNeedsTheFixture"}) {
            TestResult t = run.test(method);
            assertThat(t.score).isZero();
            assertThat(t.maxScore).isPositive();
            assertThat(t.status).isEqualTo("failed");
            assertThat(t.extraData.get("outcome")).isEqualTo("errored");
            assertThat(t.output).startsWith("could not run: BrokenSetupSample failed before its tests ran: ")
                    .contains("java.lang.IllegalStateException: cannot load the fixture");
        }
        assertThat(run.test("needsTheFixture").maxScore).isEqualTo(2);
        assertThat(run.test("alsoNeedsTheFixture").maxScore).isEqualTo(1);
    }

    @Test
    void visibilityComesFromTheClassAndAMethodOverridesIt() {
        assertThat(run.test("hiddenByClass").visibility).isEqualTo("hidden");
        assertThat(run.test("shownAfterTheDueDate").visibility).isEqualTo("after_due_date");
        assertThat(run.test("shownAfterPublishing").visibility).isEqualTo("after_published");
        assertThat(run.test("alwaysShown").visibility).isEqualTo("visible");
        assertThat(run.test("failsAnAssertion").visibility).as("no @Visibility anywhere").isEqualTo("visible");
    }

    @Test
    void aTodoOfTheSkeletonSaysWhichProblemAndWhereTheTodoIs() {
        StackTraceElement todo = catchThrowableOfType(UnsupportedOperationException.class, SkeletonStub::forward)
                .getStackTrace()[0];
        String where = "SkeletonStub.java:" + todo.getLineNumber();
        for (String method : new String[] {"reachesATodo", "reachesAWrappedTodo"}) {
            TestResult t = run.test(method);
            assertScored(t, 0, 1, "failed", "errored");
            assertThat(t.output).startsWith("not implemented yet: Problem 3.1 (SkeletonStub.forward)")
                    .contains("the TODO at " + where + " (grader.samples.scoring.SkeletonStub.forward)")
                    .doesNotContain("layer 2 failed");
        }
    }

    @Test
    void aFailedTestCarriesTheRerunHint() {
        String rerun = "mvn test -Dgrade.test=grader.samples.scoring.ScoredSample#failsAnAssertion";
        assertThat(run.test("failsAnAssertion").extraData.get("rerun")).isEqualTo(rerun);
        assertThat(run.test("failsAnAssertion").output).endsWith("re-run just this test: " + rerun);
        assertThat(run.test("passes").extraData).doesNotContainKey("rerun");
        assertThat(run.test("disabled").extraData).doesNotContainKey("rerun");
    }

    @Test
    void gradingInProcessAgreesWithTheChildJvms() {
        Grading.Run inProcess = Grading.grade("scoring-in-process", "--test", Grading.SCORING, "--in-process");
        assertThat(inProcess.results().tests).hasSameSizeAs(run.results().tests);
        for (int i = 0; i < run.results().tests.size(); i++) {
            TestResult a = run.results().tests.get(i);
            TestResult b = inProcess.results().tests.get(i);
            assertThat(b.name).isEqualTo(a.name);
            assertThat(b.score).as("score of %s", a.name).isEqualTo(a.score);
            assertThat(b.maxScore).as("max_score of %s", a.name).isEqualTo(a.maxScore);
            assertThat(b.extraData.get("outcome")).as("outcome of %s", a.name).isEqualTo(a.extraData.get("outcome"));
        }
    }
}
