package grader.authoring.platform;

import static org.assertj.core.api.Assertions.assertThat;

import grader.report.Results;
import grader.report.ResultsJson;
import grader.report.TestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub Classroom workflow: well-formed (the shape GitHub's autograding actions read: one command-grader step
 * per graded test, the reporter naming every step), worth exactly the kit's points, and each step's command passes
 * only when results.json gives its test full marks.
 */
class ClassroomTest {
    @TempDir
    Path dir;

    private static TestResult test(String number, String name, double score, double max, String visibility) {
        TestResult t = new TestResult();
        t.number = number;
        t.name = name;
        t.score = score;
        t.maxScore = max;
        t.visibility = visibility;
        t.status = score >= max ? "passed" : "failed";
        t.extraData = Map.of("problem", 1);
        return t;
    }

    private static Results results() {
        Results r = new Results();
        r.tests.add(test("1.1.1", "Problem 1.1 Tensor.pow: forward", 1, 1, "visible"));
        r.tests.add(test("1.1.2", "Problem 1.1 Tensor.pow: backward \"quoted\"", 0, 2, "visible"));
        r.tests.add(test("1.2.1", "Problem 1.2 Tensor.tanh: forward", 0, 1.5, "visible"));
        r.tests.add(test("1.2.2", "Problem 1.2 disabled", 0, 0, "visible"));
        r.tests.add(test("1.0.1", "Problem 1 hidden checks: x", 0, 3, "hidden"));
        r.score = 1;
        return r;
    }

    @Test
    void everyVisibleGradedTestIsOneStepAndThePointsAddUpToTheKits() throws Exception {
        String yaml = Classroom.workflow(results());
        assertThat(yaml).doesNotContain("\t");
        List<String> ids = new ArrayList<>();
        double points = 0;
        Matcher step = Pattern.compile("(?m)^    - name: .*\\n      id: (\\S+)\\n      uses: "
                + "classroom-resources/autograding-command-grader@v1\\n      with:\\n        test-name: .*\\n"
                + "        command: .*\\n        timeout: 1\\n        max-score: (\\S+)$").matcher(yaml);
        while (step.find()) {
            ids.add(step.group(1));
            points += Double.parseDouble(step.group(2));
        }
        assertThat(ids).containsExactly("test-1-1-1", "test-1-1-2", "test-1-2-1");
        assertThat(points).as("the visible tests' maximum").isEqualTo(4.5);
        assertThat(yaml).contains("      with:\n        runners: test-1-1-1,test-1-1-2,test-1-2-1\n");
        for (String id : ids) {
            assertThat(yaml).contains("        " + id.toUpperCase() + "_RESULTS: \"${{steps." + id + ".outputs.result}}\"");
        }
        assertThat(yaml).contains("uses: classroom-resources/autograding-grading-reporter@v1")
                .contains("run: mvn -B test -Pgrade || true").contains("java-version: '17'")
                .contains("\\\"quoted\\\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void parsedAsYamlItIsOneTimedJobWhoseStepsAreWorthTheKitsVisiblePoints() {
        Results r = results();
        Map<String, Object> workflow = new Yaml().load(Classroom.workflow(r));
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs"))
                .get("run-autograding-tests");
        assertThat(job.get("timeout-minutes")).as("the job's time limit").isEqualTo(Classroom.JOB_MINUTES);
        List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");
        double points = 0;
        List<String> graders = new ArrayList<>();
        String reporterRunners = null;
        for (Map<String, Object> step : steps) {
            Map<String, Object> with = (Map<String, Object>) step.get("with");
            if (String.valueOf(step.get("uses")).startsWith("classroom-resources/autograding-command-grader")) {
                points += ((Number) with.get("max-score")).doubleValue();
                graders.add((String) step.get("id"));
            } else if (String.valueOf(step.get("uses")).startsWith("classroom-resources/autograding-grading-reporter")) {
                reporterRunners = (String) with.get("runners");
            }
        }
        double visible = r.tests.stream().filter(t -> "visible".equals(t.visibility)).mapToDouble(t -> t.maxScore)
                .sum();
        assertThat(points).as("the steps' points, against results.json's visible maximum").isEqualTo(visible);
        assertThat(reporterRunners).isEqualTo(String.join(",", graders));
        assertThat(steps).anySatisfy(step -> assertThat(String.valueOf(step.get("run")))
                .isEqualTo("mvn -B test -Pgrade || true"));
    }

    /**
     * action-validator (npm's {@code @action-validator/cli}, which .ci/run installs) checks the workflow against
     * GitHub's schema for workflows.
     */
    @Test
    void actionValidatorFindsNothingWrong() throws Exception {
        Assumptions.assumeTrue(runs(List.of("action-validator", "--help"), dir) == 0, "action-validator is not"
                + " installed here (npm install -g @action-validator/cli): the workflow was not linted");
        Path file = Classroom.write(dir.resolve("release"), results());
        Process p = new ProcessBuilder("action-validator", file.toString()).redirectErrorStream(true).start();
        String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("action-validator on %s:%n%s", file, report).isZero();
    }

    @Test
    void aStepsCommandPassesOnlyWhenItsTestHasFullMarks() throws Exception {
        Assumptions.assumeTrue(runs(List.of("jq", "--version"), dir) == 0, "jq is not installed here");
        Path release = dir.resolve("release");
        Path resultsFile = release.resolve("tests/target/grade/results.json");
        Files.createDirectories(resultsFile.getParent());
        ResultsJson.write(resultsFile, results());
        Path file = Classroom.write(release, results());
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        Matcher command = Pattern.compile("(?m)^        command: \"(.*)\"$").matcher(yaml);
        List<Integer> status = new ArrayList<>();
        while (command.find()) {
            String cmd = command.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
            status.add(runs(List.of("bash", "-c", cmd), release));
        }
        assertThat(status).containsExactly(0, 1, 1);
    }

    private static int runs(List<String> cmd, Path cwd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
