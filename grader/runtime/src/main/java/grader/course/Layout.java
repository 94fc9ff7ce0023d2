package grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a homework keeps its parts, relative to its root: reference/ (the instructor's only), skeleton/, tests/
 * (the graded suites, and the instructor's hidden/ and mistakes/), notebooks/ (with the instructor's source/), and
 * course.json. The build writes the libraries' class path to {@code tests/target/grade-classpath.txt}.
 */
public record Layout(Path root) {
    /** What a student types to re-run one test in their copy, %s standing for Class#method. */
    public static final String STUDENT_RERUN = "mvn test -Pgrade -Dgrade.test=%s";
    /**
     * The skeleton as released, zipped beside the skeleton (generated and committed with it): the API the graded
     * tests compile against and the fallback of a TODO that does not compile, out of the way of a search for
     * "Problem 1.3" in the student's copy, where the student edits the skeleton in place.
     */
    public static final String RELEASED_SKELETON = "skeleton/as-released.zip";

    public Layout {
        root = root.toAbsolutePath().normalize();
    }

    public Course course() {
        return Course.of(root);
    }

    public Path reference() {
        return root.resolve("reference");
    }

    /** The compiled reference solution. */
    public Path referenceClasses() {
        return root.resolve("reference/target/classes");
    }

    public Path skeletonSources() {
        return root.resolve("skeleton/src/main/java");
    }

    /** The skeleton as released: its zip, or where there is none (an older copy), the skeleton's sources. */
    public Path releasedSkeleton() {
        Path zip = root.resolve(RELEASED_SKELETON);
        return Files.isRegularFile(zip) ? zip : skeletonSources();
    }

    public Path skeletonClasses() {
        return root.resolve("skeleton/target/classes");
    }

    public Path testClasses() {
        return root.resolve("tests/target/test-classes");
    }

    /** The instructor's hidden suite (test sources), kept out of student releases. */
    public Path hiddenTests() {
        return root.resolve("tests/hidden");
    }

    /** The catalogue of known mistakes and correct alternatives, never released. */
    public Path mistakes() {
        return root.resolve("tests/mistakes");
    }

    /** The student notebooks. */
    public Path notebooks() {
        return root.resolve("notebooks");
    }

    /** The instructor's notebooks, with solutions and hidden checks (absent from a student release). */
    public Path notebookSources() {
        return root.resolve("notebooks/source");
    }

    /**
     * The class path of the notebooks' Java kernel (module grader/kernel): its classes and the libraries the build
     * lists in {@code grader/kernel/target/kernel-classpath.txt}.
     */
    public String kernelClasspath() {
        Path classes = root.resolve("grader/kernel/target/classes");
        Path file = root.resolve("grader/kernel/target/kernel-classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the notebooks' Java kernel is not built (" + file + " is missing):"
                    + " build first (mvn -B -DskipTests process-test-classes)");
        }
        try {
            return classes + java.io.File.pathSeparator + Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the build leaves what grading writes (results, self-check, scratch copies). */
    public Path target() {
        return root.resolve("tests/target");
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
