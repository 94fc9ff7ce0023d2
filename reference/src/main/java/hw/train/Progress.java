package hw.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The trainer's console output. On a terminal, one progress line redrawn in place (carriage return); elsewhere
 * (a log file, a CI job), a plain line every {@code logInterval} steps. Evaluations and messages get lines of
 * their own.
 */
final class Progress {
    private static final int BAR_WIDTH = 20;
    private static final long REDRAW_NANOS = 100_000_000L; // at most ten redraws a second

    private final PrintStream out;
    private final boolean terminal;
    private final int logInterval;
    private final boolean quiet;
    private final int totalSteps;
    private final long tokensPerStep;
    private long windowNanos;
    private long windowTokens;
    private long lastDraw;
    private double tokensPerSecond = Double.NaN;
    private boolean lineOpen;

    Progress(PrintStream out, boolean terminal, int logInterval, boolean quiet, int totalSteps, long tokensPerStep) {
        this.out = out;
        this.terminal = terminal;
        this.logInterval = logInterval;
        this.quiet = quiet;
        this.totalSteps = totalSteps;
        this.tokensPerStep = tokensPerStep;
    }

    /** Reports a finished step that took {@code nanos} (the speed counts training time only, not evaluations). */
    void step(int step, double loss, double learningRate, long nanos) {
        if (quiet) {
            return;
        }
        windowTokens += tokensPerStep;
        windowNanos += nanos;
        long now = System.nanoTime();
        boolean last = step == totalSteps;
        if (terminal) {
            if (now - lastDraw >= REDRAW_NANOS || last) {
                updateSpeed();
                out.print("\r" + line(step, loss, learningRate, true) + "  ");
                out.flush();
                lineOpen = true;
                lastDraw = now;
            }
        } else if (logInterval > 0 && (step % logInterval == 0 || step == 1 || last)) {
            updateSpeed();
            out.println(line(step, loss, learningRate, false));
        }
    }

    /** Reports an evaluation on a line of its own. */
    void eval(int step, double trainLoss, double valLoss) {
        message(String.format(Locale.ROOT, "step %d: train loss %.4f, val loss %.4f", step, trainLoss, valLoss));
    }

    /** Prints a line of its own (below the progress bar). */
    void message(String text) {
        if (quiet) {
            return;
        }
        closeLine();
        out.println(text);
        out.flush();
    }

    /** Ends the progress line, if one is open. */
    void closeLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    private void updateSpeed() {
        if (windowNanos > 0 && windowTokens > 0) {
            tokensPerSecond = windowTokens / (windowNanos / 1e9);
        }
        windowNanos = 0;
        windowTokens = 0;
    }

    String line(int step, double loss, double learningRate, boolean bar) {
        StringBuilder s = new StringBuilder();
        int digits = String.valueOf(totalSteps).length();
        s.append(String.format(Locale.ROOT, "step %" + digits + "d/%d", step, totalSteps));
        if (bar) {
            int filled = (int) Math.round(BAR_WIDTH * (double) step / totalSteps);
            s.append(" [").append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append(']');
        }
        s.append(String.format(Locale.ROOT, " loss %.4f  lr %.2e", loss, learningRate));
        if (!Double.isNaN(tokensPerSecond)) {
            s.append(String.format(Locale.ROOT, "  %,.0f tok/s", tokensPerSecond));
        }
        return s.toString();
    }
}
