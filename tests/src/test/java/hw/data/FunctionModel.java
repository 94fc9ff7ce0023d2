package hw.data;

import hw.model.GPT;
import hw.model.LanguageModel;
import hw.tensor.Tensor;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A language model for tests, independent of any student code: the logits after a sequence's tokens 0 … t are a
 * given function of those tokens. It rejects sequences longer than its context, as GPT does.
 */
final class FunctionModel implements LanguageModel {
    private final int vocab;
    private final int blockSize;
    private final Function<int[], double[]> logitsAfter;

    FunctionModel(int vocab, int blockSize, Function<int[], double[]> logitsAfter) {
        this.vocab = vocab;
        this.blockSize = blockSize;
        this.logitsAfter = logitsAfter;
    }

    /** A bigram model: the logits after a context are row (last token) of the table. */
    static FunctionModel bigram(double[][] rows) {
        return new FunctionModel(rows.length, Integer.MAX_VALUE, context -> rows[context[context.length - 1]]);
    }

    /** −log softmax(logits)[target], computed stably in plain Java. */
    static double minusLogSoftmax(double[] logits, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (double z : logits) {
            sum += Math.exp(z - max);
        }
        return max + Math.log(sum) - logits[target];
    }

    double[] logitsAfter(int[] context) {
        return logitsAfter.apply(context);
    }

    @Override
    public Tensor forward(int[][] ids) {
        int rows = ids.length, time = ids[0].length;
        if (time > blockSize) {
            throw new IllegalArgumentException("test model: a sequence of " + time + " tokens is longer than its"
                    + " context, blockSize = " + blockSize);
        }
        double[] out = new double[rows * time * vocab];
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < time; t++) {
                System.arraycopy(logitsAfter(Arrays.copyOf(ids[b], t + 1)), 0, out, (b * time + t) * vocab, vocab);
            }
        }
        return Tensor.of(out, rows, time, vocab); // [B, T, V]
    }

    @Override
    public GPT.Output forward(int[][] ids, int[][] targets) {
        double total = 0;
        int count = 0;
        for (int b = 0; b < ids.length; b++) {
            for (int t = 0; t < ids[b].length; t++) {
                total += minusLogSoftmax(logitsAfter(Arrays.copyOf(ids[b], t + 1)), targets[b][t]);
                count++;
            }
        }
        return new GPT.Output(forward(ids), Tensor.scalar(total / count));
    }

    @Override
    public int vocabSize() {
        return vocab;
    }

    @Override
    public int blockSize() {
        return blockSize;
    }
}
