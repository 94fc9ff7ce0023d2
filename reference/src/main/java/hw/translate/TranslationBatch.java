package hw.translate;

import hw.data.Batch;

/**
 * A batch of translation examples, each row [maxLength]: the ids the model reads, the next id at every position
 * (the label), and how much each position's prediction counts in the loss (1 on the English target, 0 on the
 * German source and the padding).
 *
 * @param inputIds     [B, maxLength] German ids, germanEos, English ids, englishEos, then padding
 * @param labels       [B, maxLength] labels[b][t] = inputIds[b][t + 1]; the padding id at the last position
 * @param labelWeights [B, maxLength] 1 where the label is an English token or the English end, else 0
 */
public record TranslationBatch(int[][] inputIds, int[][] labels, double[][] labelWeights) {
    /** The label the {@link TranslationModel} ignores, as PyTorch's {@code ignore_index}: a weight-0 position. */
    public static final int IGNORED = -1;

    public TranslationBatch {
        if (inputIds.length != labels.length || inputIds.length != labelWeights.length) {
            throw new IllegalArgumentException("TranslationBatch: " + inputIds.length + " input rows, " + labels.length
                    + " label rows and " + labelWeights.length + " weight rows; they must agree");
        }
        for (int b = 0; b < inputIds.length; b++) {
            if (labels[b].length != inputIds[b].length || labelWeights[b].length != inputIds[b].length) {
                throw new IllegalArgumentException("TranslationBatch: row " + b + " has " + inputIds[b].length
                        + " inputs, " + labels[b].length + " labels and " + labelWeights[b].length + " weights");
            }
        }
    }

    /**
     * The batch the language-model {@link hw.train.Trainer} takes: the inputs, and the labels with every weight-0
     * position set to {@link #IGNORED}, so the weights travel inside the targets (0/1 weights only).
     */
    public Batch asBatch() {
        int[][] targets = new int[labels.length][];
        for (int b = 0; b < labels.length; b++) {
            targets[b] = labels[b].clone();
            for (int t = 0; t < targets[b].length; t++) {
                if (labelWeights[b][t] == 0) {
                    targets[b][t] = IGNORED;
                } else if (labelWeights[b][t] != 1) {
                    throw new IllegalStateException("TranslationBatch.asBatch: weight " + labelWeights[b][t] + " at ["
                            + b + ", " + t + "]; only 0/1 weights can travel as ignored labels");
                }
            }
        }
        return new Batch(inputIds, targets);
    }
}
