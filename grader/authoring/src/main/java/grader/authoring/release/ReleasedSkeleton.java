package grader.authoring.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The skeleton as released, zipped into the student's copy ({@code grader.course.Layout#RELEASED_SKELETON}): the
 * student edits {@code skeleton/src/main/java} in place, and grading needs the original twice, as the API the
 * graded tests compile against and as the fallback of a TODO that does not compile. Compressed, it is out of the
 * way of a search for "Problem 1.3". The zip is the same bytes for the same files: entries in path order, each
 * with one fixed time (which also keeps Maven from recompiling what it unpacks).
 */
public final class ReleasedSkeleton {
    /** The time of every entry: old, so that what Maven unpacks is never newer than what it compiled. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private ReleasedSkeleton() {
    }

    /**
     * What differs between the zip and the files below {@code sources}; empty when it holds exactly them (so the
     * leak check of the sources covers the zip too).
     */
    public static List<String> compare(Path zip, Path sources) {
        Map<String, byte[]> zipped = new TreeMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                zipped.put(e.getName(), z.readAllBytes());
            }
        } catch (IOException e) {
            return List.of(zip.getFileName() + " cannot be read: " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(sources)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = sources.relativize(f).toString().replace('\\', '/');
                byte[] held = zipped.remove(rel);
                if (held == null || !Arrays.equals(held, Files.readAllBytes(f))) {
                    out.add(zip.getFileName() + (held == null ? " lacks " : " differs on ") + rel);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sources + ": " + e.getMessage(), e);
        }
        zipped.keySet().forEach(rel -> out.add(zip.getFileName() + " holds " + rel + ", which the skeleton has not"));
        return out;
    }

    /** Zips every file below {@code sources} (the skeleton's package folders) into {@code zip}. */
    public static void write(Path sources, Path zip) {
        try (Stream<Path> walk = Files.walk(sources)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            Files.createDirectories(zip.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
                z.setLevel(9);
                for (Path f : files) {
                    ZipEntry e = new ZipEntry(sources.relativize(f).toString().replace('\\', '/'));
                    e.setTimeLocal(ENTRY_TIME);
                    z.putNextEntry(e);
                    Files.copy(f, z);
                    z.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + zip + ": " + e.getMessage(), e);
        }
    }
}
