package grader.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import grader.io.ChildSandbox;
import grader.io.FileOps;
import grader.report.Results;
import grader.report.ResultsJson;
import grader.report.TestResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Grades {@code grader.samples.hostile.HostileSubmission} in Gradescope's layout, closed as the kit's
 * {@code run_autograder} closes it, with the test JVMs run as the unprivileged user: every attempt on the source
 * tree or the results folder is refused and scores nothing. Needs root and the user (the Gradescope box, or a
 * machine where {@code setup.sh}'s {@code useradd} ran); elsewhere there is no other user to run as, and it is
 * skipped.
 */
class HostileSubmissionTest {
    static Path base;
    static Path autograder;
    static Results results;
    static Map<String, TestResult> byMethod;

    @BeforeAll
    static void gradeTheHostileSubmission() throws Exception {
        try (ChildSandbox probe = ChildSandbox.open(Paths.get("."))) {
            assumeTrue(probe.active(), probe.describe());
        }
        base = Files.createTempDirectory("hostile-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        autograder = base.resolve("autograder");
        Path notebooks = Files.createDirectories(autograder.resolve("source/notebooks/source"));
        Files.writeString(notebooks.resolve("h001.ipynb"), "{\"cells\": [\"Check.choice(\\\"1.1\\\", a, \\\"B\\\")\"]}");
        Path hidden = Files.createDirectories(autograder.resolve("source/tests/hidden"));
        Files.writeString(hidden.resolve("HiddenKeyTest.java"), "// the hidden key is HIDDEN-KEY-7319\n");
        Files.createDirectories(autograder.resolve("results"));
        Files.createDirectories(autograder.resolve("submission"));
        // As run_autograder leaves it: the root passable but not listable, the rest root's alone.
        Files.setPosixFilePermissions(autograder, PosixFilePermissions.fromString("rwx--x--x"));
        for (String closed : new String[] {"source", "results", "submission"}) {
            Files.setPosixFilePermissions(autograder.resolve(closed), PosixFilePermissions.fromString("rwx------"));
        }
        Path testClasses = Paths.get(HostileSubmissionTest.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        GradingRun.run(GradeCommand.parse(new String[] {
            "--tests", testClasses.toString(), "--test", "grader.samples.hostile.*",
            "--out", autograder.resolve("results").toString(), "--time-limit", "60",
            "--jvm-arg", "-Dhostile.autograder=" + autograder}),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        results = ResultsJson.read(autograder.resolve("results/results.json"));
        byMethod = results.tests.stream().collect(Collectors.toMap(
                t -> String.valueOf(t.extraData.get("test")).replaceFirst(".*#", ""), Function.identity()));
    }

    @AfterAll
    static void removeTheLayout() {
        if (base != null) {
            FileOps.deleteTree(base);
        }
    }

    private static TestResult refused(String method) {
        TestResult t = byMethod.get(method);
        assertThat(t).as(method).isNotNull();
        assertThat(t.score).as(method + ": " + t.output).isZero();
        assertThat(t.output).as(method).contains("AccessDeniedException");
        return t;
    }

    @Test
    void onlyItsOwnCodeScores() {
        assertThat(byMethod.get("runsItsOwnCode").score).isEqualTo(1.0);
        assertThat(results.score).isEqualTo(1.0);
    }

    @Test
    void theNotebookSourcesAreRefused() {
        assertThat(refused("readsTheNotebookSources").output).contains("source/notebooks/source");
    }

    @Test
    void aHiddenTestSourceIsRefused() {
        assertThat(refused("readsAHiddenTestSource").output).doesNotContain("HIDDEN-KEY-7319");
    }

    @Test
    void theAutograderFolderCannotBeListed() {
        refused("listsTheAutograderFolder");
    }

    @Test
    void theResultsFolderCannotBeWritten() throws IOException {
        refused("writesIntoTheResults");
        assertThat(autograder.resolve("results/forged.txt")).doesNotExist();
        assertThat(Files.readString(autograder.resolve("results/results.json"))).doesNotContain("FORGED-7319");
    }
}
