package grader.authoring.platform;

import grader.authoring.GradeProcess;
import grader.course.Layout;
import grader.report.Results;
import grader.report.TestResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GitHub Classroom's autograding for a student release: {@code .github/workflows/classroom.yml}, the workflow
 * Classroom runs on each push. One step grades everything once with the student's own command
 * ({@code mvn test -Pgrade}), which is the autograder's grading: the sources compiled TODO by TODO (a compile error
 * costs only its TODO), the notebooks' questions included; it writes results.json. Then one
 * {@code classroom-resources/autograding-command-grader} step per graded test or question, worth its points, passes
 * when results.json gives it full marks (read with {@code jq}, which GitHub's Ubuntu runners have); the
 * {@code autograding-grading-reporter} step sends the total to Classroom. Partial credit is per test, as in the kit's
 * score table, and the steps' points add up to results.json's visible maximum.
 */
public final class Classroom {
    static final String WORKFLOW = ".github/workflows/classroom.yml";
    /** The job's limit: the grader's own budget (30 minutes) and the build. */
    static final int JOB_MINUTES = 45;
    static final int GRADING_MINUTES = 40;

    private Classroom() {
    }

    /** Writes the workflow into the release at {@code dest}; returns its path. */
    public static Path write(Path dest, Results tests) throws IOException {
        Path file = dest.resolve(WORKFLOW);
        Files.createDirectories(file.getParent());
        Files.writeString(file, workflow(tests), StandardCharsets.UTF_8);
        return file;
    }

    /** The release's tests and points: the skeleton graded with the public tests (no hidden suite), into {@code work}. */
    public static Results gradeSkeleton(Layout layout, Path work) throws IOException, InterruptedException {
        return GradeProcess.run(layout, List.of("--submission", layout.skeletonClasses().toString(), "--out",
                work.toString(), "--label", "classroom: the tests"), work.resolve("grading.log"), 60);
    }

    /** The step id of a test: "test-1-2-1" for test 1.2.1. */
    static String stepId(TestResult t) {
        return "test-" + t.number.replaceAll("[^0-9A-Za-z]+", "-");
    }

    static String workflow(Results results) {
        List<TestResult> graded = results.tests.stream().filter(t -> t.maxScore > 0
                && (t.visibility == null || t.visibility.equals("visible"))).toList();
        if (graded.isEmpty()) {
            throw new IllegalArgumentException("no graded test to put in the Classroom workflow");
        }
        StringBuilder y = new StringBuilder();
        y.append("""
                # GitHub Classroom autograding, written by grader/kit classroom: one step per graded test or notebook
                # question, worth its points; the total is the kit's maximum (%s). Regenerate it after changing the tests.
                name: Autograding Tests
                'on':
                - push
                - repository_dispatch
                permissions:
                  checks: write
                  actions: read
                  contents: read
                jobs:
                  run-autograding-tests:
                    runs-on: ubuntu-latest
                    if: github.actor != 'github-classroom[bot]'
                    timeout-minutes: %d
                    steps:
                    - name: Checkout code
                      uses: actions/checkout@v4
                    - name: Set up Java 17
                      uses: actions/setup-java@v4
                      with:
                        distribution: temurin
                        java-version: '17'
                        cache: maven
                    - name: Install Jupyter's headless client (it runs the notebooks' questions)
                      run: sudo apt-get update -q && sudo apt-get install -y -q python3-nbclient python3-jupyter-client
                    - name: Grade the code TODO by TODO and the notebooks (writes tests/target/grade/results.json)
                      run: mvn -B test -Pgrade || true
                      timeout-minutes: %d
                """.formatted(points(graded.stream().mapToDouble(t -> t.maxScore).sum()), JOB_MINUTES,
                GRADING_MINUTES));
        List<String> ids = new ArrayList<>();
        for (TestResult t : graded) {
            String id = stepId(t);
            ids.add(id);
            String name = yamlString(t.number + " " + t.name);
            y.append("    - name: ").append(name).append('\n')
                    .append("      id: ").append(id).append('\n')
                    .append("      uses: classroom-resources/autograding-command-grader@v1\n")
                    .append("      with:\n")
                    .append("        test-name: ").append(name).append('\n')
                    .append("        command: ").append(yamlString("jq -e '[.tests[] | select(.number == \""
                            + t.number + "\" and .score >= .max_score)] | length == 1'"
                            + " tests/target/grade/results.json")).append('\n')
                    .append("        timeout: 1\n")
                    .append("        max-score: ").append(points(t.maxScore)).append('\n');
        }
        y.append("    - name: Autograding Reporter\n")
                .append("      uses: classroom-resources/autograding-grading-reporter@v1\n")
                .append("      env:\n");
        for (String id : ids) {
            y.append("        ").append(id.toUpperCase(Locale.ROOT)).append("_RESULTS: \"${{steps.").append(id)
                    .append(".outputs.result}}\"\n");
        }
        y.append("      with:\n        runners: ").append(String.join(",", ids)).append('\n');
        return y.toString();
    }

    /** A YAML double-quoted string. */
    private static String yamlString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String points(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
