package hw.tensor;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.ProfilerConfig;

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
 *
 * <p><b>Scopes.</b> The Trainer runs each training step in a scope ({@link Repetitions}): ND4J's workspace, one
 * block of memory that every array made inside takes its place in and that the next step uses again. No
 * allocation, no page faults, no collection: nothing of a step outlives it but what is kept on purpose
 * ({@link #keep}, a parameter's gradient in its flat group, the optimizer's buffers, made outside). An array made
 * in one step and used in a later one would read numbers of the later one, so
 * ND4J checks every operation's arrays (its "scope panic" checks, on by default) and reports such a use as an
 * error. The command line switches the checks off after the first scopes ({@link #checkFirstScopesOnly}), when a
 * module that keeps an array across steps has shown itself; tests and grading keep them on.
 */
public final class NativeMemory {
    private static final long MB = 1L << 20;
    private static final long MAX_ALLOWANCE = 64 * MB;
    private static final long MIN_ALLOWANCE = 8 * MB;
    /** Bytes of operation results since the last collection; updated without locking, so approximate. */
    private static long produced;

    private NativeMemory() {
    }

    /** Scopes closed so far, and after how many the checks go off (the command line's choice; never otherwise). */
    private static int scopesClosed;
    private static int checkedScopes = Integer.MAX_VALUE;

    /**
     * The scopes of one loop's repetitions (a Trainer's steps). The first repetition runs without a workspace and
     * shows how much memory one needs (three times the bytes of its operations' results: gradients and temporaries
     * come on top; a JKU step made 117 MB of results and 323 MB in all); the following ones run in a workspace of that size when it is within {@link #scopeBudget()}, and
     * without one otherwise. Nothing is freed inside a scope, so a repetition larger than the budget (the jku
     * preset's batches of 32) leaves its arrays to the collector, which frees them as they die: memory stays
     * bounded.
     */
    public static final class Repetitions {
        private final String name;
        private long bytesPerRepetition = -1; // unknown before the first repetition
        private WorkspaceConfiguration memory;  // null: repetitions run without a workspace

        public Repetitions(String name) {
            this.name = name;
        }

        /** Opens the scope of the next repetition; close it (try-with-resources) when the repetition is done. */
        public Scope next() {
            if (bytesPerRepetition < 0) {
                long before = produced;
                return new Scope(null, () -> decide(3 * Math.max(0, produced - before)));
            }
            return new Scope(memory == null ? null
                    : Nd4j.getWorkspaceManager().getAndActivateWorkspace(memory, name), () -> { });
        }

        private void decide(long bytes) {
            bytesPerRepetition = bytes;
            if (bytes > 0 && bytes <= scopeBudget()) {
                memory = WorkspaceConfiguration.builder().initialSize(bytes).policyLearning(LearningPolicy.NONE)
                        .policyAllocation(AllocationPolicy.STRICT).policySpill(SpillPolicy.REALLOCATE).build();
            }
        }

        /** Whether the repetitions after the first run in a workspace (false before the first has run). */
        public boolean scoped() {
            return memory != null;
        }
    }

    /**
     * The most memory a repetition's workspace may take: 512 MB, or an eighth of JavaCPP's limit on the resident
     * memory ({@code -Dorg.bytedeco.javacpp.maxphysicalbytes}) when that is smaller.
     */
    public static long scopeBudget() {
        long limit = Pointer.maxPhysicalBytes();
        return limit > 0 ? Math.min(512 * MB, limit / 8) : 512 * MB;
    }

    /** A repetition's scope ({@link Repetitions#next()}); closing it twice is harmless. */
    public static final class Scope implements AutoCloseable {
        private MemoryWorkspace workspace; // null: no workspace
        private Runnable onClose;

        private Scope(MemoryWorkspace workspace, Runnable onClose) {
            this.workspace = workspace;
            this.onClose = onClose;
        }

        @Override
        public void close() {
            if (onClose == null) {
                return;
            }
            if (workspace != null) {
                workspace.close();
                workspace = null;
            }
            onClose.run();
            onClose = null;
            if (++scopesClosed == checkedScopes) {
                uncheckedOperations();
            }
        }
    }

    /**
     * ND4J's checks of every operation (that no array outlived its scope) stay on for the first {@code scopes}
     * scopes only, then go off: the command line's choice (a module that keeps an array from one step to the next
     * fails in the second step, loudly). Tests and grading never call this.
     */
    public static void checkFirstScopesOnly(int scopes) {
        checkedScopes = scopesClosed + scopes;
        if (scopes <= 0) {
            uncheckedOperations();
        }
    }

    private static void uncheckedOperations() {
        OpExecutioner executioner = Nd4j.getExecutioner();
        executioner.setProfilingConfig(ProfilerConfig.builder().checkWorkspaces(false).build());
        executioner.setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
    }

    /**
     * {@code x} itself when it lives outside every workspace, else a copy made outside: for an array that must
     * outlive the current scope (a gradient kept after the step).
     */
    public static INDArray keep(INDArray x) {
        return x.isAttached() ? x.detach() : x;
    }

    /** A new copy of {@code x} made outside every workspace. */
    public static INDArray copyOutside(INDArray x) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return x.dup();
        }
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
        if (value.isAttached()) {
            return; // in a workspace: its memory is reused by the next scope, not by a collection
        }
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
