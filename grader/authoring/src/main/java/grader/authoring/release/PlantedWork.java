package grader.authoring.release;

import grader.authoring.generate.SkeletonGenerator;
import grader.course.Layout;
import grader.report.Results;
import grader.report.TestResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A student's work in progress, planted into a release to prove that grading there is the autograder's: Problem 1
 * solved (its regions from the reference) and, in TODO 2.2, a statement without its semicolon. Graded with the
 * student's own command, Problem 1 must earn its points and only TODO 2.2 may lose them to the compile error, which
 * the score table names; every other test scores nothing, as on the skeleton.
 */
final class PlantedWork {
    static final String SOLVED_PROBLEM = "1";
    static final String BROKEN_TODO = "2.2";
    /** A line a student might be writing in TODO 2.2 (logsumexp), its semicolon missing. */
    static final String BROKEN_LINE = "Tensor m = x.max(axis, true)";
    private static final String SKELETON = "skeleton/src/main/java";

    private final Map<Path, String> originals = new LinkedHashMap<>();

    private PlantedWork() {
    }

    /** Plants the work into the release at {@code dest}; {@link #restore} puts the skeleton back. */
    static PlantedWork plant(Layout layout, Path dest) throws IOException {
        PlantedWork work = new PlantedWork();
        Path reference = layout.reference().resolve("src/main/java");
        Path skeleton = dest.resolve(SKELETON);
        for (Path f : javaFiles(reference)) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (text.contains("// BEGIN SOLUTION Problem " + SOLVED_PROBLEM + ".")) {
                String rel = reference.relativize(f).toString();
                work.replace(skeleton.resolve(rel), SkeletonGenerator.strip(rel, text,
                        label -> label.startsWith("Problem " + SOLVED_PROBLEM + ".")));
            }
        }
        String todo = "// TODO Problem " + BROKEN_TODO + " (";
        Path broken = javaFiles(skeleton).stream().filter(f -> read(f).contains(todo)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the release's skeleton has no TODO " + BROKEN_TODO));
        String text = read(broken);
        int at = text.indexOf('\n', text.indexOf(todo)) + 1; // the TODO's throw statement
        String line = text.substring(at, text.indexOf('\n', at));
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        work.replace(broken, text.substring(0, at) + indent + BROKEN_LINE + "\n" + text.substring(at));
        return work;
    }

    private void replace(Path file, String text) throws IOException {
        originals.putIfAbsent(file, Files.readString(file, StandardCharsets.UTF_8));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    void restore() throws IOException {
        for (Map.Entry<Path, String> e : originals.entrySet()) {
            Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** What is wrong with the grading of the planted work ({@code console}: what the student saw); empty if nothing. */
    static List<String> check(Results r, String console) {
        List<String> problems = new ArrayList<>();
        String prefix = "with Problem " + SOLVED_PROBLEM + " solved and a ';' missing in TODO " + BROKEN_TODO + ", ";
        if (r.tests.isEmpty()) {
            problems.add(prefix + "grading found no tests");
        }
        for (TestResult t : r.tests) {
            String output = t.output == null ? "" : t.output;
            boolean solved = t.number.startsWith(SOLVED_PROBLEM + ".");
            if (solved && t.score < t.maxScore) {
                problems.add(prefix + "test " + t.number + " lost points: " + output.lines().findFirst().orElse(""));
            } else if (!solved && t.score > 0) {
                problems.add(prefix + "test " + t.number + " scored " + t.score + " on the skeleton's code");
            } else if (t.number.startsWith(BROKEN_TODO + ".") && !(output.contains("does not compile in Problem "
                    + BROKEN_TODO) && output.contains("';' expected"))) {
                problems.add(prefix + "test " + t.number + " does not name the compile error: "
                        + output.lines().findFirst().orElse(""));
            }
        }
        if (!console.contains("Total") || !console.contains("';' expected")) {
            problems.add(prefix + "the console shows no score table naming the compile error");
        }
        return problems;
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
