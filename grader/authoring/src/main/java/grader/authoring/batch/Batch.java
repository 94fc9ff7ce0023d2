package grader.authoring.batch;

import grader.authoring.GradeProcess;
import grader.course.Layout;
import grader.io.FileOps;
import grader.report.Results;
import grader.report.ResultsJson;
import grader.report.TestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.stream.Stream;

/**
 * Grades a folder of submissions (each a folder or a .zip), N at a time, into {@code OUT/NAME/results.json} and a
 * gradebook {@code OUT/gradebook.csv}. It can be stopped at any moment (even kill -9) and run again: a submission
 * counts as graded only once its {@code .graded} marker exists, and the gradebook is rebuilt from the graded
 * results each time, so no row is lost or repeated.
 */
public final class Batch {
    static final String MARKER = ".graded";

    private Batch() {
    }

    public static void run(Layout layout, Path submissions, Path out, int jobs, List<String> gradeArgs,
            java.io.PrintStream console) throws InterruptedException {
        if (!Files.isDirectory(submissions)) {
            throw new IllegalArgumentException(submissions + " is not a folder of submissions");
        }
        layout.dependencyClasspath(); // fail early when the kit is not built
        List<Path> todo = new ArrayList<>();
        int already = 0;
        for (Path s : list(submissions)) {
            if (Files.exists(out.resolve(name(s)).resolve(MARKER))) {
                already++;
            } else {
                todo.add(s);
            }
        }
        console.printf(Locale.ROOT, "batch: %d submissions, %d already graded, %d to grade, %d at a time%n",
                already + todo.size(), already, todo.size(), jobs);
        List<String> args = new ArrayList<>(gradeArgs);
        if (jobs > 1 && args.stream().noneMatch(a -> a.startsWith("--memory"))) {
            // Side by side, each job's test JVMs get a share of the container, not all of it.
            args.add("--memory=" + grader.run.ChildMemory.share(jobs));
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<?>> running = new ArrayList<>();
        for (Path s : todo) {
            running.add(pool.submit(() -> {
                Path dir = out.resolve(name(s));
                Results r = grade(layout, s, dir, args);
                mark(dir);
                synchronized (Batch.class) {
                    writeGradebook(out);
                    console.printf(Locale.ROOT, "  %-30s %8.2f / %.2f%n", name(s), r.score, r.maxScore());
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

    /** Writes and returns a results.json that scores nothing and says why. */
    private static Results failed(Path dir, String why) {
        Results r = new Results();
        r.output = why;
        grader.report.ResultsJson.write(dir.resolve("results.json"), r);
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

    private static void mark(Path dir) throws IOException {
        Files.writeString(dir.resolve(MARKER), "graded\n");
    }

    /** Rebuilds the gradebook from every graded submission under {@code out}, and replaces it atomically. */
    static void writeGradebook(Path out) {
        Map<String, Results> graded = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(out)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (Files.exists(d.resolve(MARKER)) && Files.exists(d.resolve("results.json"))) {
                    graded.put(d.getFileName().toString(), ResultsJson.read(d.resolve("results.json")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeSet<Integer> problems = new TreeSet<>();
        graded.values().forEach(r -> r.tests.forEach(t -> problems.add(problemOf(t))));
        StringBuilder csv = new StringBuilder("submission,total,max");
        problems.forEach(p -> csv.append(",problem ").append(p));
        csv.append(",note\n");
        graded.forEach((name, r) -> {
            csv.append(quote(name)).append(',').append(num(r.score)).append(',').append(num(r.maxScore()));
            for (int p : problems) {
                double sum = r.tests.stream().filter(t -> problemOf(t) == p).mapToDouble(t -> t.score).sum();
                csv.append(',').append(num(sum));
            }
            csv.append(',').append(quote(r.tests.isEmpty() ? firstLine(r.output) : "")).append('\n');
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

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
