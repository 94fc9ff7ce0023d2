package grader.run;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects what tests print to System.out and System.err, up to a cap, so each test's output lands in its own
 * result instead of the grading process's console. Replacing System.out again (as a submission may) only stops
 * the capture; it cannot reach the grader's event channel.
 */
final class OutputCapture {
    static final String TRUNCATED = "\n[truncated]";

    private final int cap;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean truncated;

    private OutputCapture(int cap) {
        this.cap = cap;
    }

    /** Sends System.out and System.err into a new capture of at most {@code cap} bytes per test. */
    static OutputCapture install(int cap) {
        OutputCapture capture = new OutputCapture(cap);
        PrintStream stream = new PrintStream(capture.sink(), true, StandardCharsets.UTF_8);
        System.setOut(stream);
        System.setErr(stream);
        return capture;
    }

    private OutputStream sink() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (OutputCapture.this) {
                    if (buffer.size() < cap) {
                        buffer.write(b);
                    } else {
                        truncated = true;
                    }
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (OutputCapture.this) {
                    int room = Math.max(0, cap - buffer.size());
                    buffer.write(b, off, Math.min(room, len));
                    truncated |= len > room;
                }
            }
        };
    }

    /** What was printed since the last call, and starts over. */
    synchronized String take() {
        String s = buffer.toString(StandardCharsets.UTF_8) + (truncated ? TRUNCATED : "");
        buffer.reset();
        truncated = false;
        return s;
    }
}
