package grader.authoring.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generates the student's skeleton from the reference solution. In every {@code .java} file, each region
 *
 * <pre>
 *     // BEGIN SOLUTION Problem 1.1 (Tensor.pow)
 *     ...the solution...
 *     // END SOLUTION
 * </pre>
 *
 * becomes a TODO that throws {@code UnsupportedOperationException("not implemented yet: Problem 1.1 (Tensor.pow)")}.
 * Everything else, other files included, is copied unchanged, so the skeleton keeps the reference's packages,
 * classes and public API; the one exception is a single-type import that only the removed solutions used, which is
 * dropped, since it would hint at the solution (see {@link #dropUnusedImports}). A region must end its enclosing
 * block (usually a method body), since the code after a {@code throw} would be unreachable; the label after
 * BEGIN SOLUTION is required and is what the student greps for.
 *
 * <p>{@code grader/kit generate} writes the skeleton; {@code generate --check} fails when it differs from a fresh
 * generation.
 */
public final class SkeletonGenerator {
    private static final Pattern BEGIN = Pattern.compile("^(\\s*)// BEGIN SOLUTION\\b(.*)$");
    private static final Pattern END = Pattern.compile("^\\s*// END SOLUTION\\b.*$");
    /** {@code import a.b.C;} or {@code import static a.b.C.m;}, group 1 the simple name; a wildcard never matches. */
    private static final Pattern SINGLE_IMPORT =
            Pattern.compile("^\\s*import\\s+(?:static\\s+)?(?:[\\w$]+\\s*\\.\\s*)*([\\w$]+)\\s*;\\s*$");
    /** A line that may come before the type declaration: blank, package, import or comment. */
    private static final Pattern HEADER = Pattern.compile("^\\s*(?:$|import\\s|package\\s|//|/\\*|\\*)");

    private SkeletonGenerator() {
    }

    /** Every file below {@code reference}, by relative path ('/'-separated), as the skeleton should hold it. */
    public static Map<String, String> generate(Path reference) {
        Map<String, String> out = new TreeMap<>();
        readTree(reference).forEach((rel, text) -> out.put(rel, rel.endsWith(".java") ? strip(rel, text) : text));
        return out;
    }

    /** Every file below {@code root}, by relative path ('/'-separated), as it is on disk. */
    static Map<String, String> readTree(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is not a folder");
        }
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Replaces each solution region of one Java source with its TODO, then drops the imports only they used. */
    public static String strip(String fileName, String source) {
        return strip(fileName, source, label -> false);
    }

    /**
     * Like {@link #strip(String, String)}, but the regions whose label {@code keep} accepts stay solved (their code
     * without the markers): the skeleton as it is once a student has done those TODOs.
     */
    public static String strip(String fileName, String source, Predicate<String> keep) {
        StringBuilder out = new StringBuilder();
        String[] lines = source.split("\n", -1);
        int openedAt = -1;
        boolean keeping = false;
        boolean replaced = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            // A file with Windows line endings: match the markers without the \r, and keep it on the TODO lines.
            String cr = line.endsWith("\r") ? "\r" : "";
            String bare = line.substring(0, line.length() - cr.length());
            Matcher begin = BEGIN.matcher(bare);
            boolean end = END.matcher(bare).matches();
            if (openedAt >= 0) {
                if (begin.matches()) {
                    throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": BEGIN SOLUTION inside the region"
                            + " opened at line " + (openedAt + 1));
                }
                if (end) {
                    openedAt = -1;
                } else if (keeping) {
                    out.append(line).append('\n');
                }
                continue;
            }
            if (end) {
                throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": END SOLUTION without BEGIN SOLUTION");
            }
            if (begin.matches()) {
                String indent = begin.group(1);
                String label = begin.group(2).strip();
                if (label.isEmpty()) {
                    throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": BEGIN SOLUTION needs a label"
                            + " saying what the student writes, e.g. // BEGIN SOLUTION Problem 1.1 (Tensor.pow)");
                }
                openedAt = i;
                keeping = keep.test(label);
                if (keeping) {
                    continue;
                }
                out.append(indent).append("// TODO ").append(label).append(": your code here.").append(cr).append('\n');
                out.append(indent).append("throw new UnsupportedOperationException(\"not implemented yet: ")
                        .append(label.replace("\\", "\\\\").replace("\"", "\\\"")).append("\");").append(cr);
                replaced = true;
                if (i < lines.length - 1) {
                    out.append('\n');
                }
                continue;
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        if (openedAt >= 0) {
            throw new IllegalArgumentException(fileName + ":" + (openedAt + 1) + ": BEGIN SOLUTION is never closed"
                    + " by END SOLUTION");
        }
        return replaced ? dropUnusedImports(out.toString()) : out.toString();
    }

    /**
     * Drops each single-type import of the file's header whose simple name no longer occurs as a whole word
     * anywhere outside the import lines (code, comments and Javadoc alike: {@code {@link C}} needs its import).
     * Wildcard imports stay. Where a dropped import leaves two blank lines in a row (a whole group gone), one goes
     * too. A file that loses nothing comes back unchanged.
     */
    static String dropUnusedImports(String source) {
        String[] lines = source.split("\n", -1);
        int header = 0;
        while (header < lines.length && HEADER.matcher(lines[header]).find()) {
            header++;
        }
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i >= header || !SINGLE_IMPORT.matcher(lines[i]).matches()) {
                rest.append(lines[i]).append('\n');
            }
        }
        List<String> kept = new ArrayList<>();
        boolean dropped = false;
        boolean droppedSinceKept = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher single = SINGLE_IMPORT.matcher(lines[i]);
            if (i < header && single.matches() && !occursAsWord(single.group(1), rest)) {
                dropped = true;
                droppedSinceKept = true;
                continue;
            }
            if (lines[i].isBlank() && droppedSinceKept && !kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
                continue;
            }
            kept.add(lines[i]);
            droppedSinceKept = false;
        }
        return dropped ? String.join("\n", kept) : source;
    }

    private static boolean occursAsWord(String name, CharSequence text) {
        return Pattern.compile("(?<!\\p{javaJavaIdentifierPart})" + Pattern.quote(name)
                + "(?!\\p{javaJavaIdentifierPart})").matcher(text).find();
    }

    /** What differs between a generation and the skeleton on disk; empty when they match. */
    public static List<String> compare(Map<String, String> generated, Path skeleton) {
        return GeneratedFiles.drift(generated, Files.isDirectory(skeleton) ? readTree(skeleton) : Map.of(),
                "not in the reference");
    }

    /** Writes a generation over {@code skeleton}, deleting the files the reference no longer has. */
    public static void write(Map<String, String> generated, Path skeleton) {
        GeneratedFiles.writeOver(generated, skeleton, Files.isDirectory(skeleton) ? readTree(skeleton) : Map.of());
    }
}
