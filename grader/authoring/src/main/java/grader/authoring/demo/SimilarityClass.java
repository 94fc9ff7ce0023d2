package grader.authoring.demo;

import grader.course.Layout;
import grader.io.FileOps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small class for the similarity check, on the files of six TODOs (1.3, 1.4, 5.1, 6.4, 6.5, 8.1): the
 * reference's answers (alice), a copy of them with every local variable renamed and every TODO method moved to the
 * end of its class (bob), and three independently written answers (carol, dan, erin). A classroom built from the
 * reference alone cannot test this: all its students share the reference's code.
 */
public final class SimilarityClass {
    public static final String ORIGINAL = "alice";
    public static final String COPY = "bob";

    private static final Pattern DECLARATION = Pattern.compile(
            "\\b(?:int|long|double|boolean|var|[A-Z]\\w*(?:<[^;=()]*>)?)(?:\\[\\])*\\s+([a-z]\\w*)\\s*(?=[=;:])");

    private SimilarityClass() {
    }

    /** Writes the five submissions into {@code dir}, one folder each; returns their names. */
    public static List<String> write(Layout layout, Path dir) throws IOException {
        FileOps.deleteTree(dir);
        ReferenceSources reference = new ReferenceSources(layout);
        Map<String, String> all = reference.copy();
        Set<String> files = new LinkedHashSet<>();
        Map<String, String> labels = IndependentSolutions.of(SyntheticClass.INDEPENDENT.get(0));
        labels.keySet().forEach(label -> files.add(reference.fileOf(label)));
        Map<String, String> original = new TreeMap<>();
        files.forEach(f -> original.put(f, all.get(f)));
        write(dir.resolve(ORIGINAL), original, text -> text);
        write(dir.resolve(COPY), original, SimilarityClass::disguise);
        List<String> names = new ArrayList<>(List.of(ORIGINAL, COPY));
        for (String student : SyntheticClass.INDEPENDENT) {
            Map<String, String> mine = new TreeMap<>(original);
            IndependentSolutions.apply(student, mine, reference);
            write(dir.resolve(student), mine, text -> text);
            names.add(student);
        }
        return names;
    }

    private static void write(Path dir, Map<String, String> files, java.util.function.UnaryOperator<String> change)
            throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, ReferenceSources.withoutMarkers(change.apply(f.getValue())),
                    StandardCharsets.UTF_8);
        }
    }

    /** What a student hiding a copy does: new names for the local variables, the methods in another order. */
    static String disguise(String text) {
        return moveSolvedMethodsLast(renameLocals(text));
    }

    /** Every local variable declared in a solution region gets a new name, wherever it is used in the file. */
    static String renameLocals(String text) {
        Set<String> locals = new LinkedHashSet<>();
        Matcher region = Pattern.compile("(?s)// BEGIN SOLUTION.*?// END SOLUTION").matcher(text);
        while (region.find()) {
            Matcher d = DECLARATION.matcher(region.group());
            while (d.find()) {
                locals.add(d.group(1));
            }
        }
        String out = text;
        for (String name : locals) {
            // Not after a dot and not before a parenthesis: node.inputs() stays, a variable inputs is renamed.
            out = out.replaceAll("(?<![.\\w])" + Pattern.quote(name) + "(?![\\w(])",
                    "my" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
        }
        return out;
    }

    /** The methods holding solution regions, with their comments, move to the end of the class, last first. */
    static String moveSolvedMethodsLast(String text) {
        List<String> moved = new ArrayList<>();
        StringBuilder kept = new StringBuilder();
        int pos = 0;
        for (int region = text.indexOf("// BEGIN SOLUTION"); region >= 0;
                region = text.indexOf("// BEGIN SOLUTION", pos)) {
            int[] body = grader.compile.TodoRegions.bodyAround(text, region);
            int start = methodStart(text, body[0]);
            kept.append(text, pos, start);
            moved.add(0, text.substring(start, body[1] + 1));
            pos = body[1] + 1;
        }
        kept.append(text.substring(pos));
        int classEnd = kept.lastIndexOf("}");
        return kept.substring(0, classEnd).stripTrailing() + "\n\n" + String.join("\n\n", moved) + "\n"
                + kept.substring(classEnd);
    }

    /**
     * Where the method whose body opens at {@code brace} starts: the first line after the statement or block before
     * it, so its doc comment, annotations and a header over several lines come along.
     */
    private static int methodStart(String text, int brace) {
        int lineStart = text.lastIndexOf('\n', brace) + 1;
        while (lineStart > 0) {
            int previous = text.lastIndexOf('\n', lineStart - 2) + 1;
            String line = text.substring(previous, lineStart - 1).strip();
            boolean comment = line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
            if (!comment && (line.endsWith(";") || line.endsWith("{") || line.endsWith("}"))) {
                break;
            }
            lineStart = previous;
        }
        while (text.startsWith("\n", lineStart)) {
            lineStart++;
        }
        return lineStart;
    }
}
