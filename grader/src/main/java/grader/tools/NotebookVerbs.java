package grader.tools;

import grader.notebook.KernelFiles;
import grader.notebook.NotebookCheck;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The kit's notebook verbs: {@code notebooks} (the instructor's check of every notebook) and {@code kernel}. */
final class NotebookVerbs {
    private NotebookVerbs() {
    }

    /** Runs every source notebook on the reference (see {@link NotebookCheck}); returns the exit status. */
    static int check(Layout layout, List<String> rest) throws IOException {
        List<String> args = new ArrayList<>(List.of("--sources", layout.root().resolve("notebooks/source").toString(),
                "--classpath", layout.reference().resolve("target/classes") + File.pathSeparator
                        + layout.dependencyClasspath(),
                "--kernel-jar", kernelJar(layout).toString(),
                "--out", layout.root().resolve("tests/target/notebook-check").toString()));
        args.addAll(rest);
        return NotebookCheck.exitStatus(args.toArray(String[]::new));
    }

    static void kernel(Layout layout) {
        KernelFiles.install(layout.root(), layout.dependencyClasspath()).forEach(p -> System.out.println("wrote " + p));
        System.out.println("open the notebooks with: jupyter notebook notebooks/");
    }

    private static Path kernelJar(Layout layout) {
        return layout.root().resolve("tests/target/kernel/rapaio-jupyter-kernel.jar");
    }
}
