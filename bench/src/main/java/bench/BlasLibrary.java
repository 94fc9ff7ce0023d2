package bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Has the bench's child JVMs multiply with the system's OpenBLAS instead of ND4J's own when the system has a newer
 * one.
 *
 * <p>ND4J ships OpenBLAS 0.3.19. Debian's {@code libopenblas0-pthread} (0.3.21 on Debian 12, the library PyTorch
 * multiplies with there) ran the kit's matrix products 11–13% faster on a 2-core AMD EPYC (Zen 3), the same
 * kernel on both sides ([128, 384] @ [384, 1,536]: 1.80 ms against 2.03 ms). JavaCPP, which loads ND4J's native
 * libraries, can load a system library in place of its own before the first use of ND4J, when the JVM starts
 * with the right system properties: the bench gives them to the JVMs that run its rows ({@link #jvmOptions}) when
 * all of these hold ({@link #forChildJvms}):
 *
 * <ul>
 *   <li>the dynamic linker knows a {@code libopenblas.so.0} ({@code ldconfig -p}), the pthread or the serial
 *       build, of a version newer than ND4J's;</li>
 *   <li>{@code GPT_KIT_OPENBLAS} is not {@code bundled} (the way to keep ND4J's own);</li>
 *   <li>the user did not choose a library for JavaCPP themselves ({@code -Dorg.bytedeco.openblas.load}).</li>
 * </ul>
 *
 * The first such run copies the library into JavaCPP's cache (under the name ND4J links against, about 36 MB).
 * Nothing else chooses: the homework's command line, its tests, the notebooks and the grader's JVMs keep ND4J's
 * own library.
 */
final class BlasLibrary {
    /** Set to {@code bundled} to keep ND4J's own OpenBLAS. */
    static final String CHOICE_VARIABLE = "GPT_KIT_OPENBLAS";
    /** The OpenBLAS that ND4J 1.0.0-M2.1 ships (org.bytedeco:openblas 0.3.19-1.5.7). */
    static final String BUNDLED_VERSION = "0.3.19";
    private static final String LOAD = "org.bytedeco.openblas.load";
    private static final String PATHS_FIRST = "org.bytedeco.javacpp.pathsFirst";
    private static final String LIBRARY_PATH = "java.library.path";
    /** A real OpenBLAS file name: libopenblasp-r0.3.21.so (pthread) or libopenblas-r0.3.21.so (serial). */
    private static final Pattern FILE = Pattern.compile("libopenblasp?-r(\\d+)\\.(\\d+)\\.(\\d+)\\.so");

    private BlasLibrary() {
    }

    /** A system OpenBLAS: its real file and its version. */
    record SystemOpenBlas(Path file, String version) {
    }

    /** The system library the bench's child JVMs are to load ({@link #choose} on this machine), or null. */
    static SystemOpenBlas forChildJvms() {
        return choose(System.getenv(CHOICE_VARIABLE), System.getProperty(LOAD), findWithLdconfig());
    }

    /**
     * The system library to use, or null: none found, not newer than ND4J's, the user's variable says
     * {@code bundled}, or the user named a library for JavaCPP already.
     */
    static SystemOpenBlas choose(String choiceVariable, String userLoadProperty, SystemOpenBlas found) {
        if ("bundled".equals(choiceVariable) || userLoadProperty != null || found == null) {
            return null;
        }
        return newer(found.version(), BUNDLED_VERSION) ? found : null;
    }

    /** The system properties that make JavaCPP load {@code lib} for ND4J. */
    static Map<String, String> properties(SystemOpenBlas lib) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(LOAD, "openblas");
        p.put(PATHS_FIRST, "true");
        String dir = lib.file().getParent().toString();
        String old = System.getProperty(LIBRARY_PATH, "");
        p.put(LIBRARY_PATH, old.isEmpty() ? dir : dir + File.pathSeparator + old);
        return p;
    }

    /** The -D options that have a child JVM load {@code lib} (none for null: ND4J keeps its own). */
    static List<String> jvmOptions(SystemOpenBlas lib) {
        List<String> out = new ArrayList<>();
        if (lib != null) {
            properties(lib).forEach((key, value) -> out.add("-D" + key + "=" + value));
        }
        return out;
    }

    /** Which OpenBLAS a child JVM given {@link #jvmOptions jvmOptions(lib)} multiplies with, for a header. */
    static String describe(SystemOpenBlas lib) {
        if (lib != null) {
            return "OpenBLAS " + lib.version() + ", the system's (" + lib.file() + "; GPT_KIT_OPENBLAS=bundled keeps"
                    + " ND4J's)";
        }
        String user = System.getProperty(LOAD);
        return user != null ? "JavaCPP's " + LOAD + "=" + user + " (set by you)"
                : "OpenBLAS " + BUNDLED_VERSION + ", ND4J's own";
    }

    /** The libopenblas.so.0 that {@code ldconfig -p} lists, or null (not Linux, no ldconfig, no such library). */
    static SystemOpenBlas findWithLdconfig() {
        // ldconfig lives in /sbin, which a user's PATH may lack.
        for (String ldconfig : List.of("ldconfig", "/sbin/ldconfig", "/usr/sbin/ldconfig")) {
            try {
                Process p = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    continue;
                }
                Path listed = listedOpenBlas(out);
                return listed == null ? null : inspect(listed);
            } catch (IOException e) {
                // not there: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** The path {@code ldconfig -p} gives for libopenblas.so.0 on this architecture (the first listed), or null. */
    static Path listedOpenBlas(String ldconfigOutput) {
        Matcher m = Pattern.compile("^\\s*libopenblas\\.so\\.0 \\(([^)]*)\\) => (\\S+)\\s*$", Pattern.MULTILINE)
                .matcher(ldconfigOutput);
        boolean wide = System.getProperty("os.arch", "").contains("64");
        while (m.find()) {
            // ldconfig lists each architecture's copy: "(libc6,x86-64)"; a 64-bit JVM needs a 64-bit one.
            if (m.group(1).contains("64") == wide) {
                return Path.of(m.group(2));
            }
        }
        return null;
    }

    /** The real file behind {@code listed} (Debian links it through /etc/alternatives) and its version, or null. */
    static SystemOpenBlas inspect(Path listed) {
        try {
            Path real = listed.toRealPath();
            String version = version(real.getFileName().toString());
            return version == null || !Files.isRegularFile(real) ? null : new SystemOpenBlas(real, version);
        } catch (IOException e) {
            return null;
        }
    }

    /** "0.3.21" from a pthread or serial OpenBLAS file name; null for any other name (the OpenMP build, say). */
    static String version(String fileName) {
        Matcher m = FILE.matcher(fileName);
        return m.matches() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : null;
    }

    /** Whether dotted version a is newer than b. */
    static boolean newer(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0, q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return p > q;
            }
        }
        return false;
    }
}
