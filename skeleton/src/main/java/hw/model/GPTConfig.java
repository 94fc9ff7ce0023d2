package hw.model;

/**
 * The shape of a GPT.
 *
 * @param vocabSize  V, the number of token ids
 * @param blockSize  the longest context: the size of the position table
 * @param nLayer     the number of transformer blocks
 * @param nHead      attention heads per block; must divide nEmbd
 * @param nEmbd      C, the width of the residual stream
 * @param dropout    the dropout probability used everywhere (0 to switch dropout off)
 * @param bias       whether the Linear layers have biases (LayerNorms always have a shift)
 * @param tieWeights whether the LM head reuses the token embedding matrix (logits = h · Eᵀ)
 * @param seed       seeds the initialisation and the dropout masks
 */
public record GPTConfig(int vocabSize, int blockSize, int nLayer, int nHead, int nEmbd, double dropout, boolean bias,
        boolean tieWeights, long seed) {

    public GPTConfig {
        if (vocabSize <= 0 || blockSize <= 0 || nLayer <= 0 || nHead <= 0 || nEmbd <= 0) {
            throw new IllegalArgumentException("GPTConfig: sizes must be positive: " + this);
        }
        if (nEmbd % nHead != 0) {
            throw new IllegalArgumentException("GPTConfig: nHead = " + nHead + " must divide nEmbd = " + nEmbd);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("GPTConfig: dropout must be in [0, 1), got " + dropout);
        }
    }

    /** The same configuration with another dropout probability. */
    public GPTConfig withDropout(double p) {
        return new GPTConfig(vocabSize, blockSize, nLayer, nHead, nEmbd, p, bias, tieWeights, seed);
    }

    /** The same configuration with another seed. */
    public GPTConfig withSeed(long s) {
        return new GPTConfig(vocabSize, blockSize, nLayer, nHead, nEmbd, dropout, bias, tieWeights, s);
    }

    /** The width of one attention head, nEmbd / nHead. */
    public int headSize() {
        return nEmbd / nHead;
    }
}
