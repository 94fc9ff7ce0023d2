package grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import grader.report.TestResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The results.json a grading run writes has Gradescope's shape, and its numbers add up. */
class ResultsFormatTest {
    private final Grading.Run run = Grading.scoringSuite();

    @Test
    void theTopLevelHasGradescopesFields() {
        JsonObject json = run.json();
        assertThat(json.keySet()).contains("score", "execution_time", "output", "visibility", "tests");
        assertThat(json.get("score").getAsJsonPrimitive().isNumber()).isTrue();
        assertThat(json.get("execution_time").getAsDouble()).isPositive();
        assertThat(json.get("visibility").getAsString()).isEqualTo("visible");
        assertThat(json.get("tests").getAsJsonArray()).hasSize(run.results().tests.size()).isNotEmpty();
    }

    @Test
    void everyTestEntryHasGradescopesFields() {
        for (JsonElement e : run.json().getAsJsonArray("tests")) {
            JsonObject t = e.getAsJsonObject();
            assertThat(t.keySet()).as("fields of %s", t.get("name"))
                    .contains("name", "number", "score", "max_score", "status", "output", "tags", "visibility",
                            "extra_data");
            assertThat(t.get("status").getAsString()).isIn("passed", "failed");
            assertThat(t.get("tags").isJsonArray()).isTrue();
            assertThat(t.get("visibility").getAsString()).isIn("visible", "hidden", "after_due_date",
                    "after_published");
            assertThat(t.getAsJsonObject("extra_data").keySet()).contains("problem", "problem_title", "outcome",
                    "test");
        }
    }

    @Test
    void theScoreIsTheSumOfTheTestsScores() {
        double sum = run.results().tests.stream().mapToDouble(t -> t.score).sum();
        assertThat(run.results().score).isEqualTo(sum);
        // Checked by hand against the samples: see ScoringTest for where each point comes from.
        assertThat(run.results().score).isEqualTo(9.0);
        assertThat(run.results().maxScore()).isEqualTo(22.5);
    }

    @Test
    void testsWithoutATodoLabelAreNumberedUnderProblemDotZeroInNameOrder() {
        Map<Integer, List<TestResult>> byProblem = new LinkedHashMap<>();
        for (TestResult t : run.results().tests) {
            int problem = ((Number) t.extraData.get("problem")).intValue();
            byProblem.computeIfAbsent(problem, p -> new ArrayList<>()).add(t);
            assertThat(t.tags).containsExactly("problem " + problem);
        }
        assertThat(byProblem.keySet()).as("problems, in report order").containsExactly(0, 3, 4);
        byProblem.forEach((problem, tests) -> {
            for (int k = 0; k < tests.size(); k++) {
                String width = "%0" + String.valueOf(tests.size()).length() + "d";
                assertThat(tests.get(k).number).isEqualTo(problem + ".0." + String.format(width, k + 1));
            }
            assertThat(tests).extracting(t -> t.name).isSorted();
        });
        assertThat(run.test("alsoNeedsTheFixture").number).isEqualTo("4.0.1");
    }

    @Test
    void aTestWithoutAProblemIsNumberedZeroAndFlagged() {
        TestResult unassigned = run.results().tests.get(0);
        assertThat(unassigned.number).isEqualTo("0.0.1");
        assertThat(unassigned.extraData.get("test")).isEqualTo("grader.samples.scoring.UnassignedSample#hasNoProblem");
        assertThat(unassigned.extraData.get("problem_title")).isEqualTo("(tests without @Todo or @Problem)");
    }

    @Test
    void theOutputHoldsTheLabelAndTheScoreTable() {
        assertThat(run.results().output).startsWith("sample run\n").contains("Problem", "Total")
                .contains("Tests that lost points");
        assertThat(run.console()).contains("sample run", "Total")
                .contains("results: " + run.out().resolve("results.json"));
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws Exception {
        try (var files = java.nio.file.Files.list(run.out())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("results.json",
                    grader.report.FeedbackPage.FILE, "work");
        }
    }
}
