package grader.authoring.batch;

import static org.assertj.core.api.Assertions.assertThat;

import grader.report.FeedbackPage;
import grader.report.ResultsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grading a batch again grades only what changed (by content, not by date), or everything with --force, and says
 * per submission what the regrade changed. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchRegradeTest {
    @TempDir
    static Path root;
    static MiniHomework hw;

    @BeforeAll
    static void gradeOnce() throws Exception {
        hw = MiniHomework.under(root);
        hw.submission("good", hw.submissions.resolve("alice"));
        hw.submission("broken", hw.submissions.resolve("bob"));
        MiniHomework.zip(hw.resources.resolve("submissions/good"), hw.submissions.resolve("carol.zip"));
        String first = hw.batch(hw.out, Batch.Options.jobs(2));
        assertThat(first).contains("3 submissions, 0 already graded, 3 to grade");
    }

    @Test
    @Order(1)
    void everyResultsFileHasAFeedbackPageBesideIt() throws Exception {
        for (String s : List.of("alice", "bob", "carol")) {
            String page = Files.readString(hw.out.resolve(s).resolve(FeedbackPage.FILE));
            assertThat(page).contains("<h1>Feedback: " + s + "</h1>");
        }
        assertThat(Files.readString(hw.out.resolve("bob").resolve(FeedbackPage.FILE)))
                .contains("your Calc.java does not compile");
    }

    @Test
    @Order(2)
    void anUnchangedBatchGradesNothingEvenWhenAZipIsMadeAgain() throws Exception {
        Files.delete(hw.submissions.resolve("carol.zip"));
        MiniHomework.zip(hw.resources.resolve("submissions/good"), hw.submissions.resolve("carol.zip"));
        assertThat(hw.batch(hw.out, Batch.Options.jobs(2))).contains("3 already graded, 0 to grade");
    }

    @Test
    @Order(3)
    void aChangedSubmissionIsGradedAgainAndTheRegradeSaysWhatChanged() throws Exception {
        Path calc = hw.submissions.resolve("bob/Calc.java");
        Files.writeString(calc, Files.readString(calc).replace("return a + b\n", "return a + b;\n"));
        String console = hw.batch(hw.out, Batch.Options.jobs(2));
        assertThat(console).contains("2 already graded, 1 to grade")
                .contains("bob: 1 → 3 (+2); 1 test changed: 1.0.1 0→2");
        List<String> rows = Files.readAllLines(onlyRegradeFile());
        assertThat(rows).containsExactly("submission,old score,new score,change,old max,new max,tests changed,why",
                "bob,1,3,+2,3,3,1.0.1 0→2,files changed");
        assertThat(ResultsJson.read(hw.out.resolve("bob").resolve(Batch.PREVIOUS)).score).isEqualTo(1.0);
        assertThat(Files.readAllLines(hw.out.resolve("gradebook.csv"))).contains("bob,3,3,2,1,");
    }

    @Test
    @Order(4)
    void aRegradeStoppedHalfwayKeepsTheOldRowAndIsFinishedNextTime() throws Exception {
        // As after kill -9 in the middle of alice's regrade: her results set aside, her marker gone.
        Path alice = hw.out.resolve("alice");
        Files.copy(alice.resolve("results.json"), alice.resolve(Batch.PREVIOUS),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(alice.resolve(Batch.MARKER));
        Batch.writeGradebook(hw.out);
        assertThat(Files.readAllLines(hw.out.resolve("gradebook.csv")))
                .contains("alice,3,3,2,1,regrade not finished: the previous grade");
        String console = hw.batch(hw.out, Batch.Options.jobs(1));
        assertThat(console).contains("2 already graded, 1 to grade").contains("alice: 3 → 3 (±0); no test changed");
        assertThat(lastRegradeFile()).content().contains("alice,3,3,±0,3,3,,\"a stopped regrade, finished\"");
        assertThat(Files.readAllLines(hw.out.resolve("gradebook.csv"))).contains("alice,3,3,2,1,");
    }

    @Test
    @Order(5)
    void forceGradesEverySubmissionAgain() throws Exception {
        String console = hw.batch(hw.out, new Batch.Options(2, true, null));
        assertThat(console).contains("0 already graded, 3 to grade").contains("regraded 3");
        assertThat(Files.readAllLines(lastRegradeFile())).hasSize(4).allMatch(r -> r.startsWith("submission") || r.endsWith(
                ",--force"));
    }

    private static Path lastRegradeFile() throws Exception {
        try (Stream<Path> files = Files.list(hw.out.resolve("regrades"))) {
            return files.sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    private static Path onlyRegradeFile() throws Exception {
        try (Stream<Path> files = Files.list(hw.out.resolve("regrades"))) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
