package grader.notebook;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grader.notebook.jshell.CellEvaluator;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM in which the grader runs one notebook's cells ({@link NotebookRunner} starts and bounds it): it
 * reads the run's token and then the notebook from standard input before any cell runs (so no file holds the
 * notebook's checks for a cell to read), evaluates the code cells in order with JShell
 * ({@link CellEvaluator}, as the kit's kernel does), and reports each cell's start and outputs as token-carrying
 * JSON lines on its real standard output. What the cells print is captured per cell, so no cell can write a line
 * the grader would take for a report.
 *
 * <pre>java -cp ... grader.notebook.NotebookChild NAME.ipynb KEY  &lt; (token line, notebook)</pre>
 */
public final class NotebookChild {
    /** What one cell may leave of printed output. */
    static final int OUTPUT_CAP = 1 << 20;
    private static final Gson GSON = new Gson();
    private static PrintStream channel;
    private static String token;
    private static volatile int current = -1;

    private NotebookChild() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        token = input.readLine();
        channel = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        if (token == null || token.isBlank() || args.length != 2) {
            System.err.println("usage: (token, then the notebook, on standard input) NotebookChild NAME KEY");
            Runtime.getRuntime().halt(2);
        }
        StringBuilder text = new StringBuilder();
        char[] chunk = new char[1 << 16];
        for (int n; (n = input.read(chunk)) >= 0; ) {
            text.append(chunk, 0, n);
        }
        Notebook nb = Notebook.parse(text.toString(), args[0], args[1]);
        Path folder = Path.of("").toAbsolutePath(); // the child's own working folder
        Capture out = new Capture();
        Capture err = new Capture();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (current >= 0) {
                send(event("exit", current)); // System.exit in a cell
            }
        }));
        List<JsonObject> cells = nb.cells();
        int count = 0;
        CellEvaluator cellsRun = new CellEvaluator(folder);
        cellsRun.start(); // JShell warms up while the first cells are read
        for (int i = 0; i < cells.size(); i++) {
            if (!Notebook.isCode(cells.get(i))) {
                continue;
            }
            current = i;
            send(event("start", i));
            CellEvaluator.Result r = cellsRun.eval(Notebook.source(cells.get(i)));
            System.out.flush();
            System.err.flush();
            count++;
            JsonArray outputs = new JsonArray();
            stream(outputs, "stdout", out.take());
            stream(outputs, "stderr", err.take());
            if (r.failure() != null) {
                outputs.add(CellOutputs.error(r.failure()));
            } else if (r.hasValue()) {
                outputs.add(CellOutputs.result(count, r.valueText()));
            }
            JsonObject done = event("done", i);
            done.addProperty("count", count);
            done.add("outputs", outputs);
            current = -1;
            send(done);
        }
        send(event("end", -1));
        Runtime.getRuntime().halt(0); // no clean-up to wait for, and a thread a cell left running must not keep the JVM
    }

    private static void stream(JsonArray outputs, String name, String text) {
        if (!text.isEmpty()) {
            outputs.add(CellOutputs.stream(name, text));
        }
    }

    private static JsonObject event(String type, int cell) {
        JsonObject e = new JsonObject();
        e.addProperty("token", token);
        e.addProperty("type", type);
        e.addProperty("cell", cell);
        return e;
    }

    private static synchronized void send(JsonObject event) {
        channel.println(GSON.toJson(event));
        channel.flush();
    }

    /** What a cell prints, up to {@link #OUTPUT_CAP}. */
    private static final class Capture extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private boolean truncated;

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, OUTPUT_CAP - buffer.size());
            buffer.write(b, off, Math.min(room, len));
            truncated |= len > room;
        }

        synchronized String take() {
            String s = buffer.toString(StandardCharsets.UTF_8) + (truncated ? "\n[output truncated]\n" : "");
            buffer.reset();
            truncated = false;
            return s;
        }
    }
}
