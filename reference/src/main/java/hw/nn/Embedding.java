package hw.nn;

import hw.tensor.Precision;
import hw.tensor.Tensor;
import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A lookup table: id i ↦ row i of a learned weight matrix [numEmbeddings, dim]. Initialised from N(0, 1), as
 * PyTorch's nn.Embedding is (GPT re-initialises it).
 */
public class Embedding extends Module {
    private final long numEmbeddings;
    private final long dim;
    private final Tensor weight; // [numEmbeddings, dim]

    public Embedding(long numEmbeddings, long dim, Random rng) {
        if (numEmbeddings <= 0 || dim <= 0) {
            throw new IllegalArgumentException("Embedding: sizes must be positive, got " + numEmbeddings + ", " + dim);
        }
        this.numEmbeddings = numEmbeddings;
        this.dim = dim;
        this.weight = registerParameter("weight", Tensor.param(Nd4j.zeros(Precision.current(), numEmbeddings, dim)));
        Init.normal(weight, 1.0, rng);
    }

    /** The table, [numEmbeddings, dim]. */
    public Tensor weight() {
        return weight;
    }

    public long numEmbeddings() {
        return numEmbeddings;
    }

    public long dim() {
        return dim;
    }

    /**
     * Problem 3.4 — the lookup: ids [N] → [N, dim], row i being the table's row ids[i]. An id may repeat, and
     * then the gradient of every copy must reach the same table row (add up). An id outside [0, numEmbeddings)
     * must be an error naming it, never a read outside the table. {@link Tensor#gatherRows} does all this; a
     * one-hot matrix times the table (Problem 2.3) works too, if more slowly.
     *
     * <p>Needs Problems 1.3 and 1.4 first for its gradient tests, which run your backpropagation; its other tests need
     * nothing else.
     */
    public Tensor forward(int[] ids) {
        // BEGIN SOLUTION Problem 3.4 (Embedding.forward)
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= numEmbeddings) {
                throw new IndexOutOfBoundsException("Embedding: id " + ids[i] + " at position " + i
                        + " is outside the table's " + numEmbeddings + " rows");
            }
        }
        return weight.gatherRows(ids); // [N, dim]
        // END SOLUTION
    }

    /** The lookup for a batch of sequences: ids [B, T] (rows of equal length) → [B, T, dim]. */
    public Tensor forward(int[][] ids) {
        int batch = ids.length;
        int time = batch == 0 ? 0 : ids[0].length;
        int[] flat = new int[batch * time];
        for (int b = 0; b < batch; b++) {
            if (ids[b].length != time) {
                throw new IllegalArgumentException("Embedding: row " + b + " of the ids has " + ids[b].length
                        + " ids, row 0 has " + time + "; rows must have equal length");
            }
            System.arraycopy(ids[b], 0, flat, b * time, time);
        }
        return forward(flat).reshape(batch, time, dim); // [B, T, dim]
    }
}
