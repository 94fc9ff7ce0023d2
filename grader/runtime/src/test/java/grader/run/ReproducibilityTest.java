package grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import grader.report.FeedbackPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every results.json records what a regrade needs to repeat it (the grader, the tests' fingerprint, each property's
 * seed), and a feedback page is written beside it.
 */
class ReproducibilityTest {
    @TempDir
    Path dir;

    @Test
    void resultsRecordTheGraderTheTestsAndEveryPropertysSeed() {
        Grading.Run run = Grading.grade("reproducible", "--test", "grader.samples.jqwik.PropertySample");
        JsonObject extra = run.json().getAsJsonObject("extra_data");
        assertThat(extra.get("grader").getAsString()).startsWith("grader ");
        assertThat(extra.get("grader_sha256").getAsString()).matches("[0-9a-f]{64}");
        assertThat(extra.get("tests_sha256").getAsString()).matches("[0-9a-f]{64}");
        JsonObject seeds = extra.getAsJsonObject("jqwik_seeds");
        assertThat(seeds.get("grader.samples.jqwik.PropertySample#staysBelowOneHundred").getAsString()).isEqualTo("42");
        assertThat(seeds.get("grader.samples.jqwik.PropertySample#addingZeroChangesNothing").getAsString())
                .isEqualTo("7");
        assertThat(Files.exists(run.out().resolve(FeedbackPage.FILE))).isTrue();
    }

    @Test
    void theTestsFingerprintChangesWithAnyFileOfTheTests() throws IOException {
        Files.writeString(dir.resolve("A.class"), "one");
        Files.createDirectories(dir.resolve("fixtures"));
        Files.writeString(dir.resolve("fixtures/f.json"), "{}");
        String before = Reproducibility.fingerprint(List.of(dir));
        assertThat(Reproducibility.fingerprint(List.of(dir))).isEqualTo(before);
        Files.writeString(dir.resolve("fixtures/f.json"), "{ }");
        assertThat(Reproducibility.fingerprint(List.of(dir))).isNotEqualTo(before);
    }

    @Test
    void aTestThatIsNotAPropertyHasNoSeed() {
        assertThat(Reproducibility.seedOf("grader.samples.scoring.ScoredSample#passes",
                getClass().getClassLoader())).isNull();
        assertThat(Reproducibility.seedOf("notebook question 9.1", getClass().getClassLoader())).isNull();
    }
}
