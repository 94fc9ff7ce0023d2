package grader.run;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Notices non-daemon threads that a test started and left running. */
final class ThreadWatch {
    private static final long GRACE_MILLIS = 500;
    private Set<Thread> before = Set.of();

    void mark() {
        before = live();
    }

    /** The names of threads started since {@link #mark} that are still running after a short grace; else null. */
    String leftRunning() {
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        Set<Thread> extra = extra();
        while (!extra.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            extra = extra();
        }
        return extra.isEmpty() ? null : extra.stream().map(Thread::getName).sorted().collect(Collectors.joining(", "));
    }

    private Set<Thread> extra() {
        Set<Thread> now = live();
        now.removeAll(before);
        return now;
    }

    private static Set<Thread> live() {
        Set<Thread> out = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !t.isDaemon()) {
                out.add(t);
            }
        }
        return out;
    }
}
