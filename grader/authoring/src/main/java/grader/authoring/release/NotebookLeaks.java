package grader.authoring.release;

import com.google.gson.JsonObject;
import grader.notebook.Notebook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What of the instructor's notebooks must never reach a student release: the sources folder itself, solution
 * markers, hidden check cells, planted mistakes, and any distinctive line of a solution region or a hidden check.
 */
public final class NotebookLeaks {
    private NotebookLeaks() {
    }

    /** The leaks found in {@code release} (a copy of the homework), given the instructor's {@code sources}. */
    public static List<String> find(Path sources, String key, Path release) {
        List<String> found = new ArrayList<>();
        if (Files.exists(release.resolve("notebooks/source"))) {
            found.add("the instructor's notebooks are in the release: notebooks/source");
        }
        Set<String> secret = new TreeSet<>();
        for (Path nb : Notebook.list(sources)) {
            Notebook source = Notebook.read(nb, key);
            for (JsonObject cell : source.cells()) {
                JsonObject m = source.meta(cell);
                boolean hidden = m != null && m.has("check") && m.has("hidden") && m.get("hidden").getAsBoolean();
                secret.addAll(distinctive(Notebook.source(cell), hidden));
            }
        }
        try (Stream<Path> files = Files.walk(release)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ipynb") && !p.toString().contains("/target/"))
                    .toList()) {
                String rel = release.relativize(f).toString();
                Notebook nb;
                try {
                    nb = Notebook.read(f, key);
                } catch (IllegalArgumentException e) {
                    found.add("an unreadable notebook is in the release: " + rel);
                    continue;
                }
                for (JsonObject cell : nb.cells()) {
                    JsonObject m = nb.meta(cell);
                    String text = Notebook.source(cell);
                    if (text.contains("BEGIN SOLUTION")) {
                        found.add("a solution marker is in " + rel);
                    }
                    if (m != null && m.has("hidden") && m.has("check")) {
                        found.add("a hidden check of Question " + Notebook.string(m, "check") + " is in " + rel);
                    }
                    if (m != null && m.has("wrong")) {
                        found.add("a planted mistake is in " + rel);
                    }
                    for (String line : text.lines().map(String::strip).toList()) {
                        if (secret.contains(line)) {
                            found.add("a line of a solution or hidden check is in " + rel + ": " + line);
                            break;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The lines of solution regions (and of a whole hidden cell) long enough to be unlikely by chance. */
    private static Set<String> distinctive(String source, boolean wholeCell) {
        Set<String> lines = new TreeSet<>();
        boolean inside = wholeCell;
        for (String line : source.lines().toList()) {
            String s = line.strip();
            if (s.startsWith("// BEGIN SOLUTION") || s.startsWith("<!-- BEGIN SOLUTION")) {
                inside = true;
            } else if (s.startsWith("// END SOLUTION") || s.startsWith("<!-- END SOLUTION")) {
                inside = wholeCell;
            } else if (inside && s.length() >= 30 && !s.startsWith("//")) {
                lines.add(s);
            }
        }
        return lines;
    }
}
