package grader.notebook;

import grader.io.ChildSandbox;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import grader.io.CpuBudget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

/**
 * Runs notebooks headless with the JDK's JShell, each in a child JVM of its own ({@link NotebookChild}): only Java
 * is needed. Every cell has a time limit in CPU time ({@link CpuBudget}; a cell may ask for more with
 * {@code "timeout": seconds} in its grader metadata); a cell that overruns it, System.exit or a crash stops only that notebook, and the run says at which
 * cell. Two notebooks run side by side.
 */
public final class NotebookRunner {
    /** CPU seconds a child JVM may take before its first cell starts (and between two cells). */
    static final double START_LIMIT = 60;
    private static final int STDERR_TAIL = 1_500;

    /** How one notebook ran: ok, or error (a cell failed and the run stops on errors), timeout, dead. */
    public record Run(String status, Integer cell, String message, double seconds, Path executed) {
        boolean ok() {
            return "ok".equals(status);
        }
    }

    /**
     * The time limits and the course (its notebooks' metadata key, JVM options and environment).
     *
     * @param cellTimeout CPU seconds a cell may take unless it asks for more
     * @param stopOnError stop a notebook at its first failing cell
     */
    public record Settings(grader.course.Course course, double cellTimeout, boolean stopOnError) {
    }

    private NotebookRunner() {
    }

    /**
     * Runs each notebook (already prepared: its set-up cell names the class path) and returns each one's run by file
     * name; the executed notebooks go to {@code work/executed}. Nothing here throws for what a notebook does.
     */
    public static Map<String, Run> run(List<Path> notebooks, Settings settings, Path work, Map<String, String> env)
            throws IOException, InterruptedException {
        try (ChildSandbox sandbox = ChildSandbox.open(work)) {
            return run(notebooks, settings, work, env, sandbox);
        }
    }

    /** {@link #run(List, Settings, Path, Map)} with the children in {@code sandbox} (its user, its folder). */
    public static Map<String, Run> run(List<Path> notebooks, Settings settings, Path work, Map<String, String> env,
            ChildSandbox sandbox) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path out = work.resolve("executed");
        Files.createDirectories(out);
        Map<String, Run> runs = new ConcurrentHashMap<>();
        // Two at a time where there are two cores: most of a notebook's time is JShell compiling on one thread.
        int jobs = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<?>> futures = new ArrayList<>();
        for (Path nb : notebooks) {
            futures.add(pool.submit(() -> {
                Run r = runOne(nb, settings, out, work, env, sandbox);
                runs.put(nb.getFileName().toString(), r);
                log(work, String.format(Locale.ROOT, "cells: %s %s (%.1f s)%s", nb.getFileName(), r.status(),
                        r.seconds(), r.ok() ? "" : " at cell " + r.cell() + ": " + r.message()));
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the notebook runner failed: " + e.getCause(), e.getCause());
            }
        }
        log(work, String.format(Locale.ROOT, "all: %d notebook%s in %.1f s, %d at a time", notebooks.size(),
                notebooks.size() == 1 ? "" : "s", (System.nanoTime() - start) / 1e9, jobs));
        Map<String, Run> ordered = new java.util.LinkedHashMap<>();
        notebooks.forEach(n -> ordered.put(n.getFileName().toString(), runs.get(n.getFileName().toString())));
        return ordered;
    }

    private static Run runOne(Path file, Settings settings, Path out, Path work, Map<String, String> env,
            ChildSandbox sandbox) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String name = file.getFileName().toString();
        Notebook nb = Notebook.read(file, settings.course().notebookKey());
        String token = UUID.randomUUID().toString();
        Path stderr = work.resolve(name + ".stderr");
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        // A short-lived JVM that mostly compiles small snippets and runs a few hundred training steps: the quick
        // compiler alone and the serial collector need about half the CPU time of the defaults (measured on the
        // three graded notebooks), and leave the second core to the other notebook. Floating point is the same.
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.addAll(settings.course().kernelJvmOptions());
        cmd.add("-cp");
        cmd.add(sandbox.classpath(System.getProperty("java.class.path")));
        cmd.add(NotebookChild.class.getName());
        cmd.add(name);
        cmd.add(settings.course().notebookKey());
        ProcessBuilder pb = new ProcessBuilder(sandbox.command(cmd))
                .directory(sandbox.directory(file.toAbsolutePath().getParent()).toFile())
                .redirectError(stderr.toFile());
        pb.environment().putAll(settings.course().testEnvironment()); // the notebooks run the homework as its tests do
        pb.environment().putAll(env);
        Process process = pb.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write((token + "\n").getBytes(StandardCharsets.UTF_8));
            in.write(Files.readAllBytes(file)); // on standard input: no file of its checks for a cell to read
        } catch (IOException e) {
            // the child ended before it read its notebook: its exit status tells why
        }
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(process, token, events), "notebook-child-reader");
        reader.setDaemon(true);
        reader.start();

        List<JsonObject> cells = nb.cells();
        int current = -1;
        CpuBudget limit = new CpuBudget(process.toHandle());
        limit.start(START_LIMIT);
        Run outcome = null;
        String exitIn = null;
        while (outcome == null) {
            Object item = events.poll(50, TimeUnit.MILLISECONDS);
            if (item instanceof JsonObject e) {
                String type = e.get("type").getAsString();
                int cell = e.get("cell").getAsInt();
                switch (type) {
                    case "start" -> {
                        current = cell;
                        limit.start(cellLimit(nb, cells.get(cell), settings.cellTimeout()));
                    }
                    case "done" -> {
                        JsonObject c = cells.get(cell);
                        c.add("outputs", e.getAsJsonArray("outputs"));
                        c.addProperty("execution_count", e.get("count").getAsInt());
                        current = -1;
                        limit.start(START_LIMIT); // until the next cell starts, or the run ends
                        if (settings.stopOnError() && NotebookScorer.error(c) != null) {
                            outcome = run("error", cell, NotebookScorer.error(c), start, null);
                        }
                    }
                    case "exit" -> exitIn = String.valueOf(cell);
                    case "end" -> outcome = run("ok", null, "", start, null);
                    default -> {
                    }
                }
            } else if (item == END) {
                int status = waitFor(process);
                String where = current < 0 ? "before its first cell" : "in this cell";
                String why = exitIn != null ? "the cell ended the JVM (System.exit with status " + status + ");"
                        + " never call System.exit in a notebook"
                        : "the notebook's JVM ended " + where + " (exit status " + status + ")"
                                + (status == 3 ? ": it ran out of memory" : "") + tail(stderr);
                outcome = run("dead", current < 0 ? null : current, why, start, null);
            }
            CpuBudget.Overrun overrun = outcome == null ? limit.overrun() : null;
            if (overrun != null) {
                outcome = current < 0
                        ? run("dead", null, "the notebook's JVM did not go on to its next cell: "
                                + limit.describe(overrun) + tail(stderr), start, null)
                        : run("timeout", current, limit.describe(overrun), start, null);
            }
        }
        process.destroyForcibly();
        waitFor(process);
        Path executed = out.resolve(name);
        nb.write(executed);
        return new Run(outcome.status(), outcome.cell(), outcome.message(), outcome.seconds(), executed);
    }

    private static final Object END = new Object();

    private static void read(Process process, String token, BlockingQueue<Object> events) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonObject e = parse(line, token);
                if (e != null) {
                    events.add(e);
                }
            }
        } catch (IOException ignored) {
            // the child died; its exit status tells the rest
        } finally {
            events.add(END);
        }
    }

    /** The event on this line, or null when it is not one of this run's (a cell cannot print one). */
    private static JsonObject parse(String line, String token) {
        if (!line.startsWith("{") || !line.contains(token)) {
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(line);
            JsonObject o = e.isJsonObject() ? e.getAsJsonObject() : null;
            return o != null && token.equals(Notebook.string(o, "token")) && o.has("type") && o.has("cell") ? o : null;
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }

    /** A cell's limit: its own {@code "timeout"} in the grader's metadata, else the default. */
    static double cellLimit(Notebook nb, JsonObject cell, double fallback) {
        JsonObject meta = nb.meta(cell);
        JsonElement own = meta == null ? null : meta.get("timeout");
        if (own != null && own.isJsonPrimitive() && own.getAsJsonPrimitive().isNumber() && own.getAsDouble() > 0) {
            return own.getAsDouble();
        }
        return fallback;
    }

    private static Run run(String status, Integer cell, String message, long start, Path executed) {
        return new Run(status, cell, message, Math.round((System.nanoTime() - start) / 1e7) / 100.0, executed);
    }

    private static int waitFor(Process p) throws InterruptedException {
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
        }
        return p.exitValue();
    }

    private static String tail(Path stderr) {
        String s = readQuietly(stderr).strip();
        if (s.isEmpty()) {
            return "";
        }
        return "; its error output: " + (s.length() > STDERR_TAIL ? "…" + s.substring(s.length() - STDERR_TAIL) : s);
    }

    private static synchronized void log(Path work, String line) {
        try {
            Files.writeString(work.resolve("notebooks.log"), line + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
