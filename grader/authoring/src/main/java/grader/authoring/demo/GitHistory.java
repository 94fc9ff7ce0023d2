package grader.authoring.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A git repository written commit by commit at chosen dates: a student's history, for deadline grading. */
public final class GitHistory {
    private final Path repo;

    private GitHistory(Path repo) {
        this.repo = repo;
    }

    public static GitHistory init(Path repo) throws IOException, InterruptedException {
        Files.createDirectories(repo);
        GitHistory h = new GitHistory(repo);
        h.git(null, "init", "-q");
        return h;
    }

    /**
     * Makes the work tree hold exactly {@code files} (by relative path) and commits them, authored and committed at
     * {@code when}; returns the commit's hash.
     */
    public String commit(Map<String, String> files, OffsetDateTime when, String message)
            throws IOException, InterruptedException {
        try (var old = Files.list(repo)) {
            for (Path p : old.filter(p -> !p.getFileName().toString().equals(".git")).toList()) {
                grader.io.FileOps.deleteTree(p);
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = repo.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        }
        git(when, "add", "-A");
        git(when, "-c", "user.name=Student", "-c", "user.email=student@example.org", "commit", "-q",
                "--allow-empty", "-m", message);
        return git(null, "rev-parse", "HEAD").strip();
    }

    private String git(OffsetDateTime when, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (when != null) {
            pb.environment().put("GIT_COMMITTER_DATE", when.toString());
            pb.environment().put("GIT_AUTHOR_DATE", when.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git " + args[0] + " failed in " + repo + ": " + out.strip());
        }
        return out;
    }
}
