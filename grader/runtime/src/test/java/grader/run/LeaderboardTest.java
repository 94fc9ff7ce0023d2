package grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The leaderboard: working measurements become Gradescope's entries, a throwing, non-finite or JVM-killing one is
 * left out and named with the reason, and no test's points change. Without --leaderboard there is none.
 */
class LeaderboardTest {
    @Test
    void measurementsBecomeEntriesAndFailuresAreNamedWithoutCostingPoints() {
        Grading.Run plain = Grading.grade("leaderboard-off", "--test", "grader.samples.scoring.ScoredSample",
                "--in-process");
        Grading.Run run = Grading.grade("leaderboard-on", "--test", "grader.samples.scoring.ScoredSample",
                "--in-process", "--leaderboard");
        JsonObject json = run.json();
        assertThat(json.getAsJsonArray("leaderboard").toString())
                .isEqualTo("[{\"name\":\"Speed (ops/s)\",\"value\":42.5,\"order\":\"desc\"},"
                        + "{\"name\":\"Loss\",\"value\":1.25,\"order\":\"asc\"}]");
        assertThat(run.results().output).contains("Leaderboard (measured on your code; it does not change your score)")
                .contains("Throws: left out, your code threw UnsupportedOperationException: not implemented yet")
                .contains("NaN: left out, the measurement gave NaN")
                .contains("Halts: left out, the JVM stopped (exit 3)");
        assertThat(run.results().score).isEqualTo(plain.results().score);
        assertThat(run.results().tests).extracting(t -> t.number + " " + t.score)
                .isEqualTo(plain.results().tests.stream().map(t -> t.number + " " + t.score).toList());
        assertThat(plain.json().has("leaderboard")).isFalse();
        assertThat(List.of(run.console())).anyMatch(c -> c.contains("Speed (ops/s): 42.5"));
    }

    @Test
    void aForgedLeaderboardFileCannotMakeResultsJsonInvalid() {
        List<String> notes = new java.util.ArrayList<>();
        java.util.Map<String, Object> good = new java.util.LinkedHashMap<>();
        good.put("name", "Speed");
        good.put("value", 3.0);
        good.put("order", "desc");
        java.util.Map<String, Object> forged = new java.util.LinkedHashMap<>();
        forged.put("name", "Speed");
        forged.put("value", "9999 (trust me)");
        forged.put("order", "desc");
        java.util.Map<String, Object> noOrder = new java.util.LinkedHashMap<>(good);
        noOrder.put("order", "sideways");
        java.util.List<java.util.Map<String, Object>> entries = new java.util.ArrayList<>(List.of(good, forged, noOrder));
        entries.add(null);
        assertThat(Leaderboard.valid(entries, notes)).containsExactly(good);
        assertThat(notes).hasSize(3);
    }
}
