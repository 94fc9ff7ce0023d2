package grader.authoring.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grader.report.Results;
import grader.report.ResultsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
    static Path submissions;
    static Path out;
    static String console;
    static String doraInTime;
    static String eveLate;

    @BeforeAll
    static void gradeAtTheDeadline() throws Exception {
        hw = MiniHomework.under(root);
        submissions = root.resolve("submissions");
        // dora: broken an hour before, fixed ten minutes before, broken again an hour after the deadline.
        Path dora = repository("dora");
        commit(dora, "broken", DEADLINE.minusHours(1));
        doraInTime = commit(dora, "good", DEADLINE.minusMinutes(10));
        commit(dora, "renamed", DEADLINE.plusHours(1));
        // eve: broken in time, fixed 90 minutes late, within her two-hour extension.
        Path eve = repository("eve");
        commit(eve, "broken", DEADLINE.minusDays(1));
        eveLate = commit(eve, "good", DEADLINE.plusMinutes(90));
        // finn: nothing before the deadline.
        Path finn = repository("finn");
        commit(finn, "good", DEADLINE.plusSeconds(1));
        Path extensions = root.resolve("extensions.csv");
        Files.writeString(extensions, "submission,deadline\neve,+2h\n");
        out = root.resolve("out");
        console = hw.batch(submissions, out, new Batch.Options(2, false,
                Deadlines.parse("2025-05-01T23:59+02:00", extensions, ZoneOffset.UTC)));
    }

    @Test
    void eachRepositoryIsGradedAtItsLastCommitInTime() {
        Results dora = ResultsJson.read(out.resolve("dora/results.json"));
        assertThat(dora.score).isEqualTo(3.0);
        assertThat(dora.extraData).containsEntry("commit", doraInTime).containsEntry("deadline",
                "2025-05-01T23:59+02:00");
        assertThat(dora.output).startsWith("dora at commit " + doraInTime.substring(0, 10));
        Results eve = ResultsJson.read(out.resolve("eve/results.json"));
        assertThat(eve.score).isEqualTo(3.0);
        assertThat(eve.extraData).containsEntry("commit", eveLate).containsEntry("deadline",
                "2025-05-02T01:59+02:00");
    }

    @Test
    void theGradebookRecordsTheCommitAndARepositoryWithNoneInTimeSaysSo() throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
        assertThat(rows.get(0)).isEqualTo("submission,total,max,problem 1,problem 2,commit,note");
        assertThat(rows).contains("dora,3,3,2,1," + doraInTime + ",", "eve,3,3,2,1," + eveLate + ",");
        assertThat(rows).anyMatch(r -> r.startsWith("finn,0,0,") && r.contains(
                "no commit at or before the deadline 2025-05-01T23:59+02:00"));
    }

    @Test
    void theSameDeadlineAgainGradesNothingAndALaterOneRegradesWhatMoved() throws Exception {
        String again = hw.batch(submissions, root.resolve("out-again"), new Batch.Options(1, false,
                Deadlines.parse("2025-05-01T23:59+02:00", null, ZoneOffset.UTC)));
        assertThat(again).contains("3 to grade");
        String same = hw.batch(submissions, root.resolve("out-again"), new Batch.Options(1, false,
                Deadlines.parse("2025-05-01T23:59+02:00", null, ZoneOffset.UTC)));
        assertThat(same).contains("3 already graded, 0 to grade");
        String later = hw.batch(submissions, root.resolve("out-again"), new Batch.Options(1, false,
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
        assertThatThrownBy(() -> hw.batch(submissions, root.resolve("out-typo"), new Batch.Options(1, false,
                deadlines))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evee");
    }

    private static Path repository(String name) throws IOException, InterruptedException {
        Path repo = submissions.resolve(name);
        Files.createDirectories(repo);
        git(repo, null, "init", "-q");
        return repo;
    }

    /** Replaces the repository's files with a minihw submission and commits them at {@code when}; the commit. */
    private static String commit(Path repo, String submission, OffsetDateTime when)
            throws IOException, InterruptedException {
        for (String f : List.of("Calc.java", "Greeter.java")) {
            Files.deleteIfExists(repo.resolve(f));
        }
        try (var files = Files.walk(hw.resources.resolve("submissions").resolve(submission))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, repo.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        git(repo, when, "add", "-A");
        git(repo, when, "-c", "user.name=Student", "-c", "user.email=student@example.org", "commit", "-q", "-m",
                submission);
        return git(repo, null, "rev-parse", "HEAD").strip();
    }

    private static String git(Path repo, OffsetDateTime when, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (when != null) {
            pb.environment().put("GIT_COMMITTER_DATE", when.toString());
            pb.environment().put("GIT_AUTHOR_DATE", when.toString());
        }
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", args, text).isZero();
        return text;
    }
}
