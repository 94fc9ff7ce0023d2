package grader.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a homework keeps its parts, relative to its root: the kit's convention (reference/, skeleton/, tests/,
 * grader/). The build writes the libraries' class path to {@code tests/target/grade-classpath.txt}.
 */
public record Layout(Path root) {

    public Path reference() {
        return root.resolve("reference");
    }

    public Path skeletonSources() {
        return root.resolve("skeleton/src/main/java");
    }

    public Path testClasses() {
        return root.resolve("tests/target/test-classes");
    }

    /** The instructor's hidden suite (test sources), kept out of student releases. */
    public Path hiddenTests() {
        return root.resolve("tests/hidden");
    }

    /** The catalogue of known mistakes and correct alternatives ({@code grader/kit mistakes}), never released. */
    public Path mistakes() {
        return root.resolve("tests/mistakes");
    }

    /** The compiled reference solution. */
    public Path referenceClasses() {
        return root.resolve("reference/target/classes");
    }

    /** The libraries the tests and the submission need (ND4J, JUnit, jqwik, the grader), without either implementation. */
    public String dependencyClasspath() {
        Path file = root.resolve("tests/target/grade-classpath.txt");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is missing: build first (mvn -B -DskipTests"
                    + " process-test-classes)");
        }
        if (!Files.isDirectory(testClasses())) {
            throw new IllegalArgumentException(testClasses() + " is missing: build the tests first");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
