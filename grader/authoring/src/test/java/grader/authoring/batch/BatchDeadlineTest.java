package grader.authoring.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grader.authoring.demo.GitHistory;
import grader.report.Results;
import grader.report.ResultsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repositories graded at a deadline: each at its last commit at or before its own deadline (an extension moves
 * it), the commit recorded; a repository with no commit in time gets a row that says so.
 */
class BatchDeadlineTest {
    static final OffsetDateTime DEADLINE = OffsetDateTime.of(2025, 5, 1, 23, 59, 0, 0, ZoneOffset.ofHours(2));

    @TempDir
    static Path root;
    static MiniHomework hw;
    static String console;
    static String doraInTime;
    static String eveLate;

    @BeforeAll
    static void gradeAtTheDeadline() throws Exception {
        hw = MiniHomework.under(root);
        // dora: broken an hour before, fixed ten minutes before, broken again an hour after the deadline.
        GitHistory dora = repository("dora");
        commit(dora, "broken", DEADLINE.minusHours(1));
        doraInTime = commit(dora, "good", DEADLINE.minusMinutes(10));
        commit(dora, "renamed", DEADLINE.plusHours(1));
        // eve: broken in time, fixed 90 minutes late, within her two-hour extension.
        GitHistory eve = repository("eve");
        commit(eve, "broken", DEADLINE.minusDays(1));
        eveLate = commit(eve, "good", DEADLINE.plusMinutes(90));
        // finn: nothing before the deadline.
        GitHistory finn = repository("finn");
        commit(finn, "good", DEADLINE.plusSeconds(1));
        Path extensions = root.resolve("extensions.csv");
        Files.writeString(extensions, "submission,deadline\neve,+2h\n");
        console = hw.batch(hw.out, new Batch.Options(2, false,
                Deadlines.parse("2025-05-01T23:59+02:00", extensions, ZoneOffset.UTC)));
    }

    @Test
    void eachRepositoryIsGradedAtItsLastCommitInTime() {
        Results dora = ResultsJson.read(hw.out.resolve("dora/results.json"));
        assertThat(dora.score).isEqualTo(3.0);
        assertThat(dora.extraData).containsEntry("commit", doraInTime).containsEntry("deadline",
                "2025-05-01T23:59+02:00");
        assertThat(dora.output).startsWith("dora at commit " + doraInTime.substring(0, 10));
        Results eve = ResultsJson.read(hw.out.resolve("eve/results.json"));
        assertThat(eve.score).isEqualTo(3.0);
        assertThat(eve.extraData).containsEntry("commit", eveLate).containsEntry("deadline",
                "2025-05-02T01:59+02:00");
    }

    @Test
    void theGradebookRecordsTheCommitAndARepositoryWithNoneInTimeSaysSo() throws IOException {
        List<String> rows = Files.readAllLines(hw.out.resolve("gradebook.csv"));
        assertThat(rows.get(0)).isEqualTo("submission,total,max,problem 1,problem 2,commit,note");
        assertThat(rows).contains("dora,3,3,2,1," + doraInTime + ",", "eve,3,3,2,1," + eveLate + ",");
        assertThat(rows).anyMatch(r -> r.startsWith("finn,0,0,") && r.contains(
                "no commit at or before the deadline 2025-05-01T23:59+02:00"));
    }

    @Test
    void theSameDeadlineAgainGradesNothingAndALaterOneRegradesWhatMoved() throws Exception {
        String again = hw.batch(root.resolve("out-again"), new Batch.Options(1, false,
                Deadlines.parse("2025-05-01T23:59+02:00", null, ZoneOffset.UTC)));
        assertThat(again).contains("3 to grade");
        String same = hw.batch(root.resolve("out-again"), new Batch.Options(1, false,
                Deadlines.parse("2025-05-01T23:59+02:00", null, ZoneOffset.UTC)));
        assertThat(same).contains("3 already graded, 0 to grade");
        String later = hw.batch(root.resolve("out-again"), new Batch.Options(1, false,
                Deadlines.parse("2025-05-02T01:00+02:00", null, ZoneOffset.UTC)));
        // dora's last commit is now the broken one (an hour late), finn's the good one; eve's did not move.
        assertThat(later).contains("1 already graded, 2 to grade").contains("dora: 3 → 2 (-1)")
                .contains("finn: 0 → 3 (+3)");
    }

    @Test
    void extensionsForSubmissionsNotInTheBatchAreAnError() throws IOException {
        Path typo = root.resolve("typo.csv");
        Files.writeString(typo, "evee,+1d\n");
        Deadlines deadlines = Deadlines.parse("2025-05-01T23:59", typo, ZoneOffset.UTC);
        assertThatThrownBy(() -> hw.batch(root.resolve("out-typo"), new Batch.Options(1, false,
                deadlines))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evee");
    }

    private static GitHistory repository(String name) throws IOException, InterruptedException {
        return GitHistory.init(hw.submissions.resolve(name));
    }

    /** Commits a minihw submission's files as the whole work tree, at {@code when}; the commit. */
    private static String commit(GitHistory repo, String submission, OffsetDateTime when)
            throws IOException, InterruptedException {
        Map<String, String> files = new TreeMap<>();
        try (var all = Files.walk(hw.resources.resolve("submissions").resolve(submission))) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                files.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return repo.commit(files, when, submission);
    }
}
