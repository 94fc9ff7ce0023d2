package grader.authoring.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A submission that is a git repository (a clone of a student's GitHub Classroom repository, say): the last commit
 * of its HEAD at or before a deadline, and that commit's files as a zip to grade. Commits are dated by their
 * committer date, which the student's own clock sets: it shows when a commit was made, not when it was pushed.
 */
final class GitSubmission {
    /** A commit: its full hash and committer date. */
    record Commit(String sha, OffsetDateTime date) {
        String shortSha() {
            return sha.substring(0, Math.min(10, sha.length()));
        }
    }

    private GitSubmission() {
    }

    static boolean isRepository(Path submission) {
        return Files.isDirectory(submission) && Files.exists(submission.resolve(".git"));
    }

    /** The newest commit reachable from HEAD whose committer date is at or before {@code deadline}, or null. */
    static Commit lastAtOrBefore(Path repo, OffsetDateTime deadline) throws IOException, InterruptedException {
        // "@SECONDS" is read as a Unix time; the bound is inclusive, and a second past it is out.
        String line = git(repo, "log", "-1", "--format=%H %cI", "--until=@" + deadline.toEpochSecond(), "HEAD")
                .strip();
        if (line.isEmpty()) {
            return null;
        }
        String[] parts = line.split(" ", 2);
        return new Commit(parts[0], OffsetDateTime.parse(parts[1]));
    }

    /** Writes the files of {@code commit} to {@code zip}. */
    static void export(Path repo, Commit commit, Path zip) throws IOException, InterruptedException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        git(repo, "archive", "--format=zip", "--output=" + zip.toAbsolutePath(), commit.sha());
    }

    private static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("git is needed to grade repositories at a deadline, and it did not start: "
                    + e.getMessage(), e);
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("git " + args[0] + " in " + repo.getFileName() + " took over 2 minutes");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("git " + args[0] + " failed in " + repo.getFileName() + ": "
                    + text.strip().lines().reduce((a, b) -> b).orElse("exit " + p.exitValue()));
        }
        return text;
    }
}
