package grader.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The notebooks of a submission: every {@code .ipynb} in it, wherever it sits, matched to the homework's notebooks
 * by file name (Jupyter's checkpoints ignored), and graded with the instructor's notebooks' checks.
 */
final class NotebookSubmission {
    private NotebookSubmission() {
    }

    /** Collects the submitted notebooks into {@code into} and returns GradeMain's notebook options. */
    static List<String> gradeArgs(Layout layout, Path submission, Path into) throws IOException {
        Path sources = layout.root().resolve("notebooks/source");
        Path defs = Files.isDirectory(sources) ? sources : layout.root().resolve("notebooks");
        if (!Files.isDirectory(defs)) {
            return List.of();
        }
        Files.createDirectories(into);
        try (Stream<Path> files = Files.walk(submission)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".ipynb"))
                    .filter(p -> !p.toString().contains(".ipynb_checkpoints")).sorted().toList()) {
                Files.copy(f, into.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new ArrayList<>(List.of("--notebooks", into.toString(), "--notebook-sources", defs.toString(),
                "--kernel-jar", layout.root().resolve("tests/target/kernel/rapaio-jupyter-kernel.jar").toString()));
    }
}
