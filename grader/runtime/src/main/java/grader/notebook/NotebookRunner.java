package grader.notebook;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs notebooks headless through {@code nbrun.py} (nbclient, from Debian's python3-nbclient) with the kit's
 * kernel, a time limit on every kernel start and every cell, and one retry of a start that hangs.
 */
public final class NotebookRunner {
    /** What to install when Jupyter's client is missing. */
    public static final String INSTALL_HINT = "apt-get install --no-install-recommends python3-nbclient"
            + " python3-jupyter-client";

    /** How one notebook ran. */
    public record Run(String status, Integer cell, String message, double seconds, Path executed) {
        boolean ok() {
            return "ok".equals(status);
        }
    }

    /** The kernel (its jar, and the course that names it and its JVM options) and the time limits. */
    public record Settings(Path kernelJar, grader.course.Course course, double startTimeout, double cellTimeout,
            boolean stopOnError) {
    }

    private NotebookRunner() {
    }

    /** A python3 that can import nbclient, or null: Debian's first, then the PATH's. */
    public static String python() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import nbclient, nbformat, jupyter_client")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // not this one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /**
     * Runs each notebook (already prepared: its set-up cell names the class path) in {@code work}, returning each
     * one's run by file name. A notebook whose run left nothing says so; nothing here throws for a notebook.
     */
    public static Map<String, Run> run(List<Path> notebooks, Settings settings, Path work, Map<String, String> env)
            throws IOException, InterruptedException {
        String python = python();
        if (python == null) {
            throw new IllegalStateException("Jupyter is not installed (no python3 with nbclient): install it with "
                    + INSTALL_HINT);
        }
        Path out = work.resolve("executed");
        Files.createDirectories(out);
        Path jupyter = work.resolve("jupyter");
        KernelFiles.kernelSpec(jupyter.resolve("kernels"), settings.kernelJar(), settings.course());
        Path script = work.resolve("nbrun.py");
        try (InputStream in = NotebookRunner.class.getResourceAsStream("nbrun.py")) {
            if (in == null) {
                throw new IllegalStateException("nbrun.py is missing from the grader's resources");
            }
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // Two runners at a time where there are two cores: a notebook's kernel mostly waits on one compile thread.
        int jobs = Math.max(1, Math.min(Math.min(2, Runtime.getRuntime().availableProcessors()), notebooks.size()));
        List<Process> processes = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--start-timeout",
                    String.valueOf(Math.round(settings.startTimeout())), "--cell-timeout",
                    String.valueOf(Math.round(settings.cellTimeout())), "--out", out.toString()));
            if (settings.stopOnError()) {
                cmd.add("--stop-on-error");
            }
            for (int i = j; i < notebooks.size(); i += jobs) {
                cmd.add(notebooks.get(i).toString());
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(work.resolve("nbrun-" + j + ".log").toFile());
            pb.environment().put("JUPYTER_PATH", jupyter.toAbsolutePath().toString());
            pb.environment().put("JUPYTER_PLATFORM_DIRS", "1");
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().putAll(env);
            processes.add(pb.start());
        }
        // Two starts and every cell at its limit bound one notebook only by its cell count; a generous whole-run
        // bound still stops a runner that hangs outside any cell.
        long deadline = System.nanoTime() + (long) ((notebooks.size() * (2 * settings.startTimeout()
                + 20 * settings.cellTimeout()) + 60) * 1e9);
        for (Process p : processes) {
            long left = Math.max(1, deadline - System.nanoTime());
            if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        Map<String, Run> runs = new LinkedHashMap<>();
        for (Path n : notebooks) {
            String name = n.getFileName().toString();
            Path result = out.resolve(name + ".run.json");
            Path executed = out.resolve(name);
            if (!Files.isRegularFile(result)) {
                runs.put(name, new Run("not-run", null, "the notebook runner stopped before this notebook (see "
                        + work.resolve("nbrun-*.log") + ")", 0, null));
                continue;
            }
            JsonObject r = JsonParser.parseString(Files.readString(result, StandardCharsets.UTF_8)).getAsJsonObject();
            Integer cell = r.has("cell") && !r.get("cell").isJsonNull() ? r.get("cell").getAsInt() : null;
            runs.put(name, new Run(r.get("status").getAsString(), cell, r.get("message").getAsString(),
                    r.get("seconds").getAsDouble(), Files.isRegularFile(executed) ? executed : null));
        }
        return runs;
    }

    /** Reads a file, or "" (for logs in messages). */
    public static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
