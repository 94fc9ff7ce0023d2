package hw.data;

/**
 * A training batch of B windows of T token ids, and the ids that follow each position: targets[b][t] is the token
 * after inputs[b][t] in the text, so targets is inputs shifted left by one.
 *
 * @param inputs  [B, T] token ids
 * @param targets [B, T] the next token at every position
 */
public record Batch(int[][] inputs, int[][] targets) {

    public Batch {
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException("Batch: " + inputs.length + " input rows but " + targets.length
                    + " target rows");
        }
        for (int b = 0; b < inputs.length; b++) {
            if (inputs[b].length != targets[b].length) {
                throw new IllegalArgumentException("Batch: row " + b + " has " + inputs[b].length + " inputs but "
                        + targets[b].length + " targets");
            }
        }
    }

    /** B, the number of windows. */
    public int batchSize() {
        return inputs.length;
    }

    /** T, the length of each window. */
    public int blockSize() {
        return inputs.length == 0 ? 0 : inputs[0].length;
    }

    /** B·T, the number of predicted tokens. */
    public long tokenCount() {
        return (long) batchSize() * blockSize();
    }
}
