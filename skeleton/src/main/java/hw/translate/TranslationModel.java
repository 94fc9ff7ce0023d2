package hw.translate;

import hw.model.GPT;
import hw.model.LanguageModel;
import hw.nn.Module;
import hw.tensor.Tensor;

/**
 * A GPT trained as a translator: the same network, with the loss of {@link MaskedLoss} over the English target
 * only. This is how translation plugs into the language-model {@link hw.train.Trainer} unchanged: the trainer
 * calls {@code forward(inputs, targets).loss()}, and here a target of {@link TranslationBatch#IGNORED} marks a
 * position of weight 0 ({@link TranslationBatch#asBatch()}). Its parameters are the GPT's, named {@code gpt.…}.
 */
public final class TranslationModel extends Module implements LanguageModel {
    private final GPT gpt;

    public TranslationModel(GPT gpt) {
        if (gpt == null) {
            throw new IllegalArgumentException("TranslationModel: no GPT given");
        }
        this.gpt = registerModule("gpt", gpt);
    }

    public GPT gpt() {
        return gpt;
    }

    @Override
    public Tensor forward(int[][] ids) {
        return gpt.forward(ids);
    }

    /** The logits and the loss over the positions whose target is not {@link TranslationBatch#IGNORED}. */
    @Override
    public GPT.Output forward(int[][] ids, int[][] targets) {
        Tensor logits = gpt.forward(ids); // [B, T, V]
        double[][] weights = new double[targets.length][];
        for (int b = 0; b < targets.length; b++) {
            weights[b] = new double[targets[b].length];
            for (int t = 0; t < targets[b].length; t++) {
                weights[b][t] = targets[b][t] == TranslationBatch.IGNORED ? 0.0 : 1.0;
            }
        }
        return new GPT.Output(logits, MaskedLoss.loss(logits, targets, weights));
    }

    @Override
    public int vocabSize() {
        return gpt.vocabSize();
    }

    @Override
    public int blockSize() {
        return gpt.blockSize();
    }
}
