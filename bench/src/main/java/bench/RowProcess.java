package bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One side of a row, kit or PyTorch, running in a process of its own that has built and warmed up the row's work
 * and times one round whenever asked: the line protocol of {@link KitBench} (torch_bench.py's {@code --serve}
 * speaks the same). The bench asks the two sides in turn, so they never run at once.
 */
final class RowProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final String readyLine;

    private RowProcess(String name, Process process) throws IOException {
        this.name = name;
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.readyLine = answer("ready");
    }

    /** Starts the process and waits until it has warmed up; {@code name} says which side in messages. */
    static RowProcess start(String name, ProcessBuilder pb) throws IOException {
        return new RowProcess(name, pb.redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** What the process said after {@code ready} (PyTorch's side: its version and BLAS, as JSON). */
    String readyLine() {
        return readyLine;
    }

    /** Times one round; returns its rates. */
    KitBench.Rate round() throws IOException {
        String[] f = ask("round").split(" ");
        return new KitBench.Rate(Double.parseDouble(f[0]), Double.parseDouble(f[1]));
    }

    /** The process's peak resident memory in bytes (-1 when unknown). */
    long peak() throws IOException {
        return Long.parseLong(ask("peak").trim());
    }

    /** Sends a command and returns the rest of its answer line. */
    String ask(String command) throws IOException {
        in.println(command);
        return answer(command);
    }

    /** Reads lines until the one that starts with {@code word}; other lines (a library's chatter) are skipped. */
    private String answer(String word) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals(word)) {
                return "";
            }
            if (line.startsWith(word + " ")) {
                return line.substring(word.length() + 1);
            }
        }
        throw new IOException(name + " ended before answering '" + word + "' (exit " + exitValue() + ")");
    }

    private String exitValue() {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public void close() {
        in.println("quit");
        in.close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
