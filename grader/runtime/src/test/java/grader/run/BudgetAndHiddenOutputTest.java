package grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import grader.report.Results;
import grader.report.ResultsJson;
import grader.report.TestResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The total time budget, and what a student sees of a hidden test. */
class BudgetAndHiddenOutputTest {
    @TempDir
    Path out;

    private String grade(String... extra) throws Exception {
        Path testClasses = Paths.get(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        String[] args = new String[extra.length + 4];
        args[0] = "--tests";
        args[1] = testClasses.toString();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        GradingRun.run(GradeCommand.parse(args), new PrintStream(console, true, StandardCharsets.UTF_8));
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void whatCouldNotRunWithinTheBudgetIsReportedAsNotRun() throws Exception {
        long start = System.nanoTime();
        grade("--test", "grader.samples.budget.*", "--budget", "4", "--time-limit", "60");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds the run took").isLessThan(25);
        Results r = ResultsJson.read(out.resolve("results.json"));
        assertThat(r.tests).hasSize(2);
        assertThat(r.score).isZero();
        assertThat(r.maxScore()).as("tests that could not run still count").isEqualTo(2.0);
        assertThat(r.tests).extracting(t -> t.output)
                .allMatch(o -> o.contains("total time budget of 4 s ran out"));
        assertThat(r.tests).extracting(t -> t.extraData.get("outcome")).contains("not_run");
    }

    @Test
    void aHiddenTestsNameMessageAndOutputStayOutOfWhatTheStudentSees() throws Exception {
        String console = grade("--test", "grader.samples.secret.*");
        Results r = ResultsJson.read(out.resolve("results.json"));
        TestResult hidden = r.tests.stream().filter(t -> "hidden".equals(t.visibility)).findFirst().orElseThrow();
        assertThat(hidden.output).contains("SECRET-FAILURE-MESSAGE").contains("SECRET-EXPECTED-ANSWER");
        for (String seen : new String[] {console, r.output}) {
            assertThat(seen).doesNotContain("SECRET").doesNotContain("hiddenTestThatPrints")
                    .contains("1 more test is not shown here");
        }
    }
}
