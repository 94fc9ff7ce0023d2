package hw.model;

import hw.tensor.Tensor;

/**
 * A model of the next token: what training, evaluation and sampling need from it, whether it is a bigram table
 * or a GPT. Implementations are {@link hw.nn.Module}s, so they also have parameters and a train/eval mode.
 */
public interface LanguageModel {

    /** ids [B, T] → logits [B, T, V] for the token after each position. */
    Tensor forward(int[][] ids);

    /** The logits and the mean cross-entropy of predicting {@code targets} [B, T]. */
    GPT.Output forward(int[][] ids, int[][] targets);

    /** V, the number of token ids. */
    int vocabSize();

    /** The longest context the model can read at once (a bigram model reads one token but accepts any length). */
    int blockSize();
}
