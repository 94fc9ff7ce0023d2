package hw.train;

import hw.optim.LearningRateSchedule;
import hw.optim.WarmupCosine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a training run does. Build one with {@link #builder()}, which starts from defaults suited to a tiny GPT on
 * a CPU, and change what you need:
 *
 * <pre>{@code
 * TrainerConfig config = TrainerConfig.builder().steps(500).batchSize(16).blockSize(32).build();
 * }</pre>
 *
 * @param steps                 optimizer steps to train for (the schedule decays over them)
 * @param batchSize             B, sequences per micro-batch (training batches must have it)
 * @param blockSize             T, tokens per sequence (training batches must have it)
 * @param gradAccumulationSteps k micro-batches per optimizer step, so a step sees k·B sequences
 * @param maxLr                 the peak learning rate, after the warmup
 * @param minLr                 the learning rate at the end of the cosine decay
 * @param warmupSteps           steps of linear warmup (0: none)
 * @param clipNorm              the largest global gradient norm (0: no clipping)
 * @param evalInterval          estimate the train and validation loss every this many steps, at the start and at
 *                              the end (0: never)
 * @param evalBatches           batches per estimate
 * @param checkpointDir         where to save checkpoints (null: nowhere)
 * @param checkpointInterval    save every this many steps (0: only when train() returns); needs checkpointDir
 * @param outputDir             where to write losses.csv and losses.png (null: nowhere)
 * @param logInterval           on a terminal the progress bar redraws continuously; otherwise a progress line is
 *                              printed every this many steps (0: none)
 * @param quiet                 print nothing at all
 * @param seed                  the seed the caller built the model and the batch samplers with, kept in checkpoints
 *                              for the record (the trainer itself draws no random numbers)
 */
public record TrainerConfig(int steps, int batchSize, int blockSize, int gradAccumulationSteps, double maxLr,
        double minLr, int warmupSteps, double clipNorm, int evalInterval, int evalBatches, Path checkpointDir,
        int checkpointInterval, Path outputDir, int logInterval, boolean quiet, long seed) {

    public TrainerConfig {
        List<String> problems = new ArrayList<>();
        if (steps < 1) {
            problems.add("steps must be ≥ 1, got " + steps);
        }
        if (batchSize < 1 || blockSize < 1) {
            problems.add("batchSize and blockSize must be ≥ 1, got " + batchSize + " and " + blockSize);
        }
        if (gradAccumulationSteps < 1) {
            problems.add("gradAccumulationSteps must be ≥ 1, got " + gradAccumulationSteps);
        }
        if (!(maxLr > 0) || Double.isInfinite(maxLr) || !(minLr >= 0 && minLr <= maxLr)) {
            problems.add("need 0 ≤ minLr ≤ maxLr and maxLr > 0, got minLr = " + minLr + ", maxLr = " + maxLr);
        }
        if (warmupSteps < 0 || warmupSteps > steps) {
            problems.add("warmupSteps must be in [0, steps = " + steps + "], got " + warmupSteps);
        }
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
            problems.add("clipNorm must be ≥ 0 (0: no clipping), got " + clipNorm);
        }
        if (evalInterval < 0 || (evalInterval > 0 && evalBatches < 1)) {
            problems.add("evalInterval must be ≥ 0 and evalBatches ≥ 1, got " + evalInterval + " and " + evalBatches);
        }
        if (checkpointInterval < 0 || (checkpointInterval > 0 && checkpointDir == null)) {
            problems.add("checkpointInterval must be ≥ 0 and needs a checkpointDir, got " + checkpointInterval
                    + " and " + checkpointDir);
        }
        if (logInterval < 0) {
            problems.add("logInterval must be ≥ 0, got " + logInterval);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("TrainerConfig: " + String.join("; ", problems));
        }
    }

    /** The learning rate schedule: warmup to maxLr, then cosine decay to minLr at the last step. */
    public LearningRateSchedule schedule() {
        return new WarmupCosine(maxLr, minLr, warmupSteps, steps);
    }

    /** Tokens one optimizer step trains on: k·B·T. */
    public long tokensPerStep() {
        return (long) gradAccumulationSteps * batchSize * blockSize;
    }

    /** The settings that differ from {@code other}'s, as "name: this → other". */
    public List<String> differences(TrainerConfig other) {
        List<String> out = new ArrayList<>();
        var mine = getClass().getRecordComponents();
        for (var component : mine) {
            try {
                Object a = component.getAccessor().invoke(this);
                Object b = component.getAccessor().invoke(other);
                if (!Objects.equals(a, b)) {
                    out.add(component.getName() + ": " + a + " → " + b);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** Defaults: 2000 steps of 12 × 64 tokens, lr 1e-3 → 1e-4 after 100 warmup steps, clipping at 1. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.steps = steps;
        b.batchSize = batchSize;
        b.blockSize = blockSize;
        b.gradAccumulationSteps = gradAccumulationSteps;
        b.maxLr = maxLr;
        b.minLr = minLr;
        b.warmupSteps = warmupSteps;
        b.clipNorm = clipNorm;
        b.evalInterval = evalInterval;
        b.evalBatches = evalBatches;
        b.checkpointDir = checkpointDir;
        b.checkpointInterval = checkpointInterval;
        b.outputDir = outputDir;
        b.logInterval = logInterval;
        b.quiet = quiet;
        b.seed = seed;
        return b;
    }

    /** Builds a {@link TrainerConfig}; every setting starts at its default. */
    public static final class Builder {
        private int steps = 2000;
        private int batchSize = 12;
        private int blockSize = 64;
        private int gradAccumulationSteps = 1;
        private double maxLr = 1e-3;
        private double minLr = 1e-4;
        private int warmupSteps = 100;
        private double clipNorm = 1.0;
        private int evalInterval = 250;
        private int evalBatches = 20;
        private Path checkpointDir;
        private int checkpointInterval;
        private Path outputDir;
        private int logInterval = 10;
        private boolean quiet;
        private long seed = 1337;

        private Builder() {
        }

        public Builder steps(int v) {
            steps = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder blockSize(int v) {
            blockSize = v;
            return this;
        }

        public Builder gradAccumulationSteps(int v) {
            gradAccumulationSteps = v;
            return this;
        }

        public Builder maxLr(double v) {
            maxLr = v;
            return this;
        }

        public Builder minLr(double v) {
            minLr = v;
            return this;
        }

        public Builder warmupSteps(int v) {
            warmupSteps = v;
            return this;
        }

        /** A constant learning rate: maxLr = minLr = lr, no warmup. */
        public Builder constantLr(double lr) {
            maxLr = lr;
            minLr = lr;
            warmupSteps = 0;
            return this;
        }

        public Builder clipNorm(double v) {
            clipNorm = v;
            return this;
        }

        public Builder evalInterval(int v) {
            evalInterval = v;
            return this;
        }

        public Builder evalBatches(int v) {
            evalBatches = v;
            return this;
        }

        public Builder checkpointDir(Path v) {
            checkpointDir = v;
            return this;
        }

        public Builder checkpointInterval(int v) {
            checkpointInterval = v;
            return this;
        }

        public Builder outputDir(Path v) {
            outputDir = v;
            return this;
        }

        public Builder logInterval(int v) {
            logInterval = v;
            return this;
        }

        public Builder quiet(boolean v) {
            quiet = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public TrainerConfig build() {
            return new TrainerConfig(steps, batchSize, blockSize, gradAccumulationSteps, maxLr, minLr, warmupSteps,
                    clipNorm, evalInterval, evalBatches, checkpointDir, checkpointInterval, outputDir, logInterval,
                    quiet, seed);
        }
    }
}
