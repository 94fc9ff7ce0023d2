package grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grader.io.FileOps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generates the student's notebooks from the instructor's (nbgrader's way, and the skeleton's): in each
 * {@code SOURCE_DIR/*.ipynb}
 *
 * <ul>
 *   <li>a code region {@code // BEGIN SOLUTION} … {@code // END SOLUTION} becomes a line that throws
 *       "not implemented yet: Question N.x" (the region must end its block, as in the skeleton);</li>
 *   <li>a Markdown region {@code <!-- BEGIN SOLUTION -->} … {@code <!-- END SOLUTION -->} becomes
 *       "_Your answer here._";</li>
 *   <li>hidden check cells are removed, and so are planted mistakes ("wrong" in a cell's metadata);</li>
 *   <li>every output and execution count is stripped;</li>
 *   <li>the set-up cell puts the student's own classes on the class path instead of the reference's.</li>
 * </ul>
 *
 * <pre>
 * StudentNotebooks SOURCE_DIR STUDENT_DIR           write the student notebooks
 * StudentNotebooks --check SOURCE_DIR STUDENT_DIR   exit 1 when they differ from a fresh generation
 * </pre>
 */
public final class StudentNotebooks {
    /** The set-up cell of a student notebook: its own classes (see {@link KernelFiles}), relative to notebooks/. */
    public static final String STUDENT_SETUP = "%jars ../tests/target/notebooks/skeleton.jar";
    /** The set-up cell of an instructor's notebook, relative to notebooks/source/. */
    public static final String SOURCE_SETUP = "%jars ../../tests/target/notebooks/reference.jar";
    public static final String FREE_PLACEHOLDER = "_Your answer here._";

    private static final Pattern CODE_REGION = Pattern.compile(
            "(?m)^([ \\t]*)// BEGIN SOLUTION[^\\n]*\\n(?:.*\\n)*?[ \\t]*// END SOLUTION[^\\n]*(\\n|$)");
    private static final Pattern MARKDOWN_REGION = Pattern.compile(
            "<!-- BEGIN SOLUTION -->(?s:.*?)<!-- END SOLUTION -->");

    private StudentNotebooks() {
    }

    public static void main(String[] args) {
        boolean check = args.length > 0 && args[0].equals("--check");
        int first = check ? 1 : 0;
        if (args.length - first != 2) {
            System.err.println("usage: StudentNotebooks [--check] SOURCE_DIR STUDENT_DIR");
            System.exit(2);
        }
        Path sources = Paths.get(args[first]);
        Path students = Paths.get(args[first + 1]);
        try {
            Map<String, String> generated = generate(sources);
            if (check) {
                List<String> drift = compare(generated, students);
                if (!drift.isEmpty()) {
                    System.err.println("the student notebooks are out of date with " + sources + ":");
                    drift.forEach(d -> System.err.println("  " + d));
                    System.err.println("regenerate them (mvn -q -B -pl grader -Pskeleton process-classes) and"
                            + " commit the result; never edit notebooks/*.ipynb by hand.");
                    System.exit(1);
                }
                System.out.println("student notebooks are up to date: " + generated.size() + " match " + sources);
            } else {
                write(generated, students);
                System.out.println("wrote " + generated.size() + " student notebooks to " + students);
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("notebooks: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Every source notebook's student version, by file name. */
    public static Map<String, String> generate(Path sources) {
        Map<String, String> out = new TreeMap<>();
        for (Path f : list(sources)) {
            out.put(f.getFileName().toString(), studentCopy(Notebook.read(f)).toJson());
        }
        return out;
    }

    /** The .ipynb files directly in {@code dir}, sorted by name. */
    public static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Notebook studentCopy(Notebook source) {
        Notebook nb = source.copy();
        JsonArray kept = new JsonArray();
        for (JsonObject cell : nb.cells()) {
            JsonObject meta = Notebook.meta(cell);
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
        nb.json.add("cells", kept);
        return nb;
    }

    static String stripCode(String text, String label) {
        Matcher m = CODE_REGION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String line = m.group(1) + "throw new UnsupportedOperationException(\"not implemented yet: " + label
                    + "\"); // TODO " + label + m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(line));
        }
        m.appendTail(out);
        if (out.indexOf("BEGIN SOLUTION") >= 0 || out.indexOf("END SOLUTION") >= 0) {
            throw new IllegalArgumentException("an unmatched BEGIN/END SOLUTION marker in a cell of " + label
                    + ": " + text.strip().lines().findFirst().orElse(""));
        }
        return out.toString();
    }

    static String stripMarkdown(String text) {
        String out = MARKDOWN_REGION.matcher(text).replaceAll(Matcher.quoteReplacement(FREE_PLACEHOLDER));
        if (out.contains("BEGIN SOLUTION") || out.contains("END SOLUTION")) {
            throw new IllegalArgumentException("an unmatched BEGIN/END SOLUTION marker in a Markdown cell: "
                    + text.strip().lines().findFirst().orElse(""));
        }
        return out;
    }

    static List<String> compare(Map<String, String> generated, Path students) {
        List<String> drift = new ArrayList<>();
        Map<String, Path> present = new TreeMap<>();
        list(students).forEach(p -> present.put(p.getFileName().toString(), p));
        generated.forEach((name, text) -> {
            Path p = present.remove(name);
            if (p == null) {
                drift.add("missing: " + name);
            } else {
                try {
                    if (!Files.readString(p, StandardCharsets.UTF_8).equals(text)) {
                        drift.add("differs: " + name);
                    }
                } catch (IOException e) {
                    drift.add("unreadable: " + name);
                }
            }
        });
        present.keySet().forEach(name -> drift.add("not generated from any source notebook: " + name));
        return drift;
    }

    static void write(Map<String, String> generated, Path students) {
        for (Path stale : list(students)) {
            if (!generated.containsKey(stale.getFileName().toString())) {
                try {
                    Files.delete(stale);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        generated.forEach((name, text) -> FileOps.writeAtomically(students.resolve(name), text));
    }
}
