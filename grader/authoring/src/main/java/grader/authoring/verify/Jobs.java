package grader.authoring.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Runs the checks that grade many scratch copies (the catalogue, the TODOs one by one) a few at a time. */
final class Jobs {
    private Jobs() {
    }

    /** {@code task} of every item, {@code jobs} at a time, in the items' order. */
    static <T, R> List<R> map(List<T> items, int jobs, Function<T, R> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> task.apply(item)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a check failed: " + e.getCause(), e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
