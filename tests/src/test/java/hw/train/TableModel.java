package hw.train;

import hw.model.GPT;
import hw.model.LanguageModel;
import hw.nn.Functions;
import hw.nn.Module;
import hw.tensor.Tensor;
import hw.testkit.Values;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A bigram model for the trainer's tests, built from provided operations only (so the tests of Problem 6 need
 * no other problem than backpropagation): logits = table[id] + bias, mean cross-entropy.
 */
final class TableModel extends Module implements LanguageModel {
    private final int vocab;
    final Tensor table; // [V, V]
    final Tensor bias;  // [V]

    TableModel(int vocab, long seed) {
        this.vocab = vocab;
        Random random = new Random(seed);
        this.table = registerParameter("table", Tensor.param(Values.normal(random, 1.0, vocab, vocab)));
        this.bias = registerParameter("bias", Tensor.param(Values.normal(random, 0.5, vocab)));
    }

    @Override
    public Tensor forward(int[][] ids) {
        int rows = ids.length, time = ids[0].length;
        int[] flat = new int[rows * time];
        for (int b = 0; b < rows; b++) {
            System.arraycopy(ids[b], 0, flat, b * time, time);
        }
        return table.gatherRows(flat).add(bias).reshape(rows, time, vocab); // [B, T, V]
    }

    @Override
    public GPT.Output forward(int[][] ids, int[][] targets) {
        Tensor logits = forward(ids);                                        // [B, T, V]
        int n = ids.length * ids[0].length;
        INDArray oneHot = Nd4j.zeros(DataType.DOUBLE, n, vocab);
        for (int b = 0, i = 0; b < targets.length; b++) {
            for (int t : targets[b]) {
                oneHot.putScalar(i++, t, 1.0);
            }
        }
        Tensor logProbabilities = Functions.softmax(logits.reshape(n, vocab), 1).log(); // [N, V]
        Tensor loss = logProbabilities.mul(Tensor.constant(oneHot)).sum().div(-n);      // scalar
        return new GPT.Output(logits, loss);
    }

    @Override
    public int vocabSize() {
        return vocab;
    }

    @Override
    public int blockSize() {
        return Integer.MAX_VALUE;
    }
}
