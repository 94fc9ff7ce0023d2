package grader.run;

import grader.io.ChildSandbox;
import grader.report.Results;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Adds Gradescope's {@code leaderboard} to a graded run: runs {@link LeaderboardMain} in a child JVM on the same
 * class path and reads back what it measured. Whatever happens — a measurement throws, hangs, or kills the JVM —
 * the entries that were measured are kept, the others are named with the reason in the output, and no score
 * changes.
 */
final class Leaderboard {
    /** Seconds each measurement may take. */
    static final double PER_MEASURE = 120;

    private Leaderboard() {
    }

    /**
     * The entries in Gradescope's shape only: the file comes from a JVM that ran the student's code, so a forged
     * or broken one must not make results.json invalid (a name, a finite number, "asc" or "desc"; at most 20).
     */
    static List<Map<String, Object>> valid(List<Map<String, Object>> entries, List<String> notes) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (entries == null) {
            return out;
        }
        for (Map<String, Object> e : entries) {
            Object name = e == null ? null : e.get("name");
            Object value = e == null ? null : e.get("value");
            Object order = e == null ? null : e.get("order");
            if (out.size() < 20 && name instanceof String n && !n.isBlank() && n.length() <= 100
                    && value instanceof Number v && Double.isFinite(v.doubleValue())
                    && ("asc".equals(order) || "desc".equals(order))) {
                Map<String, Object> entry = new java.util.LinkedHashMap<>();
                entry.put("name", n);
                entry.put("value", v.doubleValue());
                entry.put("order", order);
                out.add(entry);
            } else {
                notes.add("an entry that is not a leaderboard entry was left out");
            }
        }
        return out;
    }

    /** Measures, sets {@code results.leaderboard}, and returns a paragraph for the output. */
    static String addTo(Results results, List<Path> tests, String classpath, List<String> jvmArgs, Path work) {
        List<String> notes = new ArrayList<>();
        LeaderboardMain.Report report = new LeaderboardMain.Report();
        // The measurements run the submission's code: as the test JVMs do, in a sandbox of their own.
        try (ChildSandbox sandbox = ChildSandbox.open(work)) {
            Path file = sandbox.directory(work).resolve("leaderboard.json");
            Files.deleteIfExists(file);
            List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            cmd.addAll(jvmArgs);
            cmd.addAll(List.of("-cp", sandbox.classpath(classpath), LeaderboardMain.class.getName(), "--out",
                    file.toString(), "--time-limit", String.valueOf(PER_MEASURE)));
            for (Path t : tests) {
                cmd.addAll(List.of("--tests", sandbox.visible(t).toString()));
            }
            ProcessBuilder pb = new ProcessBuilder(sandbox.command(cmd)).directory(sandbox.directory(work).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("leaderboard.log").toFile());
            pb.environment().putIfAbsent("OMP_NUM_THREADS", "1");
            Process p = pb.start();
            boolean ended = p.waitFor((long) (PER_MEASURE * 4 + 30), TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor();
            }
            if (Files.isRegularFile(file)) {
                report = LeaderboardMain.GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8),
                        LeaderboardMain.Report.class);
            }
            notes.addAll(report.notes);
            if (!ended || p.exitValue() != 0) {
                notes.add((report.running == null ? "the measurements" : report.running + ": left out,")
                        + (ended ? " the JVM stopped (exit " + p.exitValue() + ")" : " they ran out of time"));
            }
        } catch (IOException | RuntimeException e) {
            notes.add("the measurements could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notes.add("the measurements were interrupted");
        }
        results.leaderboard = valid(report.entries, notes);
        StringBuilder s = new StringBuilder("Leaderboard (measured on your code; it does not change your score):\n");
        for (Map<String, Object> e : results.leaderboard) {
            s.append("  ").append(e.get("name")).append(": ").append(e.get("value")).append('\n');
        }
        notes.forEach(n -> s.append("  ").append(n).append('\n'));
        return s.toString();
    }
}
