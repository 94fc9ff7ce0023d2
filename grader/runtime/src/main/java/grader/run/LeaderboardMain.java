package grader.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import grader.api.LeaderboardMeasure;
import grader.io.FileOps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The child JVM that takes the leaderboard's measurements: every {@link LeaderboardMeasure} among the test
 * classes, one after the other, each with a time limit. After each one it rewrites {@code OUT} (the entries so
 * far and, for each one left out, why), so a crash keeps what was measured before it.
 *
 * <pre>
 * LeaderboardMain --tests DIR --out FILE [--time-limit SECONDS]
 * </pre>
 */
public final class LeaderboardMain {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** What the child writes: Gradescope's leaderboard entries, and a sentence per measurement left out. */
    static final class Report {
        List<Map<String, Object>> entries = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        /** The measurement running when the file was written last (so a crash can be named). */
        String running;
    }

    private LeaderboardMain() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> tests = new ArrayList<>();
        Path out = null;
        double limit = 120;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--tests" -> tests.add(Paths.get(args[i + 1]));
                case "--out" -> out = Paths.get(args[i + 1]);
                case "--time-limit" -> limit = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (tests.isEmpty() || out == null) {
            throw new IllegalArgumentException("usage: LeaderboardMain --tests DIR --out FILE [--time-limit S]");
        }
        Report report = new Report();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "leaderboard-measure");
            t.setDaemon(true);
            return t;
        });
        List<Class<?>> found = new ArrayList<>();
        for (Path t : tests) {
            found.addAll(measures(t));
        }
        if (found.isEmpty()) {
            report.notes.add("no leaderboard measurement was found among the tests");
        }
        for (Class<?> type : found) {
            LeaderboardMeasure m;
            try {
                m = (LeaderboardMeasure) type.getConstructor().newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                report.notes.add(type.getSimpleName() + ": left out, it cannot be created: " + e);
                continue;
            }
            report.running = m.name();
            write(out, report);
            Future<Double> value = pool.submit(m::measure);
            try {
                double v = value.get((long) (limit * 1000), TimeUnit.MILLISECONDS);
                if (!Double.isFinite(v)) {
                    report.notes.add(m.name() + ": left out, the measurement gave " + v);
                } else {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("name", m.name());
                    entry.put("value", Math.round(v * 1e4) / 1e4);
                    entry.put("order", "asc".equals(m.order()) ? "asc" : "desc");
                    report.entries.add(entry);
                }
            } catch (TimeoutException e) {
                value.cancel(true);
                report.notes.add(m.name() + ": left out, it took longer than " + (long) limit + " s");
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                report.notes.add(m.name() + ": left out, your code threw " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage())));
            }
            report.running = null;
            write(out, report);
        }
        write(out, report);
        System.exit(0); // a timed-out measurement may still be running
    }

    private static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }

    static void write(Path out, Report report) {
        FileOps.writeAtomically(out, GSON.toJson(report));
    }

    /** The public, concrete classes implementing LeaderboardMeasure below a folder of classes, by name. */
    static List<Class<?>> measures(Path classes) throws IOException {
        List<Class<?>> out = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).sorted()
                    .toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replace('\\', '.')
                        .replaceAll("\\.class$", "");
                try {
                    Class<?> c = Class.forName(name, false, loader);
                    if (LeaderboardMeasure.class.isAssignableFrom(c) && Modifier.isPublic(c.getModifiers())
                            && !Modifier.isAbstract(c.getModifiers()) && !c.isInterface()) {
                        out.add(c);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable here (a class that needs a replaced part): not a measurement we can run
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }
}
