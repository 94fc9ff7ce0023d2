package grader.run;

import grader.io.ChildSandbox;
import grader.io.CpuBudget;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the graded units in child JVMs and charges each unit for whatever its child did: a time limit overrun
 * (the child is killed), System.exit, an error the engine could not contain (OutOfMemoryError), or a crash.
 * A test's limit is charged in its child's CPU time ({@link CpuBudget}), so a busy machine costs no points.
 * After a child dies, a fresh one runs the units that remain; a total wall-clock budget bounds the whole run.
 */
final class IsolatedRun implements AutoCloseable {
    private static final int STDERR_TAIL = 2_000;

    /** How to start and bound the children. */
    record Settings(String classpath, List<String> jvmArgs, Map<String, String> environment, List<Path> submission,
            double defaultTimeLimit, double budgetSeconds, int outputCap, Path workDir, Path compileReport,
            ChildMemory memory) {
    }

    private final Settings settings;
    private final TestCatalog catalog;
    private final long budgetDeadline;
    private final ChildSandbox sandbox;
    private int children;

    IsolatedRun(Settings settings, TestCatalog catalog) {
        this.settings = settings;
        this.catalog = catalog;
        this.budgetDeadline = System.nanoTime() + (long) (settings.budgetSeconds() * 1e9);
        this.sandbox = ChildSandbox.open(settings.workDir());
        try {
            // For the staff: whether the submission's code ran as the unprivileged user (Gradescope's setup makes it).
            Files.createDirectories(settings.workDir());
            Files.writeString(settings.workDir().resolve("child-sandbox.txt"), sandbox.describe() + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            sandbox.close();
            throw new UncheckedIOException("cannot write in " + settings.workDir() + ": " + e.getMessage(), e);
        }
    }

    /** Stops what the children left running and removes their sandbox. */
    @Override
    public void close() {
        sandbox.close();
    }

    /** Where a child works: a folder of its own when it runs as another user, else the work folder. */
    private Path childDir() {
        return sandbox.directory(settings.workDir());
    }

    void run() {
        Map<String, GradedUnit> remaining = new LinkedHashMap<>();
        catalog.units().forEach(u -> remaining.put(u.uniqueId, u));
        while (!remaining.isEmpty()) {
            if (System.nanoTime() > budgetDeadline) {
                remaining.values().forEach(u -> u.charge(Outcome.NOT_RUN, budgetMessage()));
                return;
            }
            int before = remaining.size();
            boolean started = runChild(remaining);
            if (!started && remaining.size() == before && System.nanoTime() <= budgetDeadline) {
                // The child ran nothing at all, and not for want of time: it will not do better next time.
                String why = "not run: the test JVM could not run the tests" + stderrTail();
                remaining.values().forEach(u -> u.charge(Outcome.NOT_RUN, why));
                return;
            }
        }
    }

    private String budgetMessage() {
        return String.format(Locale.ROOT, "not run: the total time budget of %.0f s ran out before this test",
                settings.budgetSeconds());
    }

    /** Runs one child over the remaining units; returns whether any unit started in it. */
    private boolean runChild(Map<String, GradedUnit> remaining) {
        children++;
        String token = UUID.randomUUID().toString();
        Path select = sandbox.shared("child-" + children + ".select");
        Path stderr = settings.workDir().resolve("child-" + children + ".stderr");
        Process process;
        try {
            Files.createDirectories(settings.workDir());
            Files.write(select, remaining.keySet(), StandardCharsets.UTF_8);
            // The child works in its own folder, so a file it writes by a relative name lands there.
            ProcessBuilder builder = new ProcessBuilder(sandbox.command(command(select)))
                    .directory(childDir().toFile()).redirectError(stderr.toFile());
            builder.environment().putAll(settings.environment());
            process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write((token + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test JVM: " + e.getMessage(), e);
        }
        BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(process, token, lines), "grader-child-reader");
        reader.setDaemon(true);
        reader.start();

        boolean anyStarted = false;
        GradedUnit current = null;
        CpuBudget limit = new CpuBudget(process.toHandle());
        StringBuilder stray = new StringBuilder();
        String exitDuring = null;
        String fatal = null;
        boolean done = false;
        boolean stopped = false;
        while (true) {
            Object item;
            try {
                item = lines.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("interrupted while grading", e);
            }
            if (item instanceof ChildEvent e) {
                GradedUnit unit = e.unit() == null ? null : remaining.get(e.unit());
                switch (e.type()) {
                    case "started" -> {
                        if (unit != null) {
                            anyStarted = true;
                            current = unit;
                            stray.setLength(0);
                            limit.start(limitOf(unit));
                        }
                    }
                    case "finished" -> {
                        if (unit != null) {
                            unit.outcome = Outcome.valueOf(e.outcome());
                            unit.output = e.message();
                            if (e.details() != null) {
                                unit.reproduction.putAll(e.details());
                            }
                            unit.appendPrinted(e.printed() + stray);
                            remaining.remove(unit.uniqueId);
                            stray.setLength(0);
                            if (unit == current) {
                                limit.stop();
                                unit.recordTimes(limit);
                                current = null;
                            }
                        }
                    }
                    case "exit" -> exitDuring = e.unit();
                    case "fatal" -> fatal = e.message();
                    case "done" -> done = true;
                    default -> {
                    }
                }
            } else if (item instanceof String line) {
                // Printed straight to the process's output, bypassing System.out (native libraries do).
                if (stray.length() < settings.outputCap()) {
                    stray.append(line).append('\n');
                }
            } else if (item == END) {
                break;
            }
            CpuBudget.Overrun overrun = current == null ? null : limit.overrun();
            if (overrun != null) {
                process.destroyForcibly();
                current.charge(Outcome.ERRORED, limit.describe(overrun) + (overrun == CpuBudget.Overrun.CPU
                        ? ": the test was stopped (an endless loop, or far too slow)" : ""));
                current.recordTimes(limit);
                remaining.remove(current.uniqueId);
                current = null;
                stopped = true;
            } else if (System.nanoTime() > budgetDeadline) {
                process.destroyForcibly();
                if (current != null) {
                    current.charge(Outcome.NOT_RUN, "stopped: the total time budget of "
                            + trim(settings.budgetSeconds()) + " s ran out while this test ran");
                    remaining.remove(current.uniqueId);
                    current = null;
                }
                stopped = true;
            }
        }
        int status = waitFor(process);
        if (current != null && !stopped) {
            current.charge(Outcome.ERRORED, crashMessage(current, status, exitDuring, fatal, stderr, process.pid()));
            current.appendPrinted(stray.toString());
            remaining.remove(current.uniqueId);
        }
        if (done && !stopped) {
            // The child finished its selection; anything it never reported could not be found there.
            for (GradedUnit u : List.copyOf(remaining.values())) {
                u.charge(Outcome.NOT_RUN, "not run: the test JVM did not find this test");
                remaining.remove(u.uniqueId);
            }
        }
        lastStderr = stderr;
        return anyStarted;
    }

    private Path lastStderr;
    private static final Object END = new Object();

    private static void readLines(Process process, String token, BlockingQueue<Object> out) {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                ChildEvent e = ChildEvent.parse(line, token);
                out.add(e != null ? e : line);
            }
        } catch (IOException ignored) {
            // The child died; its exit status tells the rest.
        } finally {
            out.add(END); // whatever ended the reading, the supervisor must not wait for ever
        }
    }

    private String crashMessage(GradedUnit unit, int status, String exitDuring, String fatal, Path stderr,
            long pid) {
        if (unit.uniqueId.equals(exitDuring)) {
            return "your code ended the JVM while this test ran (System.exit with status " + status + "); never call"
                    + " System.exit in homework code";
        }
        if (fatal != null) {
            boolean memory = fatal.startsWith("java.lang.OutOfMemoryError");
            return "the test " + (memory ? "ran out of memory" : "failed fatally") + ": " + fatal
                    + (memory ? memoryAdvice() : "");
        }
        if (status == 3) {
            return "the test ran out of memory (Java heap): look for arrays that grow without bound" + memoryAdvice();
        }
        if (status == 137) {
            // SIGKILL, and not from the grader (a timeout is charged before this): the kernel's OOM killer.
            return "the test JVM was killed (SIGKILL) while this test ran, most likely by the kernel because the"
                    + " container ran out of memory" + memoryAdvice() + stderrTail(stderr);
        }
        boolean crashLog = Files.exists(childDir().resolve("hs_err_pid" + pid + ".log"));
        if (crashLog || status == 134 || status == 139) {
            return "the JVM crashed in native code while this test ran (exit status " + status + "): in a native"
                    + " array library this is usually an index out of range or an operation on arrays of the wrong"
                    + " shape" + stderrTail(stderr);
        }
        return "the JVM ended abruptly while this test ran (exit status " + status + "): Runtime.halt, a crash, or"
                + " the operating system stopped it" + stderrTail(stderr);
    }

    private String memoryAdvice() {
        return settings.memory() == null ? "" : settings.memory().outOfMemoryAdvice();
    }

    private String stderrTail() {
        return lastStderr == null ? "" : stderrTail(lastStderr);
    }

    private static String stderrTail(Path stderr) {
        try {
            String s = Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8).strip() : "";
            if (s.isEmpty()) {
                return "";
            }
            return "\n--- the test JVM's error output ---\n"
                    + (s.length() > STDERR_TAIL ? "[truncated]…" + s.substring(s.length() - STDERR_TAIL) : s);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private double limitOf(GradedUnit unit) {
        return unit.timeLimit != null ? unit.timeLimit : settings.defaultTimeLimit();
    }

    private static int waitFor(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    private List<String> command(Path select) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:ErrorFile=" + childDir().toAbsolutePath().resolve("hs_err_pid%p.log"));
        cmd.addAll(settings.jvmArgs());
        cmd.add("-cp");
        cmd.add(sandbox.classpath(settings.classpath()));
        cmd.add(ChildMain.class.getName());
        for (Path s : settings.submission()) {
            cmd.add("--submission");
            cmd.add(sandbox.visible(s).toString());
        }
        cmd.add("--select");
        cmd.add(sandbox.visible(select).toString());
        cmd.add("--jqwik-database");
        cmd.add(childDir().toAbsolutePath().resolve("jqwik-database-" + children).toString());
        cmd.add("--output-cap");
        cmd.add(String.valueOf(settings.outputCap()));
        if (settings.compileReport() != null) {
            cmd.add("--compile-report");
            cmd.add(sandbox.visible(settings.compileReport()).toString());
        }
        return cmd;
    }

    private static String trim(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    /** The class path the children need: the given one plus any extra roots (hidden tests). */
    static String classpath(String base, List<Path> extra) {
        List<String> entries = new ArrayList<>();
        for (String e : base.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(Paths.get(e).toAbsolutePath().toString());
            }
        }
        extra.forEach(p -> entries.add(p.toAbsolutePath().toString()));
        return String.join(File.pathSeparator, entries);
    }
}
