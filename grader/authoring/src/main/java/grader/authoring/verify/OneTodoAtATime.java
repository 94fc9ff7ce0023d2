package grader.authoring.verify;

import grader.authoring.generate.SkeletonGenerator;
import grader.course.Layout;
import grader.io.FileOps;
import grader.report.Results;
import grader.report.TestResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code grader/kit todos}: proves that a student can finish the homework one TODO at a time. For each TODO, the
 * skeleton with that TODO's reference regions put in (and nothing else solved) is graded on the TODO's own tests,
 * in a JVM of its own, jqwik's shrinking off:
 * <ul>
 * <li>every test of the TODO must earn its points; or, for a TODO whose docstring says another comes first
 * ("Needs Problems 1.3 and 1.4 first"), every test that loses points must say "needs Problem X.Y … first" for one
 * of those TODOs (or one they need in turn), never a raw "not implemented yet" of another TODO;</li>
 * <li>then, with the TODOs it needs solved too, every test of the TODO must earn its points.</li>
 * </ul>
 * A docstring that names a TODO the tests do not need fails the check too, so the docstrings stay true.
 */
public final class OneTodoAtATime {
    private static final Pattern BEGIN = Pattern.compile("(?m)^\\s*// BEGIN SOLUTION Problem (\\d+\\.\\d+)\\b.*$");
    /** "Needs Problem 1.4 first", "Needs Problems 1.1, 1.2 and 1.4 first", across line breaks of a doc comment. */
    private static final Pattern NEEDS = Pattern.compile(
            "Needs\\s+Problems?\\s+(\\d+\\.\\d+(?:(?:\\s*,\\s*|\\s+and\\s+)\\d+\\.\\d+)*)\\s+first");
    private static final Pattern TODO_ID = Pattern.compile("\\d+\\.\\d+");
    /** The grader's words for a test stopped by a TODO it does not grade (see grader.run.FailureExplainer). */
    /**
     * A failure that names the TODO it waits for: "needs Problem 1.3 … first", or, in a test that counts for that
     * TODO too ({@code @Todo({"1.4", "1.3"})}), "not implemented yet: Problem 1.3".
     */
    private static final Pattern NEEDS_MESSAGE = Pattern.compile(
            "needs Problem (\\d+\\.\\d+)\\b[^\\n]*first|^not implemented yet: Problem (\\d+\\.\\d+)\\b");

    /** Orders "4.10" after "4.9". */
    static final Comparator<String> TODO_ORDER = Comparator
            .<String>comparingInt(id -> Integer.parseInt(id.substring(0, id.indexOf('.'))))
            .thenComparingInt(id -> Integer.parseInt(id.substring(id.indexOf('.') + 1)));

    private OneTodoAtATime() {
    }

    /**
     * A TODO of the reference.
     *
     * @param id    "4.3"
     * @param files the reference files that hold its regions, by package path
     * @param needs the TODOs its docstring says come first
     */
    record Todo(String id, List<String> files, Set<String> needs) {
    }

    /** How one TODO fared. */
    record Verdict(String todo, boolean ok, String result, String alone, String withNeeds, double seconds) {
    }

    public static int run(Layout layout, Path work, int jobs, String only, PrintStream out)
            throws IOException, InterruptedException {
        Path sources = layout.reference().resolve("src/main/java");
        Map<String, Todo> todos = scan(sources);
        List<Todo> chosen = todos.values().stream().filter(t -> only == null || t.id().equals(only)
                || t.id().startsWith(only + ".")).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(only == null ? "no solution region in " + sources
                    : "no TODO " + only + " in " + sources);
        }
        String deps = layout.dependencyClasspath();
        if (!Files.isDirectory(layout.skeletonClasses())) {
            throw new IllegalArgumentException(layout.skeletonClasses() + " is missing: build the skeleton first");
        }
        chosen.forEach(t -> FileOps.deleteTree(work.resolve(t.id())));
        long start = System.nanoTime();
        // The TODOs that need most (the longest gradings) first, so that no job waits alone at the end.
        List<Todo> longestFirst = chosen.stream().sorted(Comparator.comparingInt((Todo t) -> -closure(t, todos).size())
                .thenComparing(Todo::id, TODO_ORDER)).toList();
        List<Verdict> verdicts = new ArrayList<>(Jobs.map(longestFirst, jobs,
                t -> judge(layout, deps, t, todos, work.resolve(t.id()))));
        verdicts.sort(Comparator.comparing(Verdict::todo, TODO_ORDER));
        out.print(table(verdicts));
        long bad = verdicts.stream().filter(v -> !v.ok()).count();
        out.printf(Locale.ROOT, "%d TODOs, %d jobs, %.0f s: %s%n", verdicts.size(), Math.max(1, jobs),
                (System.nanoTime() - start) / 1e9, bad == 0
                        ? "each earns its points on its own, or after the TODOs its docstring names"
                        : bad + " TODO" + (bad == 1 ? "" : "s") + " FAILED (see the table)");
        return bad == 0 ? 0 : 1;
    }

    /** Every TODO of the reference sources, in problem order, with its files and the TODOs it needs. */
    static Map<String, Todo> scan(Path sources) {
        Map<String, List<String>> files = new TreeMap<>(TODO_ORDER);
        Map<String, Set<String>> needs = new TreeMap<>(TODO_ORDER);
        try (Stream<Path> walk = Files.walk(sources)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String rel = sources.relativize(f).toString().replace('\\', '/');
                Matcher m = BEGIN.matcher(text);
                while (m.find()) {
                    String id = m.group(1);
                    List<String> list = files.computeIfAbsent(id, k -> new ArrayList<>());
                    if (!list.contains(rel)) {
                        list.add(rel);
                    }
                    needs.computeIfAbsent(id, k -> new TreeSet<>(TODO_ORDER)).addAll(declaredNeeds(text, m.start()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sources + ": " + e.getMessage(), e);
        }
        Map<String, Todo> out = new LinkedHashMap<>();
        files.forEach((id, list) -> {
            Set<String> n = needs.get(id);
            n.remove(id);
            out.put(id, new Todo(id, List.copyOf(list), n));
        });
        return out;
    }

    /** The TODOs named by "Needs Problem … first" in the doc comment above a region (the method's). */
    static Set<String> declaredNeeds(String source, int regionStart) {
        int open = source.lastIndexOf("/**", regionStart);
        int close = open < 0 ? -1 : source.indexOf("*/", open);
        Set<String> out = new TreeSet<>(TODO_ORDER);
        if (close < 0 || close > regionStart) {
            return out;
        }
        String doc = source.substring(open + 3, close).replaceAll("(?m)^\\s*\\*", " ");
        Matcher m = NEEDS.matcher(doc);
        while (m.find()) {
            Matcher id = TODO_ID.matcher(m.group(1));
            while (id.find()) {
                out.add(id.group());
            }
        }
        return out;
    }

    /** The TODOs {@code todo} needs, directly or through the ones it needs. */
    static Set<String> closure(Todo todo, Map<String, Todo> all) {
        Set<String> out = new TreeSet<>(TODO_ORDER);
        List<String> queue = new ArrayList<>(todo.needs());
        while (!queue.isEmpty()) {
            String id = queue.remove(0);
            if (!id.equals(todo.id()) && out.add(id) && all.containsKey(id)) {
                queue.addAll(all.get(id).needs());
            }
        }
        return out;
    }

    private static Verdict judge(Layout layout, String deps, Todo todo, Map<String, Todo> all, Path dir) {
        long t0 = System.nanoTime();
        try {
            Set<String> needs = closure(todo, all);
            List<String> unknown = needs.stream().filter(n -> !all.containsKey(n)).toList();
            if (!unknown.isEmpty()) {
                return verdict(todo, false, "ERROR: its docstring needs " + unknown + ", which no region solves",
                        "-", "-", t0);
            }
            Graded alone = grade(layout, deps, todo, Set.of(todo.id()), all, dir.resolve("alone"));
            if (alone.error() != null) {
                return verdict(todo, false, "ERROR: " + alone.error(), "-", "-", t0);
            }
            if (alone.lost().isEmpty()) {
                return needs.isEmpty() ? verdict(todo, true, "alone", alone.points(), "-", t0)
                        : verdict(todo, false, "FAILED: its docstring says it needs " + String.join(", ",
                                todo.needs()) + " first, but its tests pass without", alone.points(), "-", t0);
            }
            List<String> unexplained = new ArrayList<>();
            for (TestResult t : alone.lost()) {
                Matcher m = NEEDS_MESSAGE.matcher(t.output == null ? "" : t.output);
                if (!m.find() || !needs.contains(m.group(1) != null ? m.group(1) : m.group(2))) {
                    unexplained.add(t.number + " " + firstLine(t.output));
                }
            }
            if (!unexplained.isEmpty()) {
                return verdict(todo, false, "FAILED alone" + (needs.isEmpty() ? "" : " (its docstring needs "
                        + String.join(", ", todo.needs()) + ")") + ": " + String.join("; ", unexplained),
                        alone.points(), "-", t0);
            }
            Set<String> solved = new TreeSet<>(TODO_ORDER);
            solved.add(todo.id());
            solved.addAll(needs);
            Graded with = grade(layout, deps, todo, solved, all, dir.resolve("with-needs"));
            if (with.error() != null) {
                return verdict(todo, false, "ERROR: " + with.error(), alone.points(), "-", t0);
            }
            if (!with.lost().isEmpty()) {
                return verdict(todo, false, "FAILED after " + String.join(", ", needs) + ": " + String.join("; ",
                        with.lost().stream().map(t -> t.number + " " + firstLine(t.output)).toList()),
                        alone.points(), with.points(), t0);
            }
            return verdict(todo, true, "after " + String.join(", ", needs), alone.points(), with.points(), t0);
        } catch (IOException | RuntimeException | InterruptedException ex) {
            return verdict(todo, false, "ERROR: " + ex.getMessage(), "-", "-", t0);
        }
    }

    /** The tests of one TODO (those numbered under it) graded with the skeleton and some TODOs solved. */
    private record Graded(List<TestResult> tests, String error) {
        List<TestResult> lost() {
            return tests.stream().filter(t -> t.score < t.maxScore).toList();
        }

        String points() {
            return fmt(tests.stream().mapToDouble(t -> t.score).sum()) + "/"
                    + fmt(tests.stream().mapToDouble(t -> t.maxScore).sum());
        }
    }

    private static Graded grade(Layout layout, String deps, Todo todo, Set<String> solved, Map<String, Todo> all,
            Path dir) throws IOException, InterruptedException {
        Set<String> files = new TreeSet<>();
        solved.forEach(id -> files.addAll(all.get(id).files()));
        Path reference = layout.reference().resolve("src/main/java");
        Map<String, String> patched = new TreeMap<>();
        for (String file : files) {
            String text = Files.readString(reference.resolve(file), StandardCharsets.UTF_8);
            patched.put(file, SkeletonGenerator.strip(file, text, label -> solved.contains(todoOf(label))));
        }
        PatchedGrading.Outcome outcome = PatchedGrading.grade(layout, deps, layout.skeletonClasses(), patched, dir,
                List.of("--problem", todo.id(), "--label", "one TODO at a time: " + todo.id() + " with "
                        + String.join(", ", solved) + " solved"));
        if (outcome.failed()) {
            return new Graded(List.of(), outcome.error());
        }
        Results r = outcome.results();
        List<TestResult> own = r.tests.stream().filter(t -> t.number != null
                && t.number.startsWith(todo.id() + ".")).toList();
        return own.isEmpty() ? new Graded(own, "no test is numbered under " + todo.id()) : new Graded(own, null);
    }

    /** "Problem 4.3 (TransformerBlock.forward)" → "4.3". */
    private static String todoOf(String label) {
        Matcher m = TODO_ID.matcher(label);
        return m.find() ? m.group() : "";
    }

    private static Verdict verdict(Todo todo, boolean ok, String result, String alone, String with, long t0) {
        return new Verdict(todo.id(), ok, result, alone, with, (System.nanoTime() - t0) / 1e9);
    }

    static String table(List<Verdict> verdicts) {
        StringBuilder s = new StringBuilder();
        String format = "%-5s %-9s %-11s %6s  %s%n";
        s.append(String.format(Locale.ROOT, format, "TODO", "Alone", "With needs", "Time", "Result"));
        for (Verdict v : verdicts) {
            s.append(String.format(Locale.ROOT, format, v.todo(), v.alone(), v.withNeeds(),
                    String.format(Locale.ROOT, "%.0f s", v.seconds()), clip(v.result(), 400)));
        }
        return s.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String firstLine(String s) {
        String line = s == null ? "" : s.strip().lines().findFirst().orElse("");
        return clip(line, 160);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
