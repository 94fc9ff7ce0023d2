package grader.authoring.generate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grader.notebook.Notebook;
import grader.notebook.Question;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the student's notebooks from the instructor's (nbgrader's way, and the skeleton's): in each
 * {@code SOURCE_DIR/*.ipynb}
 *
 * <ul>
 *   <li>a code region {@code // BEGIN SOLUTION} … {@code // END SOLUTION} becomes a line that throws
 *       "not answered yet: Question N.x — fill in method()" (the region must end its block, as in the skeleton),
 *       which the notebook's check prints as its one line;</li>
 *   <li>a Markdown region {@code <!-- BEGIN SOLUTION -->} … {@code <!-- END SOLUTION -->} becomes
 *       "_Your answer here._";</li>
 *   <li>hidden check cells are removed, and so are planted mistakes ("wrong" in a cell's metadata);</li>
 *   <li>every output and execution count is stripped; cell ids are kept, so that a notebook Jupyter saves again
 *       differs only where the student wrote;</li>
 *   <li>the set-up cell puts the student's own classes on the class path instead of the reference's.</li>
 * </ul>
 *
 * <p>{@code grader/kit generate} writes them beside the skeleton; {@code generate --check} fails when they differ
 * from a fresh generation.
 */
public final class StudentNotebooks {
    /** The set-up cell of a student notebook: its own classes (see {@link grader.notebook.KernelFiles}), relative to notebooks/. */
    public static final String STUDENT_SETUP = "%jars ../tests/target/notebooks/skeleton.jar";

    private static final Pattern CODE_REGION = Pattern.compile(
            "(?m)^([ \\t]*)// BEGIN SOLUTION[^\\n]*\\n(?:.*\\n)*?[ \\t]*// END SOLUTION[^\\n]*(\\n|$)");
    /** How a stripped answer's exception begins; the notebook's check reports it as "not answered yet". */
    public static final String NOT_ANSWERED = "not answered yet: ";
    private static final Pattern METHOD = Pattern.compile(
            "(?m)^[ \\t]*[\\w<>\\[\\], .?]+?\\s(\\w+)\\s*\\([^)]*\\)\\s*\\{[ \\t]*$");
    private static final Pattern MARKDOWN_REGION = Pattern.compile(
            "<!-- BEGIN SOLUTION -->(?s:.*?)<!-- END SOLUTION -->");

    private StudentNotebooks() {
    }

    /** Every source notebook's student version, by file name; {@code key} is the grader's metadata key. */
    public static Map<String, String> generate(Path sources, String key) {
        Map<String, String> out = new TreeMap<>();
        for (Path f : Notebook.list(sources)) {
            out.put(f.getFileName().toString(), studentCopy(Notebook.read(f, key)).toJson());
        }
        return out;
    }

    public static Notebook studentCopy(Notebook source) {
        Notebook nb = source.copy();
        JsonArray kept = new JsonArray();
        for (JsonObject cell : nb.cells()) {
            JsonObject meta = nb.meta(cell);
            if (meta != null && meta.has("check") && meta.has("hidden") && meta.get("hidden").getAsBoolean()) {
                continue;
            }
            if (meta != null) {
                meta.remove("wrong");
            }
            if (meta != null && meta.has("setup")) {
                Notebook.setSource(cell, STUDENT_SETUP);
            }
            String question = Notebook.string(meta, "question");
            String label = "Question " + (question == null ? "?" : question);
            String text = Notebook.source(cell);
            Notebook.setSource(cell, Notebook.isCode(cell) ? stripCode(text, label) : stripMarkdown(text));
            if (Notebook.isCode(cell)) {
                cell.add("outputs", new JsonArray());
                cell.add("execution_count", null);
            } else {
                cell.remove("outputs");
                cell.remove("attachments");
            }
            kept.add(cell);
        }
        nb.setCells(kept);
        return nb;
    }

    static String stripCode(String text, String label) {
        Matcher m = CODE_REGION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String method = enclosingMethod(text.substring(0, m.start()));
            String line = m.group(1) + "throw new UnsupportedOperationException(\"" + NOT_ANSWERED + label
                    + (method == null ? "" : " — fill in " + method + "()") + "\"); // TODO " + label + m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(line));
        }
        m.appendTail(out);
        if (out.indexOf("BEGIN SOLUTION") >= 0 || out.indexOf("END SOLUTION") >= 0) {
            throw new IllegalArgumentException("an unmatched BEGIN/END SOLUTION marker in a cell of " + label
                    + ": " + text.strip().lines().findFirst().orElse(""));
        }
        return out.toString();
    }

    /** The name of the last method declared before a region ({@code Set<String> answer11_1() {}), or null. */
    static String enclosingMethod(String before) {
        Matcher m = METHOD.matcher(before);
        String name = null;
        while (m.find()) {
            name = m.group(1);
        }
        return name;
    }

    static String stripMarkdown(String text) {
        String out = MARKDOWN_REGION.matcher(text).replaceAll(Matcher.quoteReplacement(Question.FREE_PLACEHOLDER));
        if (out.contains("BEGIN SOLUTION") || out.contains("END SOLUTION")) {
            throw new IllegalArgumentException("an unmatched BEGIN/END SOLUTION marker in a Markdown cell: "
                    + text.strip().lines().findFirst().orElse(""));
        }
        return out;
    }

    /** What differs between a generation and the student notebooks on disk; empty when they match. */
    public static List<String> compare(Map<String, String> generated, Path students) {
        return GeneratedFiles.drift(generated, onDisk(students), "not generated from any source notebook");
    }

    /** Writes a generation over the student notebooks, deleting those no source notebook makes any more. */
    public static void write(Map<String, String> generated, Path students) {
        GeneratedFiles.writeOver(generated, students, onDisk(students));
    }

    private static Map<String, String> onDisk(Path students) {
        Map<String, String> out = new TreeMap<>();
        for (Path p : Notebook.list(students)) {
            try {
                out.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
