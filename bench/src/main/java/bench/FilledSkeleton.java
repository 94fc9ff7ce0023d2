package bench;

import hw.cli.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The student's skeleton with the reference's answers written into its TODOs, compiled: what a student who wrote
 * the model answers would run. {@code bench --target filled-skeleton} times it, which shows that the speed comes
 * from the provided code every student gets, not from a path only the reference has. Each
 * {@code // TODO Problem X.Y (Label): your code here.} and the line after it (the stub's {@code throw}) become the
 * reference's region of the same label; the file's imports become the reference's (the generator drops those only
 * the answers use). Only the sources change: the skeleton's provided code is compiled as it is.
 */
final class FilledSkeleton {
    private static final Pattern BEGIN = Pattern.compile("^\\s*// BEGIN SOLUTION (Problem \\S+ \\([^)]*\\))\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// END SOLUTION\\s*$");
    private static final Pattern TODO = Pattern.compile("^\\s*// TODO (Problem \\S+ \\([^)]*\\)): your code here\\.\\s*$");

    private FilledSkeleton() {
    }

    /**
     * Fills {@code skeleton}/src/main/java with the answers of {@code reference}/src/main/java into
     * {@code out}/src, compiles it into {@code out}/classes (with the skeleton's resources) and returns that.
     */
    static Path build(Path skeleton, Path reference, Path out) {
        Path skeletonSources = skeleton.resolve("src/main/java"), referenceSources = reference.resolve("src/main/java");
        if (!Files.isDirectory(skeletonSources) || !Files.isDirectory(referenceSources)) {
            throw new UsageException("--target filled-skeleton: run from the repository's root (no "
                    + skeletonSources + " or " + referenceSources + " here)");
        }
        try {
            Map<String, String> answers = answers(referenceSources);
            Path sources = out.resolve("src"), classes = out.resolve("classes");
            deleteTree(out);
            List<String> files = new ArrayList<>();
            int filled = 0;
            try (Stream<Path> walk = Files.walk(skeletonSources)) {
                for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Path relative = skeletonSources.relativize(file);
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    String[] result = fill(text, answers);
                    filled += Integer.parseInt(result[1]);
                    Path referenceFile = referenceSources.resolve(relative);
                    String filledText = Files.exists(referenceFile) && !result[1].equals("0")
                            ? withImportsOf(result[0], Files.readString(referenceFile, StandardCharsets.UTF_8))
                            : result[0];
                    Path target = sources.resolve(relative);
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, filledText, StandardCharsets.UTF_8);
                    files.add(target.toString());
                }
            }
            if (filled != answers.size()) {
                throw new IllegalStateException("filled-skeleton: filled " + filled + " TODOs, but the reference has "
                        + answers.size() + " answers; is the skeleton generated from this reference?");
            }
            Files.createDirectories(classes);
            compile(files, classes);
            Path resources = skeleton.resolve("src/main/resources");
            if (Files.isDirectory(resources)) {
                copyTree(resources, classes);
            }
            return classes.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("filled-skeleton: " + e.getMessage(), e);
        }
    }

    /** The body of every solution region by its label ("Problem 6.1 (Adam.step)"). */
    static Map<String, String> answers(Path referenceSources) throws IOException {
        Map<String, String> answers = new HashMap<>();
        try (Stream<Path> walk = Files.walk(referenceSources)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                String label = null;
                StringBuilder body = new StringBuilder();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher begin = BEGIN.matcher(line);
                    if (label == null && begin.matches()) {
                        label = begin.group(1);
                        body.setLength(0);
                    } else if (label != null && END.matcher(line).matches()) {
                        if (answers.put(label, body.toString()) != null) {
                            throw new IllegalStateException("two solution regions are labelled " + label);
                        }
                        label = null;
                    } else if (label != null) {
                        body.append(line).append('\n');
                    }
                }
            }
        }
        return answers;
    }

    /** {@code text} with each TODO and its stub line replaced by the answer; [new text, number filled]. */
    static String[] fill(String text, Map<String, String> answers) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int filled = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher todo = TODO.matcher(lines[i]);
            if (todo.matches()) {
                String answer = answers.get(todo.group(1));
                if (answer == null) {
                    throw new IllegalStateException("the reference has no answer labelled " + todo.group(1));
                }
                out.append(answer);
                filled++;
                i++; // the stub's throw
                continue;
            }
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return new String[] {out.toString(), String.valueOf(filled)};
    }

    /** {@code text} with its import lines replaced by those of {@code reference}. */
    static String withImportsOf(String text, String reference) {
        List<String> imports = reference.lines().filter(l -> l.startsWith("import ")).toList();
        StringBuilder out = new StringBuilder();
        boolean placed = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("import ")) {
                if (!placed) {
                    imports.forEach(l -> out.append(l).append('\n'));
                    placed = true;
                }
                continue;
            }
            out.append(line).append('\n');
            if (!placed && line.startsWith("package ")) {
                out.append('\n');
                imports.forEach(l -> out.append(l).append('\n'));
                placed = true;
            }
        }
        return out.toString();
    }

    private static void compile(List<String> files, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("filled-skeleton: this Java has no compiler (a JDK is needed)");
        }
        String classPath = ThisJvm.classPath(System.getProperty("java.class.path"), classes.toAbsolutePath());
        List<String> args = new ArrayList<>(List.of("-nowarn", "-encoding", "UTF-8", "-d", classes.toString(), "-cp",
                classPath, "-proc:none"));
        args.addAll(files);
        int status = javac.run(null, null, System.err, args.toArray(new String[0]));
        if (status != 0) {
            throw new IllegalStateException("filled-skeleton: the filled sources do not compile (javac said why,"
                    + " above)");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
