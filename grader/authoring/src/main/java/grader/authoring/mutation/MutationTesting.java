package grader.authoring.mutation;

import grader.course.Layout;
import grader.io.FileOps;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code grader/kit mutation}: which changes to a solution can no graded test see? For each TODO it runs PIT
 * ({@link PitRun}) over the TODO's solution regions with the TODO's graded tests, on the reference, and tells each
 * mutant that survives either explained ({@link EquivalentMutants}) or not. It prints a table per TODO and problem,
 * every unexplained survivor in the form the equivalents' file takes, and the entries of that file that match
 * nothing any more. It fails when a problem kills less than the required share of its non-equivalent mutants, or
 * when PIT fails.
 */
public final class MutationTesting {
    private MutationTesting() {
    }

    /** One TODO's outcome. */
    record Row(String todo, String labels, List<Mutant> mutants, List<Mutant> equivalent, List<Mutant> unexplained,
            String error, double seconds) {
        int viable() {
            return (int) mutants.stream().filter(Mutant::viable).count();
        }

        int killed() {
            return (int) mutants.stream().filter(Mutant::killed).count();
        }

        int problem() {
            return Integer.parseInt(todo.substring(0, todo.indexOf('.')));
        }
    }

    /**
     * PIT's defaults, and two mutators that suit array code: a call replaced by its receiver ({@code a.add(eps)}
     * becomes {@code a}: a term or factor dropped) or by its last argument ({@code Math.min(a, b)} becomes {@code b}:
     * a limit ignored).
     */
    public static final String MUTATORS = "DEFAULTS,EXPERIMENTAL_NAKED_RECEIVER,EXPERIMENTAL_ARGUMENT_PROPAGATION";

    /** How long one TODO's PIT run may take. */
    private static final long TODO_TIMEOUT_MINUTES = 90;

    /**
     * @param only      a problem ("6") or a TODO ("6.1"); null for all
     * @param mutators  PIT's mutators or groups, comma separated ("DEFAULTS")
     * @param threads   PIT's test JVMs side by side
     * @param minKilled the share (percent) of non-equivalent mutants each problem must kill
     * @param out       where the reports go (emptied first)
     */
    public static int run(Layout layout, String only, String mutators, int threads, double minKilled, Path out,
            PrintStream console) throws IOException, InterruptedException {
        PitRun.Settings settings = new PitRun.Settings(layout, mutators, threads, TODO_TIMEOUT_MINUTES);
        if (!Files.isDirectory(layout.referenceClasses())) {
            throw new IllegalArgumentException(layout.referenceClasses() + " is missing: build the reference first");
        }
        Map<String, List<SolutionRegions.Region>> regions = byTodo(SolutionRegions.scan(sources(layout)), only);
        TodoTests tests = TodoTests.read(layout.testClasses(), layout.referenceClasses() + java.io.File.pathSeparator
                + layout.dependencyClasspath());
        Path equivalentsFile = layout.mistakes().resolve(EquivalentMutants.FILE_NAME);
        EquivalentMutants equivalents = EquivalentMutants.read(equivalentsFile);
        out = out.toAbsolutePath(); // PIT and its test JVMs run in the TODO's folder
        FileOps.deleteTree(out);
        Files.createDirectories(out);
        long start = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<SolutionRegions.Region>> e : regions.entrySet()) {
            String todo = e.getKey();
            console.printf("mutating %s (%s) …%n", todo, labels(e.getValue()));
            rows.add(runTodo(layout, settings, todo, e.getValue(), tests, equivalents, out.resolve(todo)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder report = new StringBuilder(table(rows, minKilled));
        report.append(survivors(rows, layout));
        report.append(staleEntries(equivalents, rows, regions, layout));
        boolean failed = rows.stream().anyMatch(r -> r.error() != null)
                || problems(rows).values().stream().anyMatch(p -> p.share() < minKilled);
        report.append(String.format(Locale.ROOT, "%d TODOs, %.0f s, %s mutators, %d thread(s): %s%n", rows.size(),
                seconds, settings.mutators(), settings.threads(), failed
                        ? "FAILED (a problem kills less than " + points(minKilled) + " % of its non-equivalent mutants,"
                                + " or PIT failed)"
                        : "every problem kills at least " + points(minKilled) + " % of its non-equivalent mutants"));
        Path shown = out.startsWith(layout.root()) ? layout.root().relativize(out) : out;
        report.append("PIT's reports: ").append(shown).append("/TODO/index.html; this summary: ").append(shown)
                .append("/summary.txt").append(System.lineSeparator());
        console.print(report);
        FileOps.writeAtomically(out.resolve("summary.txt"), report.toString());
        return failed ? 1 : 0;
    }

    private static Path sources(Layout layout) {
        return layout.reference().resolve("src/main/java");
    }

    /** The regions of each selected TODO, TODOs in the handout's order. */
    static Map<String, List<SolutionRegions.Region>> byTodo(List<SolutionRegions.Region> all, String only) {
        Comparator<String> handoutOrder = Comparator
                .<String>comparingInt(t -> Integer.parseInt(t.substring(0, t.indexOf('.'))))
                .thenComparingInt(t -> Integer.parseInt(t.substring(t.indexOf('.') + 1)));
        Map<String, List<SolutionRegions.Region>> out = new TreeMap<>(handoutOrder);
        for (SolutionRegions.Region r : all) {
            if (only == null || r.todo().equals(only) || r.todo().startsWith(only + ".")) {
                out.computeIfAbsent(r.todo(), k -> new ArrayList<>()).add(r);
            }
        }
        if (out.isEmpty()) {
            Set<String> todos = new java.util.TreeSet<>(handoutOrder);
            all.forEach(r -> todos.add(r.todo()));
            throw new IllegalArgumentException("no solution region of " + (only == null ? "any TODO" : only)
                    + "; the TODOs are " + String.join(" ", todos));
        }
        return out;
    }

    private static Row runTodo(Layout layout, PitRun.Settings settings, String todo,
            List<SolutionRegions.Region> regions, TodoTests tests, EquivalentMutants equivalents, Path dir)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        String labels = labels(regions);
        if (tests.classes(todo).isEmpty()) {
            return new Row(todo, labels, List.of(), List.of(), List.of(), "no graded test has @Todo(\"" + todo + "\")",
                    0);
        }
        List<Mutant> mutants;
        try {
            Path xml = PitRun.run(settings, regions, tests.classes(todo), tests.methods(todo), dir);
            mutants = Mutant.read(xml, sources(layout)).stream()
                    // PIT's filter already kept these; checked again, so that no provided code is ever counted
                    .filter(m -> regions.stream().anyMatch(r -> r.holds(m.file(), m.line()))).toList();
        } catch (IllegalStateException e) {
            return new Row(todo, labels, List.of(), List.of(), List.of(), e.getMessage(), (System.nanoTime() - t0) / 1e9);
        }
        List<Mutant> equivalent = new ArrayList<>();
        List<Mutant> unexplained = new ArrayList<>();
        for (Mutant m : mutants) {
            if (m.viable() && !m.killed()) {
                (equivalents.explaining(m).isPresent() ? equivalent : unexplained).add(m);
            }
        }
        return new Row(todo, labels, mutants, equivalent, unexplained, null, (System.nanoTime() - t0) / 1e9);
    }

    private static String labels(List<SolutionRegions.Region> regions) {
        Set<String> labels = new LinkedHashSet<>();
        regions.forEach(r -> labels.add(r.label()));
        return String.join(", ", labels);
    }

    /** A problem's sums. */
    record Totals(int mutants, int killed, int survived, int equivalent, double seconds) {
        double share() {
            int counted = mutants - equivalent;
            return counted == 0 ? 100 : 100.0 * killed / counted;
        }

        Totals plus(Row r) {
            return new Totals(mutants + r.viable(), killed + r.killed(), survived + r.unexplained().size(),
                    equivalent + r.equivalent().size(), seconds + r.seconds());
        }
    }

    static Map<Integer, Totals> problems(List<Row> rows) {
        Map<Integer, Totals> out = new TreeMap<>();
        for (Row r : rows) {
            out.merge(r.problem(), new Totals(0, 0, 0, 0, 0).plus(r), (a, b) -> new Totals(a.mutants() + b.mutants(),
                    a.killed() + b.killed(), a.survived() + b.survived(), a.equivalent() + b.equivalent(),
                    a.seconds() + b.seconds()));
        }
        return out;
    }

    static String table(List<Row> rows, double minKilled) {
        StringBuilder s = new StringBuilder();
        String format = "%-10s %-46s %7s %7s %9s %11s %8s %7s%n";
        s.append(String.format(Locale.ROOT, format, "TODO", "Solution regions", "Mutants", "Killed", "Survived",
                "Equivalent", "Killed*", "Time"));
        Map<Integer, Totals> problems = problems(rows);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Totals t = new Totals(0, 0, 0, 0, 0).plus(r);
            s.append(String.format(Locale.ROOT, format, r.todo(), clip(r.labels(), 46), t.mutants(), t.killed(),
                    t.survived(), t.equivalent(), r.error() != null ? "ERROR" : percent(t.share()), seconds(r.seconds())));
            if (r.error() != null) {
                s.append("    ").append(r.error()).append(System.lineSeparator());
            }
            boolean lastOfProblem = i + 1 == rows.size() || rows.get(i + 1).problem() != r.problem();
            if (lastOfProblem) {
                Totals p = problems.get(r.problem());
                s.append(String.format(Locale.ROOT, format, "Problem " + r.problem(),
                        p.share() < minKilled ? "BELOW " + points(minKilled) + " %" : "", p.mutants(), p.killed(),
                        p.survived(), p.equivalent(), percent(p.share()), seconds(p.seconds())));
            }
        }
        Totals all = new Totals(0, 0, 0, 0, 0);
        for (Row r : rows) {
            all = all.plus(r);
        }
        s.append(String.format(Locale.ROOT, format, "Total", "", all.mutants(), all.killed(), all.survived(),
                all.equivalent(), percent(all.share()), seconds(all.seconds())));
        s.append("* killed of the mutants not recorded as equivalent; a timeout or crash counts as killed (the test"
                + " loses its points), a mutant no test reaches as survived").append(System.lineSeparator());
        return s.toString();
    }

    private static String survivors(List<Row> rows, Layout layout) {
        List<Mutant> all = rows.stream().flatMap(r -> r.unexplained().stream()).toList();
        if (all.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(System.lineSeparator()).append(all.size()).append(" mutant")
                .append(all.size() == 1 ? "" : "s").append(" no graded test kills: sharpen a test, or explain each in ")
                .append(layout.root().relativize(layout.mistakes().resolve(EquivalentMutants.FILE_NAME)))
                .append(":").append(System.lineSeparator());
        for (Row r : rows) {
            for (Mutant m : r.unexplained()) {
                s.append(String.format(Locale.ROOT, "  %s  %s:%d  %s%s%n", r.todo(), m.file(), m.line(),
                        m.description(), "NO_COVERAGE".equals(m.status()) ? " (no test runs this line)" : ""));
                EquivalentMutants.template(m).lines().forEach(l -> s.append("    ").append(l)
                        .append(System.lineSeparator()));
            }
        }
        return s.append(System.lineSeparator()).toString();
    }

    /**
     * Entries that explain nothing: their code is in no solution region, or their TODO ran and no mutant matched
     * (the code changed, or a test now kills the mutant).
     */
    private static String staleEntries(EquivalentMutants equivalents, List<Row> rows,
            Map<String, List<SolutionRegions.Region>> ran, Layout layout) {
        List<String> stale = new ArrayList<>();
        Map<String, List<String>> sourceCache = new LinkedHashMap<>();
        for (EquivalentMutants.Entry e : equivalents.entries()) {
            boolean matched = rows.stream().flatMap(r -> r.mutants().stream()).anyMatch(e::matches);
            if (matched) {
                boolean killed = rows.stream().flatMap(r -> r.mutants().stream())
                        .anyMatch(m -> e.matches(m) && m.killed());
                if (killed) {
                    stale.add(where(e) + ": a test now kills this mutant; remove the entry");
                }
                continue;
            }
            List<String> lines = sourceCache.computeIfAbsent(e.file(), f -> readLines(sources(layout).resolve(f)));
            String todo = null;
            for (SolutionRegions.Region r : SolutionRegions.scan(e.file(), lines)) {
                for (int l = r.first(); l <= r.last(); l++) {
                    if (Mutant.collapse(lines.get(l - 1)).equals(Mutant.collapse(e.code()))) {
                        todo = r.todo();
                    }
                }
            }
            if (todo == null) {
                stale.add(where(e) + ": its code is in no solution region of " + e.file());
            } else if (ran.containsKey(todo)) {
                stale.add(where(e) + ": TODO " + todo + " has no such mutant any more");
            }
        }
        if (stale.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(layout.root().relativize(layout.mistakes()
                .resolve(EquivalentMutants.FILE_NAME)).toString()).append(": ").append(stale.size())
                .append(" entr").append(stale.size() == 1 ? "y" : "ies").append(" to update:")
                .append(System.lineSeparator());
        stale.forEach(l -> s.append("  ").append(l).append(System.lineSeparator()));
        return s.toString();
    }

    private static String where(EquivalentMutants.Entry e) {
        return "line " + e.lineInFile() + " (" + e.file() + ", " + e.method() + ")";
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share);
    }

    private static String points(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.0f s", s);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
