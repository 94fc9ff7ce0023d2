package grader.authoring.verify;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import grader.course.Course;
import grader.course.Layout;
import grader.notebook.KernelFiles;
import grader.notebook.Notebook;
import grader.notebook.NotebookGrader;
import grader.notebook.NotebookRunner;
import grader.notebook.Question;
import java.io.PrintStream;
import grader.io.FileOps;
import grader.report.TestResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructor's check of the notebooks ({@code grader/kit notebooks}, and {@code mvn verify}): every source
 * notebook runs headless against the reference without a cell error and earns full marks; a copy of each in which
 * every answer is its planted mistake (the "wrong" of its answer cell) loses every question; broken copies of
 * one notebook (malformed JSON, an answer cell removed, an answer that never ends) lose their own questions and
 * nothing else; and, where Jupyter's client is installed, the graded notebooks give the same outputs cell by cell
 * in Jupyter with the kit's kernel as in the grader ({@link KernelParity}).
 *
 * With {@code grader/kit notebooks --walkthroughs-only} (what {@code mvn verify} uses, since its self-check already grades the
 * graded notebooks on the reference) step 1 runs only the notebooks without questions.
 */
public final class NotebookCheck {
    private static final Pattern CODE_REGION = Pattern.compile(
            "(?m)^[ \\t]*// BEGIN SOLUTION[^\\n]*\\n(?:.*\\n)*?[ \\t]*// END SOLUTION[^\\n]*(\\n|$)");
    private static final String BROKEN = "broken-";

    private NotebookCheck() {
    }

    /**
     * Runs the check on the homework's notebooks against its compiled reference; 0 when it passed, 1 when it found
     * problems (printed).
     */
    public static int run(Layout layout, double cellTimeout, boolean walkthroughsOnly, Path out, PrintStream console)
            throws IOException {
        List<Path> classpath = new ArrayList<>(List.of(layout.referenceClasses()));
        classpath.addAll(KernelFiles.split(layout.dependencyClasspath()));
        List<String> problems = run(layout.notebookSources(), layout.course(), classpath, out, cellTimeout,
                walkthroughsOnly);
        problems.addAll(KernelParity.check(layout, out.resolve("mistakes-run"), out.resolve("parity"), console));
        if (!problems.isEmpty()) {
            console.println("notebook check FAILED:");
            problems.forEach(p -> console.println("  " + p));
            return 1;
        }
        console.println("notebook check passed: every source notebook runs without an error and earns full"
                + " marks, every planted mistake loses its question, and a broken notebook loses only its own.");
        return 0;
    }

    static List<String> run(Path sources, Course course, List<Path> classpath, Path out, double cellTimeout,
            boolean walkthroughsOnly) throws IOException {
        String key = course.notebookKey();
        List<String> problems = new ArrayList<>();
        List<Path> notebooks = Notebook.list(sources);
        List<Path> all = notebooks;
        if (notebooks.size() == 0) {
            problems.add("no notebooks in " + sources);
            return problems;
        }
        // 1. The sources as they are: no cell raises, every question earns its points.
        FileOps.deleteTree(out);
        NotebookRunner.Settings settings = new NotebookRunner.Settings(course, cellTimeout, false);
        Path first = sources;
        if (walkthroughsOnly) {
            first = out.resolve("walkthroughs");
            Files.createDirectories(first);
            List<Path> kept = new ArrayList<>();
            for (Path nb : notebooks) {
                if (Question.of(nb.getFileName().toString(), Notebook.read(nb, key)).isEmpty()) {
                    Files.copy(nb, first.resolve(nb.getFileName()));
                    kept.add(nb);
                }
            }
            notebooks = kept;
        }
        List<TestResult> results = NotebookGrader.grade(new NotebookGrader.Request(first, first, key, classpath,
                settings, out.resolve("reference-run"), q -> true, true));
        for (TestResult t : results) {
            if (t.score < t.maxScore || !"passed".equals(t.status)) {
                problems.add(t.name + " fails on the reference: " + t.output);
            }
        }
        Path executed = out.resolve("reference-run/executed");
        for (Path nb : notebooks) {
            String name = nb.getFileName().toString();
            Path run = executed.resolve(name);
            if (!Files.isRegularFile(run)) {
                problems.add(name + " did not run");
                continue;
            }
            List<JsonObject> cells = Notebook.read(run, key).cells();
            for (int i = 0; i < cells.size(); i++) {
                String error = NotebookGrader.error(cells.get(i));
                if (error != null) {
                    problems.add(name + ": cell " + (i + 1) + " (\"" + Notebook.firstLine(cells.get(i)) + "\") raised "
                            + error);
                }
            }
            System.out.printf("  %-40s ran%n", name);
        }
        long graded = results.stream().filter(t -> t.maxScore > 0).count();
        System.out.printf("notebooks on the reference: %d notebooks, %d graded questions, %.0f / %.0f points%n",
                notebooks.size(), graded, results.stream().mapToDouble(t -> t.score).sum(),
                results.stream().mapToDouble(t -> t.maxScore).sum());

        // 2. Broken copies of the smallest graded notebook, beside an intact copy of it, with a short cell limit.
        Path victim = null;
        for (Path nb : all) {
            Notebook n = Notebook.read(nb, key);
            boolean quick = n.cells().stream().noneMatch(c -> n.meta(c) != null && n.meta(c).has("timeout"));
            boolean hasQuestions = quick && !Question.of(nb.getFileName().toString(), n).isEmpty();
            if (hasQuestions && (victim == null || Files.size(nb) < Files.size(victim))) {
                victim = nb;
            }
        }
        if (victim != null) {
            problems.addAll(checkBroken(victim, course, classpath, out.resolve("broken")));
        }

        // 3. Every answer replaced by its planted mistake: every question must lose its points.
        Path mutants = out.resolve("mistakes-submitted");
        Files.createDirectories(mutants);
        List<Path> withQuestions = new ArrayList<>();
        for (Path nb : all) {
            Notebook mutant = Notebook.read(nb, key);
            boolean any = false;
            for (JsonObject cell : mutant.cells()) {
                JsonObject m = mutant.meta(cell);
                String q = Notebook.string(m, "question");
                if (q == null || "free".equals(Notebook.string(m, "kind"))) {
                    continue;
                }
                any = true;
                String wrong = Notebook.string(m, "wrong");
                if (wrong == null) {
                    problems.add(nb.getFileName() + ": Question " + q + " has no planted mistake (\"wrong\" in its"
                            + " answer cell's metadata)");
                    continue;
                }
                Notebook.setSource(cell, plant(Notebook.source(cell), wrong));
            }
            if (any) {
                mutant.write(mutants.resolve(nb.getFileName()));
                withQuestions.add(nb);
            }
        }
        List<TestResult> wrong = NotebookGrader.grade(new NotebookGrader.Request(mutants, sources, key, classpath,
                settings, out.resolve("mistakes-run"), q -> true, false));
        int caught = 0;
        for (TestResult t : wrong) {
            if (t.maxScore == 0) {
                continue;
            }
            if (t.score > 0) {
                problems.add(t.name + " passes with its planted mistake, so it does not check the answer");
            } else {
                caught++;
                System.out.printf("  planted mistake caught: %s: %s%n", t.number, firstLine(t.output));
            }
        }
        System.out.printf("planted mistakes: %d of %d questions caught%n", caught,
                wrong.stream().filter(t -> t.maxScore > 0).count());
        return problems;
    }

    /** Each broken copy loses its own questions (the ones the damage reaches) and the intact copy loses none. */
    private static List<String> checkBroken(Path victim, Course course, List<Path> classpath, Path out)
            throws IOException {
        String key = course.notebookKey();
        List<String> problems = new ArrayList<>();
        Path defs = out.resolve("defs");
        Path subs = out.resolve("submitted");
        Files.createDirectories(defs);
        Files.createDirectories(subs);
        Files.copy(victim, defs.resolve(victim.getFileName()));
        Files.copy(victim, subs.resolve(victim.getFileName()));
        String first = writeBroken(victim, key, defs, subs);
        NotebookRunner.Settings settings = new NotebookRunner.Settings(course, 30, false);
        List<TestResult> results = NotebookGrader.grade(new NotebookGrader.Request(subs, defs, key, classpath, settings,
                out.resolve("run"), q -> true, false));
        for (TestResult t : results) {
            if (t.maxScore == 0) {
                continue; // free answers: graded by hand whatever happens
            }
            String notebook = String.valueOf(t.extraData.get("notebook"));
            boolean hit = notebook.startsWith(BROKEN + "json") || (notebook.startsWith(BROKEN + "missing")
                    && first.equals(t.number)) || notebook.startsWith(BROKEN + "loop");
            if (!notebook.startsWith(BROKEN) || !hit) {
                if (t.score < t.maxScore) {
                    problems.add(t.name + " lost points although its notebook is intact: " + t.output);
                }
            } else if (t.score > 0) {
                problems.add(t.name + " earned points although its notebook is broken");
            } else if (!brokenMessageFits(notebook, t.output)) {
                problems.add(t.name + ": the message does not say what broke: " + t.output);
            } else {
                System.out.printf("  broken notebook: %s: %s%n", t.name, firstLine(t.output));
            }
        }
        return problems;
    }

    /** The solution region of an answer replaced by the planted mistake (the whole cell when it has none). */
    static String plant(String source, String wrong) {
        Matcher m = CODE_REGION.matcher(source);
        if (!m.find()) {
            return wrong;
        }
        String w = wrong.endsWith("\n") ? wrong : wrong + "\n";
        return source.substring(0, m.start()) + w + source.substring(m.end());
    }

    /** Three broken copies of {@code victim}: unreadable, without its first answer cell, and never ending. */
    private static String writeBroken(Path victim, String key, Path defs, Path subs) throws IOException {
        String name = victim.getFileName().toString();
        String text = Files.readString(victim, StandardCharsets.UTF_8);
        for (String kind : List.of("json", "missing", "loop")) {
            String broken = BROKEN + kind + "-" + name;
            Files.writeString(defs.resolve(broken), text, StandardCharsets.UTF_8);
            Notebook nb = Notebook.read(victim, key);
            switch (kind) {
                case "json" -> Files.writeString(subs.resolve(broken), text.substring(0, text.length() / 2),
                        StandardCharsets.UTF_8);
                case "missing", "loop" -> {
                    JsonArray cells = new JsonArray();
                    boolean done = false;
                    for (JsonElement e : nb.cellArray()) {
                        JsonObject cell = e.getAsJsonObject();
                        JsonObject m = nb.meta(cell);
                        boolean answer = !done && m != null && m.has("question") && Notebook.isCode(cell)
                                && !"free".equals(Notebook.string(m, "kind"));
                        if (answer && kind.equals("missing")) {
                            done = true;
                            continue;
                        }
                        if (answer) {
                            Notebook.setSource(cell, "while (true) { Thread.onSpinWait(); }\n"
                                    + Notebook.source(cell));
                            done = true;
                        }
                        cells.add(cell);
                    }
                    nb.setCells(cells);
                    nb.write(subs.resolve(broken));
                }
                default -> throw new IllegalStateException(kind);
            }
        }
        return Question.of(name, Notebook.read(victim, key)).stream().filter(q -> !q.manual()).map(Question::id)
                .findFirst().orElse("");
    }

    private static boolean brokenMessageFits(String notebook, String output) {
        if (notebook.startsWith(BROKEN + "json")) {
            return output.contains("not a readable notebook");
        }
        if (notebook.startsWith(BROKEN + "missing")) {
            return output.contains("is missing from") || output.contains("raised");
        }
        return output.contains("timed out") || output.contains("raised") || output.contains("stopped");
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }
}
