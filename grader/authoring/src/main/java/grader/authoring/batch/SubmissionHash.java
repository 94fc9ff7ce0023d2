package grader.authoring.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The content hash of a submission: SHA-256 over its files' paths and bytes, in a fixed order, so the same files
 * give the same hash however they were copied or zipped (a zip's timestamps and entry order do not count). A
 * folder's {@code .git} is left out: what is graded is the files.
 */
final class SubmissionHash {
    private SubmissionHash() {
    }

    static String of(Path submission) {
        try {
            Map<String, byte[]> files = Files.isDirectory(submission) ? folder(submission) : zip(submission);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((name, bytes) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + submission + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, byte[]> folder(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(f).toString().replace('\\', '/');
                if (!name.equals(".git") && !name.startsWith(".git/")) {
                    files.put(name, Files.readAllBytes(f));
                }
            }
        }
        return files;
    }

    /** A zip's entries by name; a file that is not a readable zip counts as its raw bytes. */
    private static Map<String, byte[]> zip(Path file) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                if (!e.isDirectory()) {
                    files.put(e.getName(), z.readAllBytes());
                }
            }
        } catch (ZipException e) {
            files.clear();
        }
        if (files.isEmpty()) {
            files.put("", Files.readAllBytes(file));
        }
        return files;
    }
}
