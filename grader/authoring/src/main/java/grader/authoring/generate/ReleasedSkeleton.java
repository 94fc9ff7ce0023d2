package grader.authoring.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The skeleton as released, zipped beside it ({@code grader.course.Layout#RELEASED_SKELETON}), generated and
 * committed with it. A student edits {@code skeleton/src/main/java} in place, and grading needs the original twice:
 * as the API the graded tests compile against, and as the fallback of a TODO that does not compile. Compressed, it
 * is out of the way of a search for "Problem 1.3". Its entries are the skeleton's Java sources by package path, in
 * path order, each with one fixed time (old, so that what Maven unpacks is never newer than what it compiled).
 * Zips are compared by their entries, not their bytes, which another JDK's compressor may change.
 */
public final class ReleasedSkeleton {
    private static final String JAVA = "java/";
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private ReleasedSkeleton() {
    }

    /** The zip's entries for a generation of {@code skeleton/src/main} (keys "java/hw/…"): its Java sources. */
    public static Map<String, String> of(Map<String, String> generatedMain) {
        Map<String, String> out = new TreeMap<>();
        generatedMain.forEach((rel, text) -> {
            if (rel.startsWith(JAVA)) {
                out.put(rel.substring(JAVA.length()), text);
            }
        });
        return out;
    }

    /** The files below a source folder such as a release's {@code skeleton/src/main/java}, by package path. */
    public static Map<String, String> read(Path sources) {
        return SkeletonGenerator.readTree(sources);
    }

    /** Writes the zip, unless it already holds exactly these entries. */
    public static void write(Map<String, String> entries, Path zip) {
        if (Files.isRegularFile(zip) && compare(entries, zip).isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(zip.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
                z.setLevel(9);
                for (Map.Entry<String, String> e : entries.entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    entry.setTimeLocal(ENTRY_TIME);
                    z.putNextEntry(entry);
                    z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                    z.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + zip + ": " + e.getMessage(), e);
        }
    }

    /** What differs between {@code entries} and the zip's ("hw/nn/Linear.java: missing", …); empty when none. */
    public static List<String> compare(Map<String, String> entries, Path zip) {
        Map<String, String> held = new TreeMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                held.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return List.of("cannot be read: " + e);
        }
        List<String> out = new ArrayList<>();
        entries.forEach((rel, text) -> {
            String have = held.remove(rel);
            if (!text.equals(have)) {
                out.add(rel + (have == null ? ": missing" : ": differs"));
            }
        });
        held.keySet().forEach(rel -> out.add(rel + ": not in the skeleton"));
        return out;
    }
}
