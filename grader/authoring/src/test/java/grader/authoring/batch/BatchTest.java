package grader.authoring.batch;

import static org.assertj.core.api.Assertions.assertThat;

import grader.authoring.release.StudentCopy;
import grader.course.Layout;
import grader.report.Results;
import grader.report.ResultsJson;
import grader.report.TestResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades the purpose-built submissions of a tiny two-problem homework (test resources under minihw/): a correct
 * one, one whose Calc.java does not compile, one whose Greeter changed its public API, a zipped one and a file
 * that is not a zip. Each broken part costs only its own problem, and the batch resumes without losing or
 * repeating a row.
 */
class BatchTest {
    @TempDir
    static Path root;
    static Path out;
    static Layout layout;
    static String console;

    @BeforeAll
    static void gradeTheBatch() throws Exception {
        MiniHomework hw = MiniHomework.under(root);
        layout = hw.layout;
        Path submissions = root.resolve("submissions");
        StudentCopy.copyTree(hw.resources.resolve("submissions"), submissions);
        MiniHomework.zip(hw.resources.resolve("submissions/good"), submissions.resolve("zipped.zip"));
        Files.writeString(submissions.resolve("garbage.zip"), "this is not a zip");

        out = root.resolve("out");
        console = runBatch(submissions);
    }

    private static String runBatch(Path submissions) throws InterruptedException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Batch.run(layout, submissions, out, 2, List.of("--time-limit", "60"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static Results results(String submission) {
        return ResultsJson.read(out.resolve(submission).resolve("results.json"));
    }

    private static TestResult test(String submission, String method) {
        return results(submission).tests.stream()
                .filter(t -> String.valueOf(t.extraData.get("test")).endsWith("#" + method)).findFirst().orElseThrow();
    }

    @Test
    void aCorrectSubmissionEarnsEverythingFolderOrZip() {
        assertThat(results("good").score).isEqualTo(3.0);
        assertThat(results("zipped").score).isEqualTo(3.0);
    }

    @Test
    void aFileThatDoesNotCompileCostsOnlyItsOwnTests() {
        TestResult calc = test("broken", "addsTwoNumbers");
        assertThat(calc.score).isZero();
        assertThat(calc.output).contains("your Calc.java does not compile").contains("line 5")
                .contains("graded with the skeleton's version");
        assertThat(test("broken", "greetsByName").score).isEqualTo(1.0);
        assertThat(results("broken").output).contains("mini.Calc");
    }

    @Test
    void aChangedPublicApiCostsOnlyItsOwnTests() {
        TestResult greeter = test("renamed", "greetsByName");
        assertThat(greeter.score).isZero();
        assertThat(greeter.output).contains("changed the signature").contains("greet");
        assertThat(test("renamed", "addsTwoNumbers").score).isEqualTo(2.0);
    }

    @Test
    void anUnreadableSubmissionGetsAResultsFileAndARow() {
        assertThat(results("garbage").score).isZero();
        assertThat(results("garbage").output).contains("not a readable zip");
    }

    @Test
    void theGradebookHasOneRowPerSubmission() throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
        assertThat(rows.get(0)).isEqualTo("submission,total,max,problem 1,problem 2,note");
        assertThat(rows).contains("good,3,3,2,1,", "broken,1,3,0,1,", "renamed,2,3,2,0,", "zipped,3,3,2,1,");
        assertThat(rows).anyMatch(r -> r.startsWith("garbage,0,0,0,0,could not grade this submission"));
        assertThat(rows).hasSize(6);
    }

    @Test
    void aStoppedBatchResumesWithoutLosingOrRepeatingRows() throws Exception {
        // As after kill -9 while "good" was being graded: its marker never got written.
        Files.delete(out.resolve("good").resolve(Batch.MARKER));
        FileTime brokenGraded = Files.getLastModifiedTime(out.resolve("broken/results.json"));
        String again = runBatch(root.resolve("submissions"));
        assertThat(again).contains("4 already graded, 1 to grade");
        assertThat(Files.getLastModifiedTime(out.resolve("broken/results.json"))).isEqualTo(brokenGraded);
        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
        assertThat(rows).hasSize(6).containsOnlyOnce("good,3,3,2,1,");
    }
}
