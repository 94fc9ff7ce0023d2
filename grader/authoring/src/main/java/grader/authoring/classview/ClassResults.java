package grader.authoring.classview;

import grader.report.Results;
import grader.report.ResultsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A class's results, read from a folder: {@code batch}'s output ({@code NAME/results.json}), any folder of
 * submissions each with a results.json (as Gradescope's export lays them out), or results files side by side
 * ({@code NAME.json}). A submission is named by its folder (or file) relative to the folder read. Scratch folders
 * ({@code work/}) are skipped. In batch's output a submission still being graded counts with the results its regrade
 * set aside, or as not finished; a file that is not a results.json is listed as unreadable, never fatal.
 *
 * @param submissions each submission's results, by name
 * @param unreadable  files that could not be read, with why
 */
public record ClassResults(Map<String, Results> submissions, Map<String, String> unreadable) {
    private static final int DEPTH = 4;
    /** What batch writes beside a finished submission's results, and the results a regrade set aside. */
    private static final String MARKER = ".graded";
    private static final String PREVIOUS = "previous-results.json";

    public static ClassResults read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder of results");
        }
        Map<String, Results> found = new TreeMap<>();
        Map<String, String> unreadable = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder, DEPTH)) {
            walk.filter(Files::isRegularFile).filter(p -> isResults(folder, p)).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
        }
        // batch's output marks each finished submission; there, an unmarked one is still being graded.
        boolean batch = files.stream().anyMatch(f -> Files.exists(f.resolveSibling(MARKER)));
        for (Path f : files) {
            String name = nameOf(folder, f);
            Path source = f;
            if (batch && !Files.exists(f.resolveSibling(MARKER))) {
                source = f.resolveSibling(PREVIOUS);
                if (!Files.isRegularFile(source)) {
                    unreadable.put(name, "its grading has not finished (run the batch again)");
                    continue;
                }
            }
            try {
                found.put(name, ResultsJson.read(source));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                unreadable.put(name, e.getMessage());
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no results.json found in " + folder
                    + (unreadable.isEmpty() ? "" : " (unreadable: " + String.join(", ", unreadable.keySet()) + ")"));
        }
        return new ClassResults(found, unreadable);
    }

    private static boolean isResults(Path root, Path file) {
        Path rel = root.relativize(file);
        for (Path part : rel) {
            if (part.toString().equals("work") || part.toString().startsWith(".")) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        // Results side by side: NAME.json directly in the folder (not the kit's own outputs).
        return name.equals("results.json") || rel.getNameCount() == 1 && name.endsWith(".json");
    }

    private static String nameOf(Path root, Path file) {
        Path rel = root.relativize(file);
        if (rel.getNameCount() == 1) {
            String n = file.getFileName().toString();
            return n.equals("results.json") ? root.toAbsolutePath().normalize().getFileName().toString()
                    : n.substring(0, n.length() - ".json".length());
        }
        return rel.getParent().toString().replace('\\', '/');
    }

    /** The submissions that were graded (have tests), by name. */
    public Map<String, Results> graded() {
        Map<String, Results> out = new TreeMap<>();
        submissions.forEach((n, r) -> {
            if (!r.tests.isEmpty()) {
                out.put(n, r);
            }
        });
        return out;
    }

    /** The submissions that could not be graded at all, with the first line of why. */
    public Map<String, String> notGraded() {
        Map<String, String> out = new TreeMap<>();
        submissions.forEach((n, r) -> {
            if (r.tests.isEmpty()) {
                out.put(n, r.output == null ? "" : r.output.strip().lines().findFirst().orElse(""));
            }
        });
        return out;
    }
}
