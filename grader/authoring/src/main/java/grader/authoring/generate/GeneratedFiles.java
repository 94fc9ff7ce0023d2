package grader.authoring.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Files that are generated and committed (the skeleton, the student notebooks): how a fresh generation differs
 * from what is on disk, and writing one over it. Both are keyed by path relative to their folder, '/'-separated.
 */
final class GeneratedFiles {
    private GeneratedFiles() {
    }

    /** What differs between a generation and the files on disk ("X: missing", …); empty when they match. */
    static List<String> drift(Map<String, String> generated, Map<String, String> onDisk, String notGenerated) {
        List<String> drift = new ArrayList<>();
        generated.forEach((rel, text) -> {
            String have = onDisk.get(rel);
            if (have == null) {
                drift.add(rel + ": missing");
            } else if (!have.equals(text)) {
                drift.add(rel + ": differs from line " + firstDifferentLine(have, text));
            }
        });
        onDisk.keySet().stream().filter(rel -> !generated.containsKey(rel)).forEach(rel -> drift.add(rel + ": "
                + notGenerated));
        return drift;
    }

    /** Writes a generation into {@code dir}, deleting the files on disk it no longer has; unchanged files stay. */
    static void writeOver(Map<String, String> generated, Path dir, Map<String, String> onDisk) {
        try {
            for (String rel : onDisk.keySet()) {
                if (!generated.containsKey(rel)) {
                    Files.delete(dir.resolve(rel));
                }
            }
            for (Map.Entry<String, String> e : generated.entrySet()) {
                if (!e.getValue().equals(onDisk.get(e.getKey()))) {
                    Path target = dir.resolve(e.getKey());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    private static int firstDifferentLine(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int i = 0;
        while (i < x.length && i < y.length && x[i].equals(y[i])) {
            i++;
        }
        return i + 1;
    }
}
