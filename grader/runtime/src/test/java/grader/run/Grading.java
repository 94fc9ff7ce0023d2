package grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grader.report.Results;
import grader.report.ResultsJson;
import grader.report.TestResult;
import grader.samples.scoring.SkeletonStub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Grades the sample suites in {@code grader.samples} the way a real run does. Every run passes a --test filter,
 * so a grading run never discovers the grader's own tests.
 */
final class Grading {
    /** The sample suite of every outcome, graded once and shared by the tests that read it. */
    static final String SCORING = "grader.samples.scoring.*";
    private static Run scoring;

    private Grading() {
    }

    /** One finished grading run: the results.json as read back and as raw JSON, and what it printed. */
    record Run(Results results, JsonObject json, String console, Path out) {
        /** The result of the test method {@code method} (simple name), which must be there exactly once. */
        TestResult test(String method) {
            List<TestResult> found = results.tests.stream()
                    .filter(t -> String.valueOf(t.extraData.get("test")).endsWith("#" + method)).toList();
            assertThat(found).as("results for a test method named %s", method).hasSize(1);
            return found.get(0);
        }
    }

    /** The folder of compiled test classes, which holds the samples. */
    static Path testClasses() {
        try {
            return Paths.get(SkeletonStub.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh output folder below target/, kept after the run for a look at what was written. */
    static Path outputFolder(String name) {
        Path out = testClasses().getParent().resolve("grading-samples").resolve(name);
        try {
            if (Files.exists(out)) {
                try (var files = Files.walk(out)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Grades with the given options (which must include --test) and writes to target/grading-samples/NAME. */
    static Run grade(String name, String... options) {
        assertThat(List.of(options)).as("a grading run must select samples with --test")
                .anyMatch(o -> o.equals("--test") || o.startsWith("--test="));
        Path out = outputFolder(name);
        List<String> args = new ArrayList<>(List.of("--tests", testClasses().toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        GradingRun.run(GradeCommand.parse(args.toArray(String[]::new)),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        Path file = out.resolve("results.json");
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            return new Run(ResultsJson.read(file), json, printed.toString(StandardCharsets.UTF_8), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The scoring samples, graded in child JVMs. The submission is the test-classes folder, so the samples' own
     * frames count as the student's code and the others (JUnit, the JDK, the grader) as the harness.
     */
    static synchronized Run scoringSuite() {
        if (scoring == null) {
            scoring = grade("scoring", "--test", SCORING, "--submission", testClasses().toString(),
                    "--label", "sample run", "--rerun", "mvn test -Dgrade.test=%s");
        }
        return scoring;
    }
}
