package grader.authoring.demo;

import grader.compile.SubmissionCompiler;
import grader.course.Layout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference's sources as a synthetic student starts from them: every file by package path, solution regions
 * marked, so a region can be swapped for another answer before the markers go (a student's file has none).
 */
final class ReferenceSources {
    private static final Pattern MARKER = Pattern.compile("(?m)^[ \\t]*// (BEGIN|END) SOLUTION.*\\R");
    private final Map<String, String> files = new TreeMap<>();

    ReferenceSources(Layout layout) {
        SubmissionCompiler.javaFilesByPackage(layout.reference().resolve("src/main/java")).forEach((rel, p) -> {
            try {
                files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
            }
        });
    }

    /** A fresh copy of every file, markers kept. */
    Map<String, String> copy() {
        return new TreeMap<>(files);
    }

    /** The file whose solution region has this label ("Problem 5.1 (Batches.getBatch)"). */
    String fileOf(String label) {
        return files.entrySet().stream().filter(e -> e.getValue().contains("// BEGIN SOLUTION " + label + "\n")
                || e.getValue().contains("// BEGIN SOLUTION " + label + "\r\n")).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no solution region is labelled " + label));
    }

    /** The text with the region of {@code label} replaced by {@code body} (indented as the region was). */
    static String replaceRegion(String text, String label, String body) {
        Matcher begin = Pattern.compile("(?m)^([ \\t]*)// BEGIN SOLUTION " + Pattern.quote(label) + "\\R").matcher(text);
        if (!begin.find()) {
            throw new IllegalArgumentException("no solution region is labelled " + label);
        }
        Matcher end = Pattern.compile("(?m)^[ \\t]*// END SOLUTION.*\\R").matcher(text);
        if (!end.find(begin.end())) {
            throw new IllegalArgumentException("the region " + label + " has no end");
        }
        String indent = begin.group(1);
        StringBuilder indented = new StringBuilder();
        body.lines().forEach(l -> indented.append(l.isBlank() ? "" : indent + l).append('\n'));
        return text.substring(0, begin.end()) + indented + text.substring(end.start());
    }

    /** A student's file: the solution markers gone. */
    static String withoutMarkers(String text) {
        return MARKER.matcher(text).replaceAll("");
    }

    /** Sections of a resource ("=== LABEL" then the body), by label; '#' lines before the first are notes. */
    static Map<String, String> sections(String resource) {
        String text;
        try (InputStream in = ReferenceSources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        String label = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (label != null) {
                    out.put(label, body.toString().stripTrailing());
                }
                label = line.substring(4).strip();
                body.setLength(0);
            } else if (label != null) {
                body.append(line).append('\n');
            }
        }
        if (label != null) {
            out.put(label, body.toString().stripTrailing());
        }
        return out;
    }
}
