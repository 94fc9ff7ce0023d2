package grader.course;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A course's words and settings, {@code course.json} at the homework's root: what is specific to one homework, so
 * that the grader itself names none of it. Every key is optional.
 *
 * <pre>
 * {
 *   "name": "gpt-homework",                       the kernel's and the reports' name for the homework
 *   "problems": {"1": "Tensors and autograd"},    each problem's title, declared once (the score table's)
 *   "leaderboard": false,                          Gradescope's leaderboard (measurements of the student's code)
 *   "notebooks": {
 *     "metadataKey": "gpthw",                      the key of the grader's metadata in the notebooks' cells
 *     "kernelJvmOptions": ["-Xmx2g"]               the notebooks' Java kernel's JVM options
 *   },
 *   "testJvm": {
 *     "memoryOptions": ["-Dsome.limit={native}"],  JVM options that bound a test JVM's native memory: {total},
 *                                                  {native} and {heap} become that JVM's budget in bytes
 *     "environment": {"OMP_NUM_THREADS": "1"}      the test JVMs' environment
 *   },
 *   "release": {
 *     "readme": "docs/student.md",                 the file a student release carries as its README.md
 *     "holds": ["skeleton/src/main/java/**"]       what a release may hold (globs); anything else fails the check
 *   }
 * }
 * </pre>
 *
 * @param name             the homework's name
 * @param problemTitles    problem number → title
 * @param leaderboard      whether grading adds Gradescope's leaderboard
 * @param notebookKey      the metadata key of the notebooks' graded cells
 * @param kernelJvmOptions the notebooks' kernel's JVM options
 * @param memoryOptions    test-JVM options bounding native memory, with {total}, {native}, {heap} placeholders
 * @param testEnvironment  the test JVMs' environment variables
 * @param releaseReadme    the release's README, relative to the homework's root; null for none
 * @param releaseHolds     globs (relative to the release's root) of what a release may hold
 */
public record Course(String name, Map<Integer, String> problemTitles, boolean leaderboard, String notebookKey,
        List<String> kernelJvmOptions, List<String> memoryOptions, Map<String, String> testEnvironment,
        String releaseReadme, List<String> releaseHolds) {
    public static final String FILE = "course.json";
    /** The notebooks' metadata key when the course names none. */
    public static final String DEFAULT_NOTEBOOK_KEY = "grader";
    private static final Set<String> KEYS = Set.of("name", "problems", "leaderboard", "notebooks", "testJvm",
            "release");

    /** A course with no configuration: every setting at its default. */
    public static Course defaults() {
        return new Course("homework", Map.of(), false, DEFAULT_NOTEBOOK_KEY, List.of(), List.of(), Map.of(), null,
                List.of());
    }

    /** The course of the homework at {@code root} ({@code root/course.json}), or the defaults without one. */
    public static Course of(Path root) {
        Path file = root.resolve(FILE);
        return Files.isRegularFile(file) ? read(file) : defaults();
    }

    /** Reads a course.json; a malformed one is an IllegalArgumentException naming the file and the key. */
    public static Course read(Path file) {
        JsonElement tree;
        try {
            tree = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!tree.isJsonObject()) {
            throw new IllegalArgumentException(file + " must hold a JSON object, such as {\"leaderboard\": true}");
        }
        Reader r = new Reader(file, tree.getAsJsonObject());
        for (String key : r.json.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(file + ": unknown key \"" + key + "\" (known: "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        Course d = defaults();
        Map<Integer, String> titles = new TreeMap<>();
        r.strings("problems").forEach((k, v) -> {
            try {
                titles.put(Integer.parseInt(k), v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": \"problems\" maps problem numbers to titles; \"" + k
                        + "\" is not a number");
            }
        });
        Reader notebooks = r.object("notebooks");
        Reader testJvm = r.object("testJvm");
        Reader release = r.object("release");
        return new Course(r.string("name", d.name()), titles, r.bool("leaderboard", false),
                notebooks.string("metadataKey", d.notebookKey()), notebooks.list("kernelJvmOptions"),
                testJvm.list("memoryOptions"), testJvm.strings("environment"), release.string("readme", null),
                release.list("holds"));
    }

    /** A problem's title: the course's, else {@code fallback} when not blank, else "Problem N". */
    public String problemTitle(int problem, String fallback) {
        String title = problemTitles.get(problem);
        if (title != null) {
            return title;
        }
        return fallback != null && !fallback.isBlank() ? fallback : "Problem " + problem;
    }

    /** The test JVM's memory options for a budget, the placeholders filled in. */
    public List<String> memoryOptions(long totalBytes, long nativeBytes, long heapBytes) {
        List<String> out = new ArrayList<>();
        for (String o : memoryOptions) {
            out.add(o.replace("{total}", String.valueOf(totalBytes)).replace("{native}", String.valueOf(nativeBytes))
                    .replace("{heap}", String.valueOf(heapBytes)));
        }
        return out;
    }

    /** Typed reads of one JSON object, each error naming the file and the key. */
    private record Reader(Path file, JsonObject json) {
        Reader object(String key) {
            JsonElement e = json.get(key);
            if (e == null || e.isJsonNull()) {
                return new Reader(file, new JsonObject());
            }
            if (!e.isJsonObject()) {
                throw wrong(key, "an object");
            }
            return new Reader(file, e.getAsJsonObject());
        }

        String string(String key, String fallback) {
            JsonElement e = json.get(key);
            if (e == null || e.isJsonNull()) {
                return fallback;
            }
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw wrong(key, "a string");
            }
            return e.getAsString();
        }

        boolean bool(String key, boolean fallback) {
            JsonElement e = json.get(key);
            if (e == null || e.isJsonNull()) {
                return fallback;
            }
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
                throw wrong(key, "true or false");
            }
            return e.getAsBoolean();
        }

        List<String> list(String key) {
            JsonElement e = json.get(key);
            if (e == null || e.isJsonNull()) {
                return List.of();
            }
            if (!e.isJsonArray()) {
                throw wrong(key, "a list of strings");
            }
            List<String> out = new ArrayList<>();
            for (JsonElement x : (JsonArray) e) {
                if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) {
                    throw wrong(key, "a list of strings");
                }
                out.add(x.getAsString());
            }
            return List.copyOf(out);
        }

        Map<String, String> strings(String key) {
            Reader o = object(key);
            Map<String, String> out = new LinkedHashMap<>();
            for (String k : o.json.keySet()) {
                out.put(k, o.string(k, ""));
            }
            return out;
        }

        private IllegalArgumentException wrong(String key, String what) {
            return new IllegalArgumentException(file + ": \"" + key + "\" must be " + what + ", not " + json.get(key));
        }
    }
}
