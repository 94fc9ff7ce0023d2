package grader.authoring.batch;

import grader.authoring.GradeProcess;
import grader.course.Layout;
import grader.io.FileOps;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import grader.report.FeedbackPage;
import grader.report.Results;
import grader.report.ResultsJson;
import grader.report.TestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grades a folder of submissions (each a folder, a .zip, or a git repository), N at a time, into
 * {@code OUT/NAME/results.json} (with the student's {@code feedback.html} beside it) and a gradebook
 * {@code OUT/gradebook.csv}. It can be stopped at any moment (even kill -9) and run again: a submission counts as
 * graded only once its {@code .graded} marker exists, and the gradebook is rebuilt from the graded results each
 * time, so no row is lost or repeated.
 *
 * <p>The marker holds the submission's content hash ({@link SubmissionHash}; for a repository at a deadline, the
 * commit), so a submission whose files changed is graded again, as is every one with {@code --force}. A regrade
 * keeps the results it replaces as {@code previous-results.json} and writes what changed, per submission, to
 * {@code OUT/regrades/TIME.csv}. With a deadline, a repository is graded at its last commit at or before its own
 * deadline ({@link Deadlines}), and the commit is recorded in the marker, the gradebook and results.json.
 */
public final class Batch {
    static final String MARKER = ".graded";
    static final String PREVIOUS = "previous-results.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /**
     * How to run a batch.
     *
     * @param jobs      submissions graded side by side
     * @param force     grade every submission again, changed or not
     * @param deadlines grade repositories at their deadline; null to grade every submission as it is
     */
    public record Options(int jobs, boolean force, Deadlines deadlines) {
        public static Options jobs(int jobs) {
            return new Options(jobs, false, null);
        }
    }

    /** What the marker records of a graded submission. */
    record Marker(String hash, String gradedAt, String commit, String commitDate, String deadline) {
    }

    /** One submission to grade: where it comes from, what it is now, and why it is graded (again). */
    private record Job(Path submission, String name, String hash, GitSubmission.Commit commit, String deadline,
            String skip, List<String> reasons) {
    }

    private Batch() {
    }

    public static void run(Layout layout, Path submissions, Path out, int jobs, List<String> gradeArgs,
            PrintStream console) throws InterruptedException {
        run(layout, submissions, out, Options.jobs(jobs), gradeArgs, console);
    }

    public static void run(Layout layout, Path submissions, Path out, Options options, List<String> gradeArgs,
            PrintStream console) throws InterruptedException {
        if (!Files.isDirectory(submissions)) {
            throw new IllegalArgumentException(submissions + " is not a folder of submissions");
        }
        layout.dependencyClasspath(); // fail early when the kit is not built
        List<Path> all = list(submissions);
        if (options.deadlines() != null) {
            options.deadlines().checkNames(all.stream().map(Batch::name).collect(Collectors.toSet()));
        }
        List<Job> todo = new ArrayList<>();
        int already = 0;
        for (Path s : all) {
            Job job = plan(s, out.resolve(name(s)), options);
            if (job == null) {
                already++;
            } else {
                todo.add(job);
            }
        }
        if (options.deadlines() != null) {
            long plain = all.stream().filter(s -> !GitSubmission.isRepository(s)).count();
            if (plain > 0) {
                console.printf(Locale.ROOT, "batch: %d of %d submissions are not git repositories: graded as they"
                        + " are (the deadline applies to repositories)%n", plain, all.size());
            }
        }
        int jobs = Math.max(1, options.jobs());
        console.printf(Locale.ROOT, "batch: %d submissions, %d already graded, %d to grade, %d at a time%n",
                already + todo.size(), already, todo.size(), jobs);
        List<String> args = new ArrayList<>(gradeArgs);
        if (jobs > 1 && args.stream().noneMatch(a -> a.startsWith("--memory"))) {
            // Side by side, each job's test JVMs get a share of the container, not all of it.
            args.add("--memory=" + grader.run.ChildMemory.share(jobs));
        }
        // Always with seconds (LocalDateTime.toString drops ":00"), so the names sort in time order.
        Path regrades = out.resolve("regrades").resolve(LocalDateTime.now()
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss")) + ".csv");
        List<RegradeDiff> diffs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<?>> running = new ArrayList<>();
        for (Job job : todo) {
            running.add(pool.submit(() -> {
                Path dir = out.resolve(job.name());
                Results previous = keepPrevious(dir);
                Results r = gradeJob(layout, job, dir, args);
                mark(dir, job);
                synchronized (Batch.class) {
                    writeGradebook(out);
                    console.printf(Locale.ROOT, "  %-30s %8.2f / %.2f%s%n", job.name(), r.score, r.maxScore(),
                            job.commit() == null ? "" : "  (commit " + job.commit().shortSha() + ")");
                    if (previous != null) {
                        diffs.add(RegradeDiff.compare(job.name(), previous, r, job.reasons()));
                        diffs.sort(java.util.Comparator.comparing(RegradeDiff::submission));
                        RegradeDiff.write(regrades, diffs);
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        pool.awaitTermination(365, TimeUnit.DAYS);
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                console.println("batch: " + e.getCause());
            }
        }
        writeGradebook(out);
        console.println("gradebook: " + out.resolve("gradebook.csv"));
        if (!diffs.isEmpty()) {
            console.println("regraded " + diffs.size() + " (old → new score; " + regrades + "):");
            diffs.forEach(d -> console.println("  " + d.describe()));
        }
    }

    /**
     * What grading a submission takes now, or null when it is graded already and unchanged. A repository at a
     * deadline is identified by the commit that will be graded.
     */
    private static Job plan(Path s, Path dir, Options options) {
        String name = name(s);
        GitSubmission.Commit commit = null;
        String deadline = null;
        String hash;
        String skip = null;
        if (options.deadlines() != null && GitSubmission.isRepository(s)) {
            OffsetDateTime due = options.deadlines().of(name);
            deadline = due.toString();
            try {
                commit = GitSubmission.lastAtOrBefore(s, due);
            } catch (IOException | RuntimeException e) {
                skip = "could not read the repository: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                skip = "interrupted";
            }
            if (skip == null && commit == null) {
                skip = "no commit at or before the deadline " + deadline;
            }
            hash = commit != null ? "commit " + commit.sha() : "no commit by " + deadline;
        } else {
            try {
                hash = SubmissionHash.of(s);
            } catch (RuntimeException e) {
                hash = "unreadable: " + e.getMessage();
            }
        }
        Marker marker = readMarker(dir);
        List<String> reasons = new ArrayList<>();
        if (marker == null && Files.exists(dir.resolve(PREVIOUS))) {
            reasons.add("a stopped regrade, finished");
        } else if (marker != null) {
            if (options.force()) {
                reasons.add("--force");
            } else if (hash.equals(marker.hash())) {
                return null;
            } else if (marker.hash() == null) {
                reasons.add("graded before content hashes were kept");
            } else {
                reasons.add(commit != null && marker.commit() != null ? "commit " + abbreviate(marker.commit())
                        + " → " + commit.shortSha() : "files changed");
            }
        }
        return new Job(s, name, hash, commit, deadline, skip, reasons);
    }

    /** Grades a planned job: a repository's commit, or the submission as it is. */
    private static Results gradeJob(Layout layout, Job job, Path dir, List<String> args) throws IOException {
        if (job.skip() != null) {
            return failed(dir, "could not grade this submission: " + job.skip());
        }
        List<String> withLabel = new ArrayList<>(args);
        if (withLabel.stream().noneMatch(a -> a.equals("--label") || a.startsWith("--label="))) {
            withLabel.addAll(List.of("--label", job.commit() == null ? job.name() : job.name() + " at commit "
                    + job.commit().shortSha() + " (" + job.commit().date() + "), the last at or before the deadline "
                    + job.deadline()));
        }
        if (job.commit() == null) {
            return grade(layout, job.submission(), dir, withLabel);
        }
        Path zip = dir.resolve("graded-commit.zip");
        try {
            GitSubmission.export(job.submission(), job.commit(), zip);
        } catch (IOException | RuntimeException e) {
            return failed(dir, "could not grade this submission: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(dir, "could not grade this submission: interrupted");
        }
        Results r = grade(layout, zip, dir, withLabel);
        // The grading process has exited: this is now the only writer of its results.json.
        r.extraData = r.extraData == null ? new LinkedHashMap<>() : r.extraData;
        r.extraData.put("commit", job.commit().sha());
        r.extraData.put("commit_date", job.commit().date().toString());
        r.extraData.put("deadline", job.deadline());
        ResultsJson.write(dir.resolve("results.json"), r);
        FeedbackPage.writeBeside(dir.resolve("results.json"), r, withLabel.get(withLabel.indexOf("--label") + 1));
        return r;
    }

    /**
     * Before a graded submission is graded again: its results become previous-results.json (returned) and its
     * marker goes, so a regrade stopped halfway is finished by the next run and still compared with them.
     */
    private static Results keepPrevious(Path dir) throws IOException {
        Path results = dir.resolve("results.json");
        Path previous = dir.resolve(PREVIOUS);
        if (Files.exists(dir.resolve(MARKER)) && Files.exists(results)) {
            Files.copy(results, previous, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(dir.resolve(MARKER));
        }
        if (!Files.exists(previous)) {
            return null;
        }
        try {
            return ResultsJson.read(previous);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Grades one submission of sources into {@code dir}; whatever goes wrong, a results.json says so. */
    public static Results grade(Layout layout, Path submission, Path dir, List<String> gradeArgs) {
        List<String> args = new ArrayList<>(List.of("--sources", submission.toAbsolutePath().toString(), "--out",
                dir.toString()));
        args.addAll(gradeArgs);
        try {
            return GradeProcess.run(layout, args, dir.resolve("grading.log"), 180);
        } catch (IOException | RuntimeException e) {
            return failed(dir, "could not grade this submission: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(dir, "could not grade this submission: interrupted");
        }
    }

    /** Writes and returns a results.json (and its feedback page) that scores nothing and says why. */
    private static Results failed(Path dir, String why) {
        Results r = new Results();
        r.output = why;
        ResultsJson.write(dir.resolve("results.json"), r);
        FeedbackPage.writeBeside(dir.resolve("results.json"), r, dir.getFileName().toString());
        return r;
    }

    static String name(Path submission) {
        String n = submission.getFileName().toString();
        return n.endsWith(".zip") ? n.substring(0, n.length() - 4) : n;
    }

    private static List<Path> list(Path submissions) {
        try (Stream<Path> s = Files.list(submissions)) {
            return s.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".zip"))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written last: the submission counts as graded from here on. */
    private static void mark(Path dir, Job job) {
        Marker m = new Marker(job.hash(), OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                job.commit() == null ? null : job.commit().sha(),
                job.commit() == null ? null : job.commit().date().toString(), job.deadline());
        FileOps.writeAtomically(dir.resolve(MARKER), GSON.toJson(m) + "\n");
    }

    /** The marker of a graded submission; null when there is none. One from before hashes were kept has none. */
    static Marker readMarker(Path dir) {
        Path file = dir.resolve(MARKER);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            Marker m = GSON.fromJson(Files.readString(file), Marker.class);
            return m == null ? new Marker(null, null, null, null, null) : m;
        } catch (IOException | RuntimeException e) {
            return new Marker(null, null, null, null, null);
        }
    }

    private static String abbreviate(String sha) {
        return sha.substring(0, Math.min(10, sha.length()));
    }

    /** Rebuilds the gradebook from every graded submission under {@code out}, and replaces it atomically. */
    static void writeGradebook(Path out) {
        Map<String, Results> graded = new TreeMap<>();
        Map<String, String> notes = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(out)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                String name = d.getFileName().toString();
                if (Files.exists(d.resolve(MARKER)) && Files.exists(d.resolve("results.json"))) {
                    graded.put(name, ResultsJson.read(d.resolve("results.json")));
                } else if (Files.exists(d.resolve(PREVIOUS))) {
                    // Being graded again: its row keeps the last finished grade until the new one is done.
                    graded.put(name, ResultsJson.read(d.resolve(PREVIOUS)));
                    notes.put(name, "regrade not finished: the previous grade");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeSet<Integer> problems = new TreeSet<>();
        graded.values().forEach(r -> r.tests.forEach(t -> problems.add(problemOf(t))));
        // The commit column only for a batch of repositories graded at a deadline.
        boolean commits = graded.values().stream().anyMatch(r -> r.extraData != null && r.extraData.get("commit") != null);
        StringBuilder csv = new StringBuilder("submission,total,max");
        problems.forEach(p -> csv.append(",problem ").append(p));
        csv.append(commits ? ",commit,note\n" : ",note\n");
        graded.forEach((name, r) -> {
            csv.append(Csv.cell(name)).append(',').append(num(r.score)).append(',').append(num(r.maxScore()));
            for (int p : problems) {
                double sum = r.tests.stream().filter(t -> problemOf(t) == p).mapToDouble(t -> t.score).sum();
                csv.append(',').append(num(sum));
            }
            if (commits) {
                Object commit = r.extraData == null ? null : r.extraData.get("commit");
                csv.append(',').append(commit == null ? "" : commit);
            }
            csv.append(',').append(Csv.cell(notes.getOrDefault(name, r.tests.isEmpty() ? firstLine(r.output) : "")))
                    .append('\n');
        });
        FileOps.writeAtomically(out.resolve("gradebook.csv"), csv.toString());
    }

    private static int problemOf(TestResult t) {
        Object p = t.extraData == null ? null : t.extraData.get("problem");
        return p instanceof Number n ? n.intValue() : 0;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }
}
