package grader.authoring.release;

import grader.course.Course;
import grader.course.Layout;
import grader.io.FileOps;
import grader.notebook.Notebook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Copies the parts of the homework a student (or an autograder image) may have: the build without the
 * instructor's modules, the grader's runtime, the skeleton, the public tests and the student notebooks — never
 * the reference solution, the benchmarks or the authoring tools, and the hidden suite and the instructor's
 * notebooks only when asked (an autograder needs their checks; a student release must not have them).
 */
public final class StudentCopy {
    /** The parts a copy holds, relative to the homework's root. */
    static final List<String> PARTS = List.of(".gitignore", ".mvn", Course.FILE, "grader/runtime/pom.xml",
            "grader/runtime/src/main", "grader/kernel/pom.xml", "grader/kernel/src/main", "skeleton/pom.xml",
            "skeleton/src", Layout.RELEASED_SKELETON, "tests/pom.xml", "tests/src");
    /** The root pom's profile that adds the instructor's modules, between these two comment lines. */
    private static final Pattern INSTRUCTOR_PROFILE = Pattern.compile(
            "(?s)\\n[ \\t]*<!-- BEGIN INSTRUCTOR\\b.*?<!-- END INSTRUCTOR -->[ \\t]*(?=\\n)");

    private StudentCopy() {
    }

    public static void copy(Layout layout, Path dest, boolean withHidden) {
        Path root = layout.root();
        try {
            clear(dest);
            Files.createDirectories(dest);
            for (String part : PARTS) {
                copyTree(root.resolve(part), dest.resolve(part));
            }
            Files.writeString(dest.resolve("pom.xml"), studentPom(Files.readString(root.resolve("pom.xml"),
                    StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            for (Path nb : Notebook.list(layout.notebooks())) {
                copyFile(nb, dest.resolve("notebooks").resolve(nb.getFileName().toString()));
            }
            if (withHidden) {
                copyTree(layout.hiddenTests(), dest.resolve("tests/hidden"));
                copyTree(layout.notebookSources(), dest.resolve("notebooks/source"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy to " + dest + ": " + e.getMessage(), e);
        }
    }

    /**
     * A copy starts empty, so that a file left from an earlier copy (one since removed from the kit, or added to the
     * copy afterwards) is never released: an earlier copy is replaced, any other non-empty folder refused.
     */
    private static void clear(Path dest) throws IOException {
        if (!Files.isDirectory(dest)) {
            return;
        }
        boolean empty;
        try (var entries = Files.list(dest)) {
            empty = entries.findAny().isEmpty();
        }
        if (empty) {
            return;
        }
        if (!Files.isRegularFile(dest.resolve(Course.FILE)) || !Files.isRegularFile(dest.resolve("pom.xml"))) {
            throw new IllegalArgumentException(dest + " is not empty and holds no earlier copy of the kit (no "
                    + Course.FILE + " and pom.xml): choose a new folder, or empty it first");
        }
        FileOps.deleteTree(dest);
    }

    /** The root pom without the instructor's profile (its modules are not in a copy). */
    static String studentPom(String pom) {
        Matcher m = INSTRUCTOR_PROFILE.matcher(pom);
        if (!m.find()) {
            throw new IllegalStateException("the root pom.xml has no <!-- BEGIN INSTRUCTOR --> … <!-- END INSTRUCTOR -->"
                    + " block around the instructor's profile, so a student copy cannot leave it out");
        }
        return m.replaceFirst("");
    }

    public static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        if (Files.isRegularFile(from)) {
            copyFile(from, to);
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path rel = from.relativize(f);
                if (rel.toString().contains(".ipynb_checkpoints") || rel.startsWith("target")) {
                    continue;
                }
                copyFile(f, to.resolve(rel.toString()));
            }
        }
    }

    private static void copyFile(Path from, Path to) throws IOException {
        if (Files.exists(from)) {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
