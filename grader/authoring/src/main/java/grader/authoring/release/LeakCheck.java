package grader.authoring.release;

import grader.course.Layout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds what of the instructor's code reached a student release. Protected code is every solution region of
 * {@code reference/src/main}, the hidden suite, every reference-only file (the rest of {@code reference/}, such as
 * its unit tests) and the catalogue of mistakes (whose edits quote the solution). The instructor's notebooks
 * ({@code notebooks/source/}) are left to {@link grader.authoring.release.NotebookLeaks}: the student notebooks are made
 * from them and share their provided cells, so only their answers and hidden checks are secret. Lines are
 * compared after stripping comment markers, so a solution line turned into a comment is still found. A release file leaks when it holds
 * <ul>
 * <li>a <em>distinctive</em> protected line — at least {@value #DISTINCTIVE} characters and {@value #TOKENS}
 * tokens of code, and not an idiom
 * (a line whose {@link #shape} two or more files use outside solutions: the reference's provided code, the
 * public tests, the grader) — that its provenance does not explain: the release
 * file generated from reference file F may hold a line of F's own solution as often as F's provided code does
 * (GPT.java's loop over its blocks, say), and nothing else may hold it at all;</li>
 * <li>or a stretch of {@value #STRETCH} consecutive protected lines (each of {@value #STRETCH_LINE} characters or
 * more) that its provenance does not explain, which catches a leak made of short lines;</li>
 * <li>or the name of a hidden test.</li>
 * </ul>
 * Nothing here names a file of this homework: the rule follows from where each line comes from.
 */
final class LeakCheck {
    static final int DISTINCTIVE = 30;
    static final int TOKENS = 10;
    static final int STRETCH = 3;
    static final int STRETCH_LINE = 12;

    /** A protected line's origin: a reference file's solution ("reference/src/main/java/hw/optim/Adam.java"), or a protected file. */
    private final Map<String, Set<String>> origins = new HashMap<>();
    /** Per release path: how many times each line may appear there (its reference file's provided code). */
    private final Map<String, Map<String, Integer>> allowed = new HashMap<>();
    private final Set<String> idioms = new HashSet<>();
    private final Set<String> hiddenNames = new HashSet<>();
    /** Lines of protected files (not of solutions) that the public parts of the homework hold too. */
    private final Set<String> publicLines = new HashSet<>();
    private final Set<String> solutionLines = new HashSet<>();
    private final Set<String> protectedNames = new HashSet<>();
    /** Release path of a generated file → the reference file it comes from. */
    private final Map<String, String> origin = new HashMap<>();
    /** Protected stretches → the files they come from. */
    private final Map<String, Set<String>> stretches = new HashMap<>();

    LeakCheck(Layout layout) throws IOException {
        Path root = layout.root();
        Path main = layout.reference().resolve("src/main");
        Map<String, Integer> filesUsing = new HashMap<>();
        for (Path f : files(layout.reference())) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            String text = read(f);
            if (f.startsWith(main)) {
                String released = "skeleton/" + layout.reference().relativize(f).toString().replace('\\', '/');
                Map<String, Integer> provided = new HashMap<>();
                List<String> solution = new ArrayList<>();
                boolean inside = false;
                for (String raw : text.lines().toList()) {
                    String s = raw.strip();
                    if (s.startsWith("// BEGIN SOLUTION")) {
                        inside = true;
                        solution.add("");
                        continue;
                    }
                    if (s.startsWith("// END SOLUTION")) {
                        inside = false;
                        solution.add("");
                        continue;
                    }
                    String line = normalize(raw);
                    if (inside) {
                        solution.add(line);
                        solutionLines.add(line);
                        origins.computeIfAbsent(line, k -> new HashSet<>()).add(rel);
                    } else if (!line.isEmpty() && !isComment(s)) {
                        provided.merge(line, 1, Integer::sum); // live provided code, not a comment
                    }
                }
                provided.keySet().stream().map(LeakCheck::shape).distinct()
                        .forEach(l -> filesUsing.merge(l, 1, Integer::sum));
                allowed.put(released, provided);
                origin.put(released, rel);
                addStretches(rel, solution);
            } else {
                addProtected(rel, text);
            }
        }
        for (Path f : files(layout.hiddenTests())) {
            hiddenNames.add(f.getFileName().toString().replaceAll("\\.java$", ""));
            addProtected(root.relativize(f).toString(), read(f));
        }
        for (Path f : files(layout.mistakes())) {
            addProtected(root.relativize(f).toString(), read(f));
        }
        // What the release holds by design (the parts a student copy is made of; never the instructor's notebooks,
        // whose answers must not vouch for a line); a file named like a protected one does not vouch for its lines.
        List<Path> releasedFiles = new ArrayList<>(grader.notebook.Notebook.list(layout.notebooks()));
        releasedFiles.add(root.resolve("pom.xml"));
        for (String part : StudentCopy.PARTS) {
            Path p = root.resolve(part);
            releasedFiles.addAll(Files.isRegularFile(p) ? List.of(p) : files(p));
        }
        for (Path f : releasedFiles) {
            if (!protectedNames.contains(f.getFileName().toString())) {
                List<String> lines = read(f).lines().map(LeakCheck::normalize).toList();
                publicLines.addAll(lines);
                if (!root.relativize(f).startsWith("skeleton")) { // its provided code was counted from the reference
                    lines.stream().map(LeakCheck::shape).distinct().forEach(l -> filesUsing.merge(l, 1, Integer::sum));
                }
            }
        }
        filesUsing.forEach((line, n) -> {
            if (n >= 2) {
                idioms.add(line);
            }
        });
    }

    private static boolean isComment(String stripped) {
        return stripped.startsWith("//") || stripped.startsWith("*") || stripped.startsWith("/*");
    }

    private void addStretches(String rel, List<String> lines) {
        for (int i = 0; i + STRETCH <= lines.size(); i++) {
            List<String> window = lines.subList(i, i + STRETCH);
            if (window.stream().allMatch(l -> l.length() >= STRETCH_LINE)) {
                stretches.computeIfAbsent(String.join("\n", window), k -> new HashSet<>()).add(rel);
            }
        }
    }

    private void addProtected(String rel, String text) {
        if (rel.endsWith(".java") || rel.endsWith(".ipynb")) {
            protectedNames.add(rel.substring(rel.lastIndexOf('/') + 1));
        }
        List<String> lines = text.lines().map(LeakCheck::normalize).toList();
        lines.forEach(l -> origins.computeIfAbsent(l, k -> new HashSet<>()).add(rel));
        addStretches(rel, lines);
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|\\b\\d[\\w.]*|\\b[A-Za-z_$][\\w$]*");
    private static final Set<String> KEYWORDS = Set.of("for", "if", "else", "while", "do", "return", "new", "int",
            "long", "double", "float", "boolean", "char", "byte", "short", "void", "final", "var", "try", "catch",
            "throw", "this", "super", "null", "true", "false", "instanceof", "switch", "case", "break", "continue",
            "static", "public", "private", "protected", "class", "import", "package");

    /**
     * A line's shape: names and literals replaced by one placeholder, keywords kept. "for (int t = 0; t < time;
     * t++) {" and "for (int b = 0; b < batch; b++) {" share a shape; an idiom is a shape two or more files use
     * outside solutions.
     */
    static String shape(String line) {
        java.util.regex.Matcher m = WORD.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, KEYWORDS.contains(m.group()) ? m.group() : "x");
        }
        return m.appendTail(out).toString();
    }

    /** At least {@value #DISTINCTIVE} characters and {@value #TOKENS} tokens of code, and not an idiom. */
    private boolean isDistinctive(String line) {
        return line.length() >= DISTINCTIVE && TOKEN.matcher(line).results().count() >= TOKENS
                && !idioms.contains(shape(line));
    }

    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|[\\w$.]+|[^\\s\\w]");

    /** A line as code: comment markers and surrounding space removed, inner space collapsed. */
    static String normalize(String raw) {
        String s = raw.strip();
        s = s.replaceFirst("^(/\\*\\*?|\\*/|\\*|//+|#)\\s*", "");
        s = s.replaceFirst("\\s*\\*/$", "");
        return s.replaceAll("\\s+", " ").strip();
    }

    /** The leaks in the release at {@code dest}, each naming the file and line. */
    List<String> leaks(Path dest) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : files(dest)) {
            String rel = dest.relativize(f).toString().replace('\\', '/');
            String name = f.getFileName().toString();
            if (hiddenNames.contains(name.replaceAll("\\.(java|class)$", ""))) {
                found.add("a hidden test is in the release: " + rel);
            }
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException e) {
                continue; // not text
            }
            if (text.lines().anyMatch(l -> l.strip().startsWith("// BEGIN SOLUTION"))) {
                found.add("a solution marker is in the release: " + rel);
            }
            Map<String, Integer> mayHold = allowed.getOrDefault(rel, Map.of());
            String from = origin.get(rel);
            Map<String, Integer> seen = new LinkedHashMap<>();
            List<String> rawLines = text.lines().toList();
            List<String> lines = rawLines.stream().map(LeakCheck::normalize).toList();
            String leak = null;
            for (int i = 0; i < lines.size() && leak == null; i++) {
                String line = lines.get(i);
                if (!origins.containsKey(line) || (!solutionLines.contains(line) && publicLines.contains(line))) {
                    continue;
                }
                int times = seen.merge(line, 1, Integer::sum);
                // Live provided code of the file's own reference counterpart explains a line, as often as it has it.
                boolean explained = times <= mayHold.getOrDefault(line, 0) && !isComment(rawLines.get(i).strip());
                String window = i + STRETCH <= lines.size() ? String.join("\n", lines.subList(i, i + STRETCH)) : null;
                Set<String> stretchFrom = window == null ? Set.of() : stretches.getOrDefault(window, Set.of());
                if (!explained && isDistinctive(line)) {
                    leak = rel + ":" + (i + 1) + ": " + line + "  (from " + String.join(", ", origins.get(line)) + ")";
                } else if (!stretchFrom.isEmpty() && !stretchFrom.contains(from)
                        && lines.subList(i, i + STRETCH).stream().anyMatch(l -> solutionLines.contains(l)
                                || !publicLines.contains(l))) {
                    // Several protected lines together, from another file: a copy, even as live code.
                    leak = rel + ":" + (i + 1) + ": " + STRETCH + " lines from " + String.join(", ", origins.get(line))
                            + ", starting " + line;
                }
            }
            for (int i = 0; i < rawLines.size() && leak == null; i++) {
                leak = solutionInComment(rel, i + 1, rawLines.get(i));
            }
            if (leak != null) {
                found.add("protected code is in the release: " + leak);
            }
        }
        return found;
    }

    /**
     * A distinctive solution line anywhere inside the comment on this line, after other words or not
     * ({@code * find: double step = …} in a doc comment), as "file:line: …"; else null.
     */
    private String solutionInComment(String rel, int number, String raw) {
        String comment = commentOf(raw);
        if (comment == null) {
            return null;
        }
        String text = normalize(comment);
        for (String line : distinctiveSolutionLines()) {
            if (text.contains(line)) {
                return rel + ":" + number + ": " + line + "  (in a comment; from " + String.join(", ",
                        origins.get(line)) + ")";
            }
        }
        return null;
    }

    /** The comment part of a line (a whole comment line, or what follows {@code //} or {@code /*}), or null. */
    static String commentOf(String raw) {
        String s = raw.strip();
        if (isComment(s) || s.startsWith("#") || s.startsWith("<!--")) {
            return s;
        }
        java.util.regex.Matcher m = COMMENT_START.matcher(s);
        return m.find() ? s.substring(m.start()) : null;
    }

    /** {@code //} not part of a URL ("https://"), or {@code /*}. */
    private static final java.util.regex.Pattern COMMENT_START = java.util.regex.Pattern.compile("(?<!:)//|/\\*");

    private List<String> distinctive;

    private List<String> distinctiveSolutionLines() {
        if (distinctive == null) {
            distinctive = solutionLines.stream().filter(this::isDistinctive).sorted().toList();
        }
        return distinctive;
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/target/")
                    && !p.toString().contains(".ipynb_checkpoints")).sorted().toList();
        }
    }

    private static String read(Path f) throws IOException {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            return "";
        }
    }
}
