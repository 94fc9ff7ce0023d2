package grader.run;

import grader.report.Results;
import grader.report.TestResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a regrade needs to reproduce a grading, recorded in results.json: at the top level (Gradescope's
 * {@code extra_data}, stored and never shown) the grader's version and a fingerprint of its code, a fingerprint of
 * the graded tests (their compiled classes and fixtures, hidden suites included), the Java version, and each jqwik
 * property's fixed seed (by Class#method; a failure's own seed stays in that test's extra_data). Two results with the same fingerprints and seeds were graded by the same tests
 * in the same way, so a difference between them is the submission's.
 */
final class Reproducibility {
    private static final String JQWIK_PROPERTY = "net.jqwik.api.Property";

    private Reproducibility() {
    }

    /**
     * @param testRoots the folders (or jars) of compiled graded tests, hidden suites included
     * @param tests     the class loader the tests were discovered with, to read their seeds
     */
    static void record(Results results, List<Path> testRoots, ClassLoader tests) {
        Map<String, Object> extra = results.extraData == null ? new LinkedHashMap<>() : results.extraData;
        String version = GradingRun.class.getPackage().getImplementationVersion();
        extra.put("grader", "grader " + (version == null ? "(built from source)" : version));
        extra.put("grader_sha256", safely(() -> fingerprint(List.of(codeOf(GradingRun.class)))));
        extra.put("tests_sha256", safely(() -> fingerprint(testRoots)));
        extra.put("java", System.getProperty("java.version"));
        extra.put("graded_at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        Map<String, String> seeds = new java.util.TreeMap<>();
        for (TestResult t : results.tests) {
            String test = t.extraData == null ? null : String.valueOf(t.extraData.get("test"));
            String seed = test == null ? null : seedOf(test, tests);
            if (seed != null) {
                seeds.put(test, seed);
            }
        }
        extra.put("jqwik_seeds", seeds);
        results.extraData = extra;
    }

    /** A fingerprint, or why there is none: recording must never cost a grading. */
    private static String safely(java.util.function.Supplier<String> fingerprint) {
        try {
            return fingerprint.get();
        } catch (RuntimeException e) {
            return "unavailable: " + e.getMessage();
        }
    }

    /** The fixed seed of a jqwik property ("Class#method"), or null for a test that is not one or has none. */
    static String seedOf(String test, ClassLoader loader) {
        int hash = test.indexOf('#');
        if (hash < 0) {
            return null;
        }
        try {
            Class<?> type = Class.forName(test.substring(0, hash), false, loader);
            for (Method m : type.getDeclaredMethods()) {
                if (!m.getName().equals(test.substring(hash + 1))) {
                    continue;
                }
                for (Annotation a : m.getAnnotations()) {
                    // By name: the runtime does not depend on jqwik; the tests bring it.
                    if (a.annotationType().getName().equals(JQWIK_PROPERTY)) {
                        Object seed = a.annotationType().getMethod("seed").invoke(a);
                        return seed == null || seed.toString().isEmpty() ? null : seed.toString();
                    }
                }
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            return null; // a notebook question, or a class this loader cannot see: no seed to record
        }
        return null;
    }

    /** SHA-256 over the files of folders and jars, by relative path and content, in a fixed order. */
    static String fingerprint(List<Path> roots) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path root : roots) {
                if (Files.isRegularFile(root)) {
                    update(digest, root.getFileName().toString(), root);
                } else if (Files.isDirectory(root)) {
                    try (Stream<Path> files = Files.walk(root)) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            update(digest, root.relativize(f).toString().replace('\\', '/'), f);
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tests to fingerprint them: " + e.getMessage(), e);
        }
    }

    private static void update(MessageDigest digest, String name, Path file) throws IOException {
        digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update((byte) 0);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        digest.update((byte) 0);
    }

    /** The jar or classes folder a class was loaded from. */
    private static Path codeOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot find where the grader's classes are", e);
        }
    }
}
