package grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {
    @TempDir
    Path dir;

    private static Results sample() {
        Results r = new Results();
        TestResult t = new TestResult();
        t.name = "Pow: backward";
        t.number = "1.2";
        t.score = 0;
        t.maxScore = 2;
        t.status = "failed";
        t.output = "wrong at element [0] — \"quoted\" <html>";
        t.tags = List.of("problem 1");
        t.visibility = "after_due_date";
        t.extraData = Map.of("problem", 1, "seed", "42");
        r.tests.add(t);
        r.executionTime = 1.25;
        r.output = "table";
        return r;
    }

    @Test
    void fieldsUseGradescopesNames() {
        JsonObject json = JsonParser.parseString(ResultsJson.toJson(sample())).getAsJsonObject();
        assertThat(json.keySet()).contains("score", "execution_time", "output", "visibility", "stdout_visibility",
                "tests");
        JsonObject t = json.getAsJsonArray("tests").get(0).getAsJsonObject();
        assertThat(t.keySet()).containsExactlyInAnyOrder("name", "number", "score", "max_score", "status", "output",
                "tags", "visibility", "extra_data");
        assertThat(t.get("max_score").getAsDouble()).isEqualTo(2.0);
        assertThat(t.get("number").getAsString()).isEqualTo("1.2");
    }

    @Test
    void writeThenReadGivesTheSameResults() throws IOException {
        Path file = dir.resolve("out/results.json");
        ResultsJson.write(file, sample());
        Results back = ResultsJson.read(file);
        TestResult t = back.tests.get(0);
        assertThat(t.output).isEqualTo("wrong at element [0] — \"quoted\" <html>");
        assertThat(t.visibility).isEqualTo("after_due_date");
        assertThat(t.maxScore).isEqualTo(2.0);
        assertThat(t.extraData).containsEntry("seed", "42");
        assertThat(back.executionTime).isEqualTo(1.25);
        // Written as is, not HTML-escaped: Gradescope shows the text.
        assertThat(Files.readString(file)).contains("<html>");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void readRejectsAFileThatIsNotAResultsJson() throws IOException {
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> ResultsJson.read(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty.json").hasMessageContaining("no tests[]");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"tests\": [");
        assertThatThrownBy(() -> ResultsJson.read(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not valid JSON");
    }
}
