package hw.train;

import hw.data.Batch;
import hw.data.Batches;
import hw.model.LanguageModel;
import hw.nn.Module;
import hw.optim.GradientClipping;
import hw.optim.LearningRateSchedule;
import hw.optim.Optimizer;
import hw.tensor.NativeMemory;
import hw.tensor.Tensor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Trains a language model: the loop around {@link #trainStep}, with a learning-rate schedule, gradient
 * accumulation and clipping, periodic loss estimates, progress output, loss curves (CSV and PNG) and checkpoints.
 *
 * <pre>{@code
 * Trainer trainer = new Trainer(gpt, new AdamW(ParamGroups.forWeightDecay(gpt, 0.1)), config,
 *         () -> trainBatch(rng), () -> valBatch(rng));
 * trainer.train();
 * }</pre>
 *
 * <p><b>Resuming exactly.</b> A checkpoint holds the parameters, the optimizer's state, the loss history, the
 * dropout generators' positions and how many batches were drawn from each sampler. To continue, build the model,
 * optimizer and samplers afresh exactly as the first time (same seeds), then call {@link #resume}: it loads the
 * checkpoint and skips the batches already drawn, so the run continues as if it had never stopped. This needs
 * samplers that are deterministic — a fresh one built the same way yields the same batches.
 */
public class Trainer {
    private final LanguageModel model;
    private final Module module;
    private final Optimizer optimizer;
    private final TrainerConfig config;
    private final LearningRateSchedule schedule;
    private final CountingSupplier trainBatches;
    private final CountingSupplier valBatches;
    private TrainingHistory history = new TrainingHistory();
    private final NativeMemory.Repetitions stepScopes = new NativeMemory.Repetitions("training step");
    private PrintStream out = System.out;
    private Boolean terminal; // null: decide from System.console()

    /**
     * @param model        the model to train (a {@link Module}, e.g. a GPT)
     * @param optimizer    an optimizer over the model's parameters
     * @param config       what to do
     * @param trainBatches training batches of config's batchSize × blockSize
     * @param valBatches   validation batches, for the loss estimates
     */
    public Trainer(LanguageModel model, Optimizer optimizer, TrainerConfig config, Supplier<Batch> trainBatches,
            Supplier<Batch> valBatches) {
        if (optimizer == null || config == null || trainBatches == null || valBatches == null) {
            throw new IllegalArgumentException("Trainer: the optimizer, config and batch samplers must not be null");
        }
        this.model = model;
        this.module = Checkpoint.asModule(model);
        this.optimizer = optimizer;
        this.config = config;
        this.schedule = config.schedule();
        this.trainBatches = new CountingSupplier(trainBatches);
        this.valBatches = new CountingSupplier(valBatches);
        // Clipping and the step then work on one array per group, not one per parameter (Optimizer explains).
        optimizer.flattenParameters();
    }

    /** Sends progress output to {@code stream} (default: System.out); returns this trainer. */
    public Trainer logTo(PrintStream stream) {
        this.out = stream;
        return this;
    }

    /** Draws the progress bar in place (true) or prints plain lines (false); by default, in place on a terminal. */
    public Trainer redrawInPlace(boolean inPlace) {
        this.terminal = inPlace;
        return this;
    }

    public TrainerConfig config() {
        return config;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The loss curves so far. */
    public TrainingHistory history() {
        return history;
    }

    /** The number of optimizer steps taken (the optimizer's count). */
    public int step() {
        return (int) optimizer.stepCount();
    }

    /** Trains until step {@code config.steps()}; returns the loss curves. */
    public TrainingHistory train() {
        return train(config.steps());
    }

    /**
     * Trains until step {@code untilStep} (at most {@code config.steps()}), so a run can stop early and later
     * continue with the same schedule. Evaluates at step 0 (when starting fresh), every evalInterval steps and at
     * the last step; saves a checkpoint every checkpointInterval steps and before returning (with a
     * checkpointDir); writes losses.csv and losses.png into outputDir at every evaluation and before returning.
     */
    public TrainingHistory train(int untilStep) {
        if (untilStep < step() || untilStep > config.steps()) {
            throw new IllegalArgumentException("Trainer.train: untilStep must be in [" + step() + ", " + config.steps()
                    + "] (from the current step to config.steps()), got " + untilStep);
        }
        Progress progress = new Progress(out, terminal != null ? terminal : System.console() != null,
                config.logInterval(), config.quiet(), config.steps(), config.tokensPerStep());
        if (step() == 0 && history.isEmpty()) {
            progress.message("training " + model.getClass().getSimpleName() + " (" + module.parameterCount()
                    + " parameters) with " + optimizer.describe() + " for " + config.steps() + " steps of "
                    + config.tokensPerStep() + " tokens");
            if (config.evalInterval() > 0) {
                evaluate(0, progress);
            }
        }
        boolean savedLast = false;
        boolean diverged = false;
        try {
            module.train();
            while (step() < untilStep) {
                int s = step() + 1;
                long start = System.nanoTime();
                List<Batch> micro = new ArrayList<>(config.gradAccumulationSteps());
                for (int i = 0; i < config.gradAccumulationSteps(); i++) {
                    micro.add(checkShape(trainBatches.get()));
                }
                double loss;
                // The step's arrays live in memory the next step reuses (NativeMemory explains); what it keeps
                // (parameters, gradients, the optimizer's buffers) lives outside.
                try (NativeMemory.Scope ignored = stepScopes.next()) {
                    loss = trainStep(model, optimizer, micro, schedule, config.clipNorm());
                }
                NativeMemory.collectIfGrown(); // arrays made outside the scope still wait for a collection
                if (step() != s) {
                    throw new IllegalStateException("Trainer: after a training step the optimizer counts " + step()
                            + " steps, expected " + s + " (does its step() call nextStep() exactly once?)");
                }
                history.recordStep(s, optimizer.learningRate(), loss);
                progress.step(s, loss, optimizer.learningRate(), System.nanoTime() - start);
                if (!Double.isFinite(loss)) {
                    progress.message("step " + s + ": the loss is " + loss + " — training diverged; stopping (the"
                            + " last checkpoint is kept). Try a smaller learning rate, or clipping");
                    diverged = true;
                    break;
                }
                if (config.evalInterval() > 0 && (s % config.evalInterval() == 0 || s == config.steps())) {
                    evaluate(s, progress);
                    writeOutputs(progress);
                }
                savedLast = false;
                if (config.checkpointDir() != null && config.checkpointInterval() > 0
                        && s % config.checkpointInterval() == 0) {
                    saveCheckpoint(config.checkpointDir());
                    savedLast = true;
                }
            }
            if (config.checkpointDir() != null && !savedLast && !diverged) {
                saveCheckpoint(config.checkpointDir());
            }
            writeOutputs(progress);
        } catch (IOException e) {
            throw new UncheckedIOException("Trainer: cannot save a checkpoint: " + e.getMessage(), e);
        } finally {
            progress.closeLine();
        }
        return history;
    }

    /** Estimates the training and validation loss (evalBatches each), records them at the current step. */
    public TrainingHistory.Row evaluate() {
        evaluate(step(), new Progress(out, false, 0, true, config.steps(), config.tokensPerStep()));
        return history.last();
    }

    private void evaluate(int s, Progress progress) {
        double trainLoss = Batches.estimateLoss(model, trainBatches, config.evalBatches());
        double valLoss = Batches.estimateLoss(model, valBatches, config.evalBatches());
        history.recordEval(s, trainLoss, valLoss);
        progress.eval(s, trainLoss, valLoss);
    }

    /** Saves a checkpoint of the current state into {@code dir}. */
    public void saveCheckpoint(Path dir) throws IOException {
        Checkpoint.save(dir, model, optimizer,
                new Checkpoint.TrainerState(config, trainBatches.count, valBatches.count, history));
    }

    /**
     * Continues from the checkpoint in {@code dir}: loads the parameters, the optimizer's state, the dropout
     * generators and the history, and skips the batches the saved run had drawn from each sampler. Call it on a
     * fresh trainer whose model, optimizer and samplers were built as in the saved run. A configuration that
     * differs from the saved one is allowed (e.g. more steps); the differences are printed.
     */
    public void resume(Path dir) throws IOException {
        if (trainBatches.count != 0 || valBatches.count != 0 || !history.isEmpty()) {
            throw new IllegalStateException("Trainer.resume: this trainer has already drawn batches; resume on a"
                    + " fresh trainer with fresh batch samplers");
        }
        Checkpoint.TrainerState state = Checkpoint.load(dir, model, optimizer);
        List<String> differences = state.config().differences(config);
        if (!differences.isEmpty() && !config.quiet()) {
            out.println("resuming with a changed configuration: " + String.join(", ", differences));
        }
        trainBatches.skip(state.trainBatchesDrawn());
        valBatches.skip(state.valBatchesDrawn());
        history = state.history();
        if (!config.quiet()) {
            out.println("resumed from " + dir + " at step " + step());
        }
    }

    private void writeOutputs(Progress progress) {
        if (config.outputDir() == null) {
            return;
        }
        history.writeCsv(config.outputDir().resolve("losses.csv"));
        try {
            LossPlot.write(history, config.outputDir().resolve("losses.png"));
        } catch (IOException | RuntimeException | LinkageError e) {
            // A missing font or graphics library must not stop training; the CSV has the numbers.
            progress.message("could not draw losses.png: " + e);
        }
    }

    private Batch checkShape(Batch b) {
        if (b.batchSize() != config.batchSize() || b.blockSize() != config.blockSize()) {
            throw new IllegalArgumentException("Trainer: a training batch has shape [" + b.batchSize() + ", "
                    + b.blockSize() + "], the configuration says batchSize = " + config.batchSize() + ", blockSize = "
                    + config.blockSize());
        }
        return b;
    }

    /**
     * Problem 6.6 — one optimizer step with gradient accumulation over k = {@code microBatches.size()}
     * micro-batches:
     * <ol>
     *   <li>forget the previous gradients ({@link Optimizer#zeroGrad()});</li>
     *   <li>for each micro-batch: compute its mean loss ({@code model.forward(inputs, targets).loss()}), divide
     *       it by k and backpropagate. Gradients add up over backward passes, so after k of them they are the
     *       gradient of the mean loss over all k·B sequences — as if from one batch k times larger, in 1/k of the
     *       memory;</li>
     *   <li>when {@code clipNorm} &gt; 0, clip the global norm of the gradients of {@code optimizer.parameters()}
     *       to it ({@link GradientClipping#clipGlobalNorm});</li>
     *   <li>set the optimizer's learning rate to {@code schedule.at(s)}, s = stepCount() + 1 being the number of
     *       the step about to be taken (steps count from 1);</li>
     *   <li>take the optimizer step.</li>
     * </ol>
     * Return the mean of the k micro-batch losses (each before dividing by k).
     *
     * <p>Needs Problems 1.3, 1.4 and 6.5 first: the step backpropagates the loss and clips the gradients.
     */
    public static double trainStep(LanguageModel model, Optimizer optimizer, List<Batch> microBatches,
            LearningRateSchedule schedule, double clipNorm) {
        if (microBatches == null || microBatches.isEmpty()) {
            throw new IllegalArgumentException("trainStep: needs at least one micro-batch");
        }
        // BEGIN SOLUTION Problem 6.6 (Trainer.trainStep)
        optimizer.zeroGrad();
        int k = microBatches.size();
        double lossSum = 0;
        for (Batch batch : microBatches) {
            Tensor loss = model.forward(batch.inputs(), batch.targets()).loss(); // scalar
            lossSum += loss.item();
            loss.div(k).backward();
        }
        if (clipNorm > 0) {
            GradientClipping.clipGlobalNorm(optimizer.parameters(), clipNorm);
        }
        optimizer.setLearningRate(schedule.at((int) optimizer.stepCount() + 1));
        optimizer.step();
        return lossSum / k;
        // END SOLUTION
    }

    /** Counts the batches drawn, so a resumed run can skip exactly as many. */
    private static final class CountingSupplier implements Supplier<Batch> {
        private final Supplier<Batch> inner;
        private long count;

        CountingSupplier(Supplier<Batch> inner) {
            this.inner = inner;
        }

        @Override
        public Batch get() {
            count++;
            return inner.get();
        }

        void skip(long n) {
            for (long i = 0; i < n; i++) {
                get();
            }
        }
    }
}
