package hw.data;

import hw.model.LanguageModel;
import hw.nn.Module;
import hw.tensor.GradMode;
import java.util.function.Supplier;

/**
 * STAND-IN for Problem 6's branch: the real hw.data.Batches (Problem 5) replaces this file at merge. Only the
 * method the trainer calls is here.
 */
public final class Batches {
    private Batches() {
    }

    /**
     * The mean loss over {@code nBatches} batches from {@code batches}, in evaluation mode (no dropout) and
     * without recording a graph; the model's previous mode is restored afterwards.
     */
    public static double estimateLoss(LanguageModel model, Supplier<Batch> batches, int nBatches) {
        if (nBatches < 1) {
            throw new IllegalArgumentException("estimateLoss: needs at least one batch, got " + nBatches);
        }
        Module module = model instanceof Module m ? m : null;
        boolean wasTraining = module != null && module.isTraining();
        if (module != null) {
            module.eval();
        }
        try (GradMode.Scope ignored = GradMode.disabled()) {
            double sum = 0;
            for (int i = 0; i < nBatches; i++) {
                Batch batch = batches.get();
                sum += model.forward(batch.inputs(), batch.targets()).loss().item();
            }
            return sum / nBatches;
        } finally {
            if (module != null) {
                module.train(wasTraining);
            }
        }
    }
}
