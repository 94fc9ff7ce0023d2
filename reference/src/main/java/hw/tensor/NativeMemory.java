package hw.tensor;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Returns the memory of arrays nobody uses any more to the system.
 *
 * <p>ND4J keeps each array's numbers outside the Java heap and frees them only after Java's garbage collector
 * has found the array unreachable. A training step or a sampled token leaves megabytes of such arrays behind
 * (every intermediate of the graph and its gradient) but adds little to the Java heap, so the collector seldom
 * runs on its own: memory grows until JavaCPP's limit, where each allocation stalls while it forces collections
 * (measured on the tiny preset: 200–900 ms a step and 6 GB, against 65 ms and 0.3 GB with collections).
 *
 * <p>A full collection costs 10–70 ms (it walks ND4J's bookkeeping of every array made since the last one):
 * little next to a training step of a real model, but several of a cached sampler's tokens. So the loops call
 * {@link #collectIfGrown()} once per step or token, and it collects only once the operations have produced
 * {@link #allowance()} bytes of new arrays since the last collection ({@link Tensor#fromOp} counts them, views
 * of their inputs excepted; gradients and temporaries come on top, about as much again). A JKU-sized training
 * step produces more than that, so it still collects every step; a cached sampler collects every few dozen
 * tokens. Between these, young collections free the arrays that died young, when the heap's young generation is
 * small (the command line runs with {@code -Xmn16m}).
 */
public final class NativeMemory {
    private static final long MB = 1L << 20;
    private static final long MAX_ALLOWANCE = 64 * MB;
    private static final long MIN_ALLOWANCE = 8 * MB;
    /** Bytes of operation results since the last collection; updated without locking, so approximate. */
    private static long produced;

    private NativeMemory() {
    }

    /** Collects garbage now, so the arrays dropped since give back their off-heap memory. */
    public static void collectGarbage() {
        produced = 0;
        System.gc();
    }

    /**
     * Counts an operation's result (called by {@link Tensor#fromOp}), unless it is a view of one of the inputs
     * (a reshape, a permute): a view allocates no numbers of its own.
     */
    static void produced(INDArray value, Tensor... inputs) {
        long address = value.data().address();
        for (Tensor input : inputs) {
            if (input.data().data().address() == address) {
                return;
            }
        }
        produced += value.length() * value.dataType().width();
    }

    /** The bytes counted since the last collection (for tests). */
    static long producedSinceCollection() {
        return produced;
    }

    /**
     * Collects garbage if the operations have produced more than {@link #allowance()} bytes since the last
     * collection; returns whether it did. Costs nothing otherwise.
     */
    public static boolean collectIfGrown() {
        if (produced > allowance()) {
            collectGarbage();
            return true;
        }
        return false;
    }

    /**
     * How many bytes of results may pile up between collections: 64 MB, or a 64th of JavaCPP's limit on the
     * resident memory ({@code -Dorg.bytedeco.javacpp.maxphysicalbytes}, which the grader sets from the
     * container's memory) when that is smaller, but at least 8 MB.
     */
    public static long allowance() {
        long limit = Pointer.maxPhysicalBytes();
        return limit > 0 ? Math.max(MIN_ALLOWANCE, Math.min(MAX_ALLOWANCE, limit / 64)) : MAX_ALLOWANCE;
    }
}
