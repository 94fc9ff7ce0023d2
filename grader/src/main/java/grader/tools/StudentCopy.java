package grader.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies the parts of the homework a student (or an autograder image) may have: the build, the grader, the
 * skeleton, the public tests and the notebooks — never the reference solution, and the hidden suite only when
 * asked (an autograder needs it; a student release must not have it).
 */
final class StudentCopy {
    private StudentCopy() {
    }

    static void copy(Layout layout, Path dest, boolean withHidden) {
        Path root = layout.root();
        try {
            Files.createDirectories(dest);
            copyFile(root.resolve(".gitignore"), dest.resolve(".gitignore"));
            copyFile(root.resolve(CourseConfig.FILE), dest.resolve(CourseConfig.FILE));
            copyTree(root.resolve(".mvn"), dest.resolve(".mvn"));
            // The reactor without the reference module (one module per line in the root pom).
            String pom = Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8);
            Files.writeString(dest.resolve("pom.xml"), pom.replaceAll("(?m)^\\s*<module>reference</module>\\R", ""),
                    StandardCharsets.UTF_8);
            for (String part : List.of("grader/pom.xml", "grader/src/main", "skeleton/pom.xml", "skeleton/src",
                    "tests/pom.xml", "tests/src")) {
                copyTree(root.resolve(part), dest.resolve(part));
            }
            // The student notebooks; the instructor's (notebooks/source: solutions, hidden checks) only with the
            // hidden suite.
            for (Path nb : grader.notebook.StudentNotebooks.list(root.resolve("notebooks"))) {
                copyFile(nb, dest.resolve("notebooks").resolve(nb.getFileName().toString()));
            }
            if (withHidden) {
                copyTree(layout.hiddenTests(), dest.resolve("tests/hidden"));
                copyTree(root.resolve("notebooks/source"), dest.resolve("notebooks/source"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy to " + dest + ": " + e.getMessage(), e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
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
