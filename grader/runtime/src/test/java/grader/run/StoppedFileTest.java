package grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import grader.Grader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grading that cannot start says why in one line; with --stopped-file (as mvn test -Pgrade passes it) it also
 * writes the reason there and exits 0, so that the build fails on the file instead of on the exit status.
 */
class StoppedFileTest {
    @TempDir
    Path tmp;

    private int grade(String... more) {
        String[] args = new String[more.length + 4];
        args[0] = "--tests";
        args[1] = Grading.testClasses().toString();
        args[2] = "--out";
        args[3] = tmp.resolve("out").toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return Grader.commandLine(new GradeCommand(), "grader").execute(args);
    }

    @Test
    void aMistypedProblemIsWrittenToTheStoppedFileAndTheCommandExitsZero() throws IOException {
        Path stopped = tmp.resolve("stopped.txt");
        assertThat(grade("--problem", "9,10", "--stopped-file", stopped.toString())).isZero();
        assertThat(Files.readString(stopped, StandardCharsets.UTF_8))
                .contains("--problem takes a problem such as 4 or a TODO such as 4.1, not '9,10'");
    }

    @Test
    void withoutTheFileTheSameMistakeExitsTwo() {
        assertThat(grade("--problem", "9,10")).isEqualTo(2);
    }

    @Test
    void aFileLeftByAnEarlierRunIsRemovedWhenTheGradingRuns() throws IOException {
        Path stopped = tmp.resolve("stopped.txt");
        Files.writeString(stopped, "an earlier run's reason\n");
        assertThat(grade("--test", "grader.samples.scoring.ScoredSample#aborts", "--in-process", "--no-notebooks",
                "--stopped-file", stopped.toString())).isZero();
        assertThat(stopped).doesNotExist();
        assertThat(tmp.resolve("out/results.json")).exists();
    }
}
