package grader.authoring.similarity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a JDK of at least a given Java version on this machine, for a tool that needs a newer Java than the kit's
 * (JPlag needs 21). Looks, in order, at the JDK given, {@code JAVA_HOME}, the JDK running the kit, and every JDK
 * under the usual folders of Linux packages and installers; the newest that is new enough wins. A JDK is a folder
 * with {@code bin/java}, {@code bin/javac} and a {@code release} file naming its version.
 */
public final class JavaRuntimes {
    /** Where packaged JDKs live (Debian and Ubuntu put theirs, Temurin's among them, in the first). */
    private static final List<String> JDK_FOLDERS = List.of("/usr/lib/jvm", "/usr/java", "/opt/java", "/opt");

    /** A JDK: its home and feature version (21 for 21.0.2). */
    public record Jdk(Path home, int version) {
        public Path java() {
            return home.resolve("bin").resolve("java");
        }
    }

    private JavaRuntimes() {
    }

    /**
     * @param minimum the lowest feature version that will do
     * @param given   a JDK's home or its bin/java, or null
     * @throws IllegalArgumentException when none is found, saying where it looked and how to get one
     */
    public static Jdk find(int minimum, Path given) {
        if (given != null) {
            Path home = Files.isRegularFile(given) ? given.toAbsolutePath().getParent().getParent() : given;
            Jdk jdk = describe(home).orElseThrow(() -> new IllegalArgumentException(given + " is not a JDK (it needs"
                    + " bin/java, bin/javac and a release file)"));
            if (jdk.version() < minimum) {
                throw new IllegalArgumentException(given + " is Java " + jdk.version() + "; Java " + minimum
                        + " or newer is needed");
            }
            return jdk;
        }
        List<Path> candidates = new ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            candidates.add(Path.of(javaHome));
        }
        candidates.add(Path.of(System.getProperty("java.home")));
        for (String folder : JDK_FOLDERS) {
            Path dir = Path.of(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> children = Files.list(dir)) {
                    children.filter(Files::isDirectory).sorted().forEach(candidates::add);
                } catch (IOException e) {
                    // an unreadable folder holds no usable JDK
                }
            }
        }
        return candidates.stream().map(JavaRuntimes::describe).flatMap(Optional::stream)
                .filter(j -> j.version() >= minimum).max(Comparator.comparingInt(Jdk::version))
                .orElseThrow(() -> new IllegalArgumentException("no JDK " + minimum + " or newer was found (looked at"
                        + " JAVA_HOME, the running Java and " + String.join(", ", JDK_FOLDERS) + "). Install one"
                        + " (a Temurin JDK " + minimum + "+, or your distribution's openjdk-" + minimum
                        + "-jdk-headless where it has one) and set JAVA_HOME or pass --java JDK_HOME."));
    }

    /** The JDK at {@code home}, if it is one. */
    static Optional<Jdk> describe(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(home.resolve("bin/java")) || !Files.isRegularFile(home.resolve("bin/javac"))
                || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String version = p.getProperty("JAVA_VERSION", "").replace("\"", "").strip();
        // "1.8.0_392" is Java 8; "21.0.2" and "25" are 21 and 25.
        String[] parts = version.split("[._+-]");
        try {
            int first = Integer.parseInt(parts[0]);
            int feature = first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
            return Optional.of(new Jdk(home.toAbsolutePath().normalize(), feature));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
