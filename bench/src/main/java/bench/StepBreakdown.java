package bench;

import hw.data.Batch;
import hw.data.Batches;
import hw.model.GPT;
import hw.optim.Adam;
import hw.optim.AdamW;
import hw.optim.GradientClipping;
import hw.optim.Optimizer;
import hw.optim.ParamGroups;
import hw.tensor.NativeMemory;
import hw.tensor.Tensor;
import hw.train.Trainer;
import hw.train.TrainerConfig;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;

/**
 * Where a JKU training step's time goes: the step of {@link hw.train.Trainer#trainStep} taken phase by phase (the
 * forward pass and loss, the backward pass, clipping with the optimizer's step) on the model and optimizer a
 * {@link Trainer} prepared, with each phase's median time over a number of steps and its number of ND4J operations
 * (counted by ND4J's profiler in steps of their own, since counting slows the operations).
 */
final class StepBreakdown {
    /** Median milliseconds and operation counts per phase, and the collection that follows a step. */
    record Phases(double forwardMs, double backwardMs, double optimizerMs, double collectMs, long forwardOps,
            long backwardOps, long optimizerOps) {
        String describe() {
            return String.format(Locale.ROOT, "per training step: %d ND4J operations (forward %d, backward %d,"
                    + " clipping and optimizer %d); median ms: forward %.1f, backward %.1f, clipping and optimizer"
                    + " %.1f, garbage collection %.1f", forwardOps + backwardOps + optimizerOps, forwardOps,
                    backwardOps, optimizerOps, forwardMs, backwardMs, optimizerMs, collectMs);
        }
    }

    private StepBreakdown() {
    }

    /** Measures {@code steps} steps of the bench's training row (after a warm-up), then counts operations. */
    static Phases measure(int steps) {
        return measure(steps, true, true);
    }

    /** {@link #measure(int)}, optionally without the flat parameter groups or the per-step memory scope. */
    static Phases measure(int steps, boolean flat, boolean scoped) {
        GPT model = new GPT(KitBench.JKU);
        Random rng = new Random(1337);
        int[] data = rng.ints(50_000, 0, KitBench.JKU.vocabSize()).toArray();
        AdamW optimizer = new AdamW(ParamGroups.forWeightDecay(model, 0.1), 1e-3, Adam.DEFAULT_BETA,
                Adam.DEFAULT_GAMMA, Adam.DEFAULT_EPS);
        // A Trainer prepares the model and optimizer as in training (flat parameter groups); its loop is not used.
        TrainerConfig config = TrainerConfig.builder().steps(1).batchSize(KitBench.JKU_BATCH)
                .blockSize(KitBench.JKU.blockSize()).constantLr(1e-3).clipNorm(1.0).evalInterval(0).quiet(true)
                .seed(1337).build();
        Supplier<Batch> batches = Batches.sampler(data, KitBench.JKU_BATCH, KitBench.JKU.blockSize(), rng);
        if (flat) {
            new Trainer(model, optimizer, config, batches, batches);
        }
        for (int i = 0; i < 3; i++) {
            step(model, optimizer, batches.get(), null, scoped);
        }
        double[][] ms = new double[4][steps];
        for (int i = 0; i < steps; i++) {
            long[] t = step(model, optimizer, batches.get(), null, scoped);
            for (int p = 0; p < 4; p++) {
                ms[p][i] = t[p] / 1e6;
            }
        }
        long[] ops = new long[3];
        OpExecutioner executioner = Nd4j.getExecutioner();
        OpExecutioner.ProfilingMode before = executioner.getProfilingMode();
        executioner.setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
        try {
            step(model, optimizer, batches.get(), ops, scoped);
        } finally {
            executioner.setProfilingMode(before);
        }
        return new Phases(BenchCommand.median(ms[0]), BenchCommand.median(ms[1]), BenchCommand.median(ms[2]),
                BenchCommand.median(ms[3]), ops[0], ops[1], ops[2]);
    }

    /** One step as trainStep takes it with one micro-batch; returns the phases' nanoseconds, counts into ops. */
    private static long[] step(GPT model, Optimizer optimizer, Batch batch, long[] ops, boolean scoped) {
        NativeMemory.Scope scope = scoped ? SCOPES.next() : null;
        optimizer.zeroGrad();
        Tensor[] loss = new Tensor[1];
        Runnable[] phases = {
            () -> loss[0] = model.forward(batch.inputs(), batch.targets()).loss(),
            () -> loss[0].backward(),
            () -> {
                GradientClipping.clipGlobalNorm(optimizer.parameters(), 1.0);
                optimizer.setLearningRate(1e-3);
                optimizer.step();
            }};
        long[] t = new long[4];
        for (int p = 0; p < phases.length; p++) {
            long start = now(), count = operations();
            phases[p].run();
            t[p] = now() - start;
            if (ops != null) {
                ops[p] = operations() - count;
            }
        }
        if (scope != null) {
            scope.close();
        }
        long start = now();
        NativeMemory.collectIfGrown();
        t[3] = now() - start;
        return t;
    }

    /** Wall-clock nanoseconds, or this thread's CPU nanoseconds with -Dbench.cpuTime=true (steadier under load). */
    private static long now() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** The Trainer's scopes, for the steps taken here. */
    private static final NativeMemory.Repetitions SCOPES = new NativeMemory.Repetitions("training step");
    private static final boolean CPU_TIME = Boolean.getBoolean("bench.cpuTime");
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static long operations() {
        return OpProfiler.getInstance().getInvocationsCount();
    }

    public static void main(String[] args) {
        try (hw.tensor.Precision.Scope ignored = hw.tensor.Precision.use(org.nd4j.linalg.api.buffer.DataType.FLOAT)) {
            java.util.List<String> a = java.util.List.of(args);
            if (a.contains("--unchecked")) {
                NativeMemory.checkFirstScopesOnly(0);
            }
            System.out.println(measure(a.isEmpty() ? 10 : Integer.parseInt(args[0]), !a.contains("--no-flat"),
                    !a.contains("--no-scope")).describe());
        }
    }
}
