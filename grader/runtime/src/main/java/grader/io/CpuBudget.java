package grader.io;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A time limit charged in CPU time: what a child process (with any process it started) has computed since the
 * limit began. A busy machine slows a child down but does not make it compute more, so the same code gets the
 * same verdict at any load, in a half-CPU container as on an idle laptop.
 *
 * <p>CPU time alone would let a child that sleeps or waits (a deadlock, {@code Thread.sleep}, reading standard
 * input) run for ever, so the wall clock stays as a backstop: the child is stopped once it has spent
 * {@link #IDLE_FACTOR} times its limit idle, in windows of {@link #WINDOW_NANOS} in which it computed less than
 * {@link #IDLE_SHARE} of one core. A child that a busy machine starves still computes (an endless loop got 3.6% of
 * a core at a load of 36 on two cores), so starving does not count against it; a sleeping one is stopped within
 * minutes. The windows are long because the operating system counts CPU time in ticks of 10 ms: in a short window
 * a starved child can show none.
 */
public final class CpuBudget {
    /** How many times its CPU limit a child may spend idle before it is stopped anyway. */
    public static final double IDLE_FACTOR = 5;
    /** Below this share of one core in a window, a child counts as idle (a sleeping JVM uses about 0.1%). */
    static final double IDLE_SHARE = 0.01;
    /** The windows in which idleness is judged. */
    static final long WINDOW_NANOS = 5_000_000_000L;
    /** Reading a process tree's CPU time costs a scan of /proc: not more often than this. */
    private static final long READ_EVERY_NANOS = 200_000_000L;

    /** Which limit a child overran: its CPU time, or the time it may spend idle. */
    public enum Overrun {
        CPU, IDLE
    }

    private final LongSupplier cpuNanos;
    private final LongSupplier wallNanos;
    private double limitSeconds;
    private long cpuStart;
    private long wallStart;
    private long cpuLast;
    private long lastRead;
    private long idle;
    private long windowStart;
    private long windowCpu;
    private boolean running;

    /** A budget charged in the CPU time of {@code process} and its descendants. */
    public CpuBudget(ProcessHandle process) {
        this(() -> treeCpuNanos(process), System::nanoTime);
    }

    /** For tests: any CPU and wall clocks, in nanoseconds. */
    CpuBudget(LongSupplier cpuNanos, LongSupplier wallNanos) {
        this.cpuNanos = cpuNanos;
        this.wallNanos = wallNanos;
    }

    /** Starts charging a new limit of {@code seconds} of CPU time from now. */
    public void start(double seconds) {
        limitSeconds = seconds;
        wallStart = wallNanos.getAsLong();
        lastRead = wallStart;
        cpuStart = cpuNanos.getAsLong();
        cpuLast = cpuStart;
        idle = 0;
        windowStart = wallStart;
        windowCpu = cpuStart;
        running = true;
    }

    /** Stops charging (until the next {@link #start}). */
    public void stop() {
        read(true);
        running = false;
    }

    /** The limit overrun, or null while within it (or when nothing is being charged). */
    public Overrun overrun() {
        if (!running) {
            return null;
        }
        read(false);
        if (cpuSeconds() > limitSeconds) {
            return Overrun.CPU;
        }
        return idleSeconds() > IDLE_FACTOR * limitSeconds ? Overrun.IDLE : null;
    }

    /** The limit being charged, in seconds of CPU time. */
    public double limitSeconds() {
        return limitSeconds;
    }

    /** CPU seconds charged since {@link #start} (as last read). */
    public double cpuSeconds() {
        return (cpuLast - cpuStart) / 1e9;
    }

    /** Wall-clock seconds since {@link #start} in which the child computed (next to) nothing. */
    public double idleSeconds() {
        return idle / 1e9;
    }

    /** Wall-clock seconds since {@link #start}. */
    public double wallSeconds() {
        return ((running ? wallNanos.getAsLong() : lastRead) - wallStart) / 1e9;
    }

    /** What a child that overran this budget is told: how long it ran, and what that suggests. */
    public String describe(Overrun overrun) {
        if (overrun == Overrun.CPU) {
            return String.format(Locale.ROOT, "timed out after %s s of CPU time", seconds(limitSeconds));
        }
        return String.format(Locale.ROOT, "stopped: it computed nothing for %s s (%.1f s of CPU time of its %s s in"
                + " all): it sleeps or waits (a deadlock, Thread.sleep, a read that never ends)",
                seconds(IDLE_FACTOR * limitSeconds), cpuSeconds(), seconds(limitSeconds));
    }

    private void read(boolean now) {
        long t = wallNanos.getAsLong();
        if (now || t - lastRead >= READ_EVERY_NANOS) {
            // CPU time never goes back, even when a descendant that had some has ended since the last read.
            cpuLast = Math.max(cpuLast, cpuNanos.getAsLong());
            lastRead = t;
            if (t - windowStart >= WINDOW_NANOS) {
                if (cpuLast - windowCpu < IDLE_SHARE * (t - windowStart)) {
                    idle += t - windowStart;
                }
                windowStart = t;
                windowCpu = cpuLast;
            }
        }
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s);
    }

    /**
     * CPU time of a process and its descendants, in nanoseconds: the descendants count because a child may be
     * started through a launcher that runs the JVM as a process of its own.
     */
    static long treeCpuNanos(ProcessHandle process) {
        long total = cpuNanos(process);
        for (ProcessHandle p : (Iterable<ProcessHandle>) process.descendants()::iterator) {
            total += cpuNanos(p);
        }
        return total;
    }

    private static long cpuNanos(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
