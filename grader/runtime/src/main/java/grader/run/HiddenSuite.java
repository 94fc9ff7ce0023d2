package grader.run;

import grader.io.Javac;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An instructor's extra suite added to a grading run: a jar or a folder of compiled tests is used as it is; a
 * folder of test sources is compiled first, against the same class path as the public tests.
 */
final class HiddenSuite {
    private HiddenSuite() {
    }

    /** A test root for {@code suite}: itself, or the folder its sources were compiled into. */
    static Path prepare(Path suite, String classpath, Path work) {
        if (!Files.exists(suite)) {
            throw new IllegalArgumentException("--hidden " + suite + " does not exist");
        }
        if (Files.isRegularFile(suite)) {
            if (!suite.toString().endsWith(".jar")) {
                throw new IllegalArgumentException("--hidden " + suite + " is neither a folder nor a .jar");
            }
            return suite;
        }
        List<Path> sources;
        try (Stream<Path> files = Files.walk(suite)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + suite + ": " + e.getMessage(), e);
        }
        if (sources.isEmpty()) {
            return suite; // compiled classes
        }
        Path out = work.resolve("hidden-" + Math.abs(suite.toAbsolutePath().toString().hashCode()));
        Map<Path, List<String>> errors;
        try {
            errors = Javac.compile(sources, classpath, out);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("--hidden " + suite + " holds sources, and compiling them needs a JDK");
        }
        if (!errors.isEmpty()) {
            StringBuilder why = new StringBuilder("the hidden suite " + suite + " does not compile:");
            errors.forEach((file, messages) -> messages.forEach(m -> why.append(System.lineSeparator())
                    .append("  ").append(file.getFileName()).append(": ").append(m)));
            throw new IllegalArgumentException(why.toString());
        }
        return out;
    }
}
