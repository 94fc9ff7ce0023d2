package grader.authoring.verify;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import grader.course.Layout;
import grader.notebook.KernelFiles;
import grader.notebook.Notebook;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The same cells behave the same in Jupyter with the kit's kernel as in the grader: the notebooks the grader ran
 * (their planted mistakes included, so failures are compared too) run again through Jupyter's own headless client
 * (nbclient) on the kit's kernelspec, and every code cell must print the same, fail the same way and return the
 * same value. Where Jupyter's client is not installed this check is skipped with a message.
 */
final class KernelParity {
    /** Runs each notebook named on the command line with nbclient on the kernel named by the first argument. */
    private static final String EXECUTE = """
            import os, sys
            import nbformat
            from nbclient import NotebookClient
            kernel, timeout, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
            for path in sys.argv[4:]:
                nb = nbformat.read(path, as_version=4)
                client = NotebookClient(nb, kernel_name=kernel, timeout=timeout, startup_timeout=60,
                                        allow_errors=True, resources={"metadata": {"path": os.path.dirname(path)}})
                client.execute()
                nbformat.write(nb, os.path.join(out, os.path.basename(path)))
            """;
    private static final String HINT = "apt-get install python3-nbclient python3-jupyter-client";

    private KernelParity() {
    }

    /**
     * Compares the grader's run in {@code graderRun} (its {@code graded/} and {@code executed/} folders) with a
     * Jupyter run written to {@code out}; returns the differences, or nothing when they match or Jupyter is absent.
     */
    static List<String> check(Layout layout, Path graderRun, Path out, PrintStream console) throws IOException {
        String python = grader.authoring.PythonModules.find("nbclient", "nbformat", "jupyter_client");
        if (python == null) {
            console.println("kernel parity skipped: Jupyter's client is not installed here (" + HINT + "); the"
                    + " grader's runs above need only Java");
            return List.of();
        }
        List<Path> notebooks = new ArrayList<>();
        for (Path nb : Notebook.list(graderRun.resolve("graded"))) {
            Notebook n = Notebook.read(nb, layout.course().notebookKey());
            boolean quick = n.cells().stream().noneMatch(c -> n.meta(c) != null && n.meta(c).has("timeout"));
            if (quick && Files.isRegularFile(graderRun.resolve("executed").resolve(nb.getFileName()))) {
                notebooks.add(nb.toAbsolutePath());
            }
        }
        if (notebooks.isEmpty()) {
            return List.of("kernel parity: the grader ran no notebook to compare (" + graderRun + ")");
        }
        grader.io.FileOps.deleteTree(out);
        Files.createDirectories(out);
        Path jupyter = out.resolve("jupyter");
        KernelFiles.kernelSpec(jupyter.resolve("kernels"), layout.kernelClasspath(), layout.course());
        List<String> cmd = new ArrayList<>(List.of(python, "-c", EXECUTE, layout.course().name(), "120",
                out.toString()));
        notebooks.forEach(n -> cmd.add(n.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(out.resolve("nbclient.log").toFile());
        pb.environment().put("JUPYTER_PATH", jupyter.toAbsolutePath().toString());
        pb.environment().put("JUPYTER_PLATFORM_DIRS", "1");
        pb.environment().put("GRADER_CHECK_TOKEN", "parity"); // the checks print their report lines in both runs
        try {
            Process p = pb.start();
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                return List.of("kernel parity: Jupyter could not run the notebooks with the kit's kernel; see "
                        + out.resolve("nbclient.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("kernel parity: interrupted");
        }
        List<String> problems = new ArrayList<>();
        int cells = 0;
        for (Path nb : notebooks) {
            String name = nb.getFileName().toString();
            List<JsonObject> graded = Notebook.read(graderRun.resolve("executed").resolve(name), "").cells();
            List<JsonObject> inJupyter = Notebook.read(out.resolve(name), "").cells();
            for (int i = 0; i < graded.size(); i++) {
                if (!Notebook.isCode(graded.get(i))) {
                    continue;
                }
                cells++;
                String a = outputs(graded.get(i));
                String b = i < inJupyter.size() ? outputs(inJupyter.get(i)) : "(no cell)";
                if (!a.equals(b)) {
                    problems.add("kernel parity: " + name + " cell " + (i + 1) + " (\""
                            + Notebook.firstLine(graded.get(i)) + "\") differs:\n      grader:  " + a
                            + "\n      Jupyter: " + b);
                }
            }
        }
        console.printf("kernel parity: %d notebooks, %d code cells run in Jupyter with the kit's kernel: %s%n",
                notebooks.size(), cells, problems.isEmpty() ? "the same outputs as in the grader"
                        : problems.size() + " differ");
        return problems;
    }

    /**
     * A cell's outputs in a comparable form: its standard output and error (the report lines' run token left out),
     * its error's name and message, and its value.
     */
    static String outputs(JsonObject cell) {
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        StringBuilder rest = new StringBuilder();
        JsonElement outputs = cell.get("outputs");
        for (JsonElement e : outputs == null ? new com.google.gson.JsonArray() : outputs.getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            switch (String.valueOf(Notebook.string(o, "output_type"))) {
                case "stream" -> ("stderr".equals(Notebook.string(o, "name")) ? stderr : stdout)
                        .append(Notebook.text(o.get("text")));
                case "error" -> rest.append(" error ").append(Notebook.string(o, "ename")).append(": ")
                        .append(Notebook.string(o, "evalue"));
                case "execute_result" -> rest.append(" value ").append(Notebook.text(o.getAsJsonObject("data")
                        .get("text/plain")).replaceAll("@[0-9a-f]+$", "@…")); // an identity hash differs by run
                default -> rest.append(" ").append(Notebook.string(o, "output_type"));
            }
        }
        String printed = stdout.toString().replaceAll("##grader-check \\S+", "##grader-check TOKEN");
        return ("out " + printed + (stderr.length() > 0 ? " err " + stderr : "") + rest).replace("\n", "⏎");
    }


}
