package grader.authoring.verify;

import grader.course.Layout;
import grader.io.FileOps;
import grader.report.Results;
import grader.report.TestResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code grader/kit mistakes}: applies each catalogue entry ({@link MistakeEntry}) to a scratch copy of the
 * compiled reference (only the edited file is recompiled), grades only the entry's problem in its own JVM, and
 * prints a table. A mistake must lose points in its TODO's tests; an alternative must keep every point of its
 * problem. Returns non-zero when a mistake goes uncaught, an alternative loses points, or an entry is broken.
 */
public final class Mistakes {
    private Mistakes() {
    }

    /** How one entry fared. */
    record Verdict(MistakeEntry entry, boolean ok, String result, List<String> failed, double lost,
            String symptomNamed, double seconds) {
    }

    public static int run(Layout layout, Path work, int jobs, String only, PrintStream out)
            throws IOException, InterruptedException {
        List<MistakeEntry> entries = new ArrayList<>();
        try {
            for (Path f : MistakeEntry.files(layout.mistakes())) {
                if (only == null || f.getFileName().toString().contains(only)) {
                    entries.add(MistakeEntry.read(f));
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("no catalogue at " + layout.mistakes());
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no entry in " + layout.mistakes() + (only == null ? "" : " matches " + only));
        }
        String deps = layout.dependencyClasspath();
        if (!Files.isDirectory(layout.referenceClasses())) {
            throw new IllegalArgumentException(layout.referenceClasses() + " is missing: build the reference first");
        }
        FileOps.deleteTree(work);
        long start = System.nanoTime();
        List<Verdict> verdicts = Jobs.map(entries, jobs, e -> judge(layout, deps, e, work.resolve(e.name())));
        // For the class report: which tests each entry fails (tests/target/mistakes-signatures.json).
        CatalogueSignatures.update(layout, entries, work);
        out.print(table(verdicts));
        long bad = verdicts.stream().filter(v -> !v.ok()).count();
        long mistakes = entries.stream().filter(e -> !e.alternative()).count();
        out.printf(Locale.ROOT, "%d mistakes, %d alternatives, %d jobs, %.0f s: %s%n", mistakes,
                entries.size() - mistakes, Math.max(1, jobs), (System.nanoTime() - start) / 1e9,
                bad == 0 ? "every mistake caught, every alternative at full marks"
                        : bad + " entr" + (bad == 1 ? "y" : "ies") + " FAILED (see the table)");
        return bad == 0 ? 0 : 1;
    }

    private static Verdict judge(Layout layout, String deps, MistakeEntry e, Path dir) {
        long t0 = System.nanoTime();
        try {
            Path source = layout.reference().resolve("src/main/java").resolve(e.file());
            if (!Files.isRegularFile(source)) {
                return broken(e, "no reference file " + e.file(), t0);
            }
            String patched = e.apply(Files.readString(source, StandardCharsets.UTF_8));
            List<String> args = new ArrayList<>(List.of("--problem", e.problem(), "--label", "catalogue: " + e.name()));
            if (e.tests() != null) {
                args.addAll(List.of("--test", e.tests()));
            }
            PatchedGrading.Outcome graded = PatchedGrading.grade(layout, deps, layout.referenceClasses(),
                    Map.of(e.file(), patched), dir, args);
            if (graded.failed()) {
                return broken(e, graded.error(), t0);
            }
            return verdict(e, graded.results(), t0);
        } catch (IOException | RuntimeException | InterruptedException ex) {
            return broken(e, String.valueOf(ex.getMessage()), t0);
        }
    }

    static Verdict verdict(MistakeEntry e, Results r, long t0) {
        List<String> failed = new ArrayList<>();
        double lost = 0;
        boolean todoLost = false;
        boolean symptom = false;
        for (TestResult t : r.tests) {
            if (t.score < t.maxScore) {
                failed.add(t.number);
                lost += t.maxScore - t.score;
                todoLost |= !e.problem().contains(".") || todosOf(t).contains(e.problem());
                symptom |= e.symptom() != null && t.output != null
                        && t.output.toLowerCase(Locale.ROOT).contains(e.symptom().toLowerCase(Locale.ROOT));
            }
        }
        String named = e.symptom() == null || e.alternative() ? "-" : symptom ? "yes" : "no";
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.tests.isEmpty()) {
            return new Verdict(e, false, "ERROR: no test of problem " + e.problemNumber() + " ran", failed, lost, named,
                    seconds);
        }
        if (e.alternative()) {
            return new Verdict(e, lost == 0, lost == 0 ? "kept" : "LOST POINTS", failed, lost, named, seconds);
        }
        return new Verdict(e, todoLost, todoLost ? "caught" : "MISSED", failed, lost, named, seconds);
    }

    /** The TODOs a result says its test grades (results.json's extra_data "todos"). */
    private static List<String> todosOf(TestResult t) {
        Object todos = t.extraData == null ? null : t.extraData.get("todos");
        return todos instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static Verdict broken(MistakeEntry e, String why, long t0) {
        return new Verdict(e, false, "ERROR: " + why, List.of(), 0, "-", (System.nanoTime() - t0) / 1e9);
    }

    static String table(List<Verdict> verdicts) {
        StringBuilder s = new StringBuilder();
        String format = "%-44s %-11s %-5s %-12s %6s %7s  %s%n";
        s.append(String.format(Locale.ROOT, format, "Entry", "Kind", "TODO", "Result", "Lost", "Symptom",
                "Tests that lost points"));
        for (Verdict v : verdicts) {
            List<String> shown = v.failed().size() <= 6 ? v.failed() : v.failed().subList(0, 6);
            String tests = String.join(" ", shown) + (v.failed().size() > 6 ? " +" + (v.failed().size() - 6) : "");
            String result = v.result().length() <= 12 ? v.result() : "ERROR";
            s.append(String.format(Locale.ROOT, format, clip(v.entry().name(), 44),
                    v.entry().alternative() ? "alternative" : "mistake", v.entry().problem(), result,
                    points(v.lost()), v.symptomNamed(), tests));
            if (v.result().startsWith("ERROR")) {
                s.append("    ").append(v.result()).append(System.lineSeparator());
            }
        }
        return s.toString();
    }

    private static String points(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
