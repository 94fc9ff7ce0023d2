package hw.nn;

import hw.tensor.Shapes;
import hw.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SoftmaxBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The functions a language model is made of, built from {@link Tensor} operations so that backpropagation
 * comes for free: an activation (GELU), softmax and log-sum-exp, one-hot encoding, and the softmax
 * cross-entropy loss.
 */
public final class Functions {
    private Functions() {
    }

    /** Up to this many elements, softmax uses ND4J's ops (fewer operations); above, whole-array arithmetic. */
    private static final long FEW_ELEMENTS = 16_384;

    /** How {@link #crossEntropy(Tensor, int[], Reduction)} combines the per-example losses. */
    public enum Reduction {
        /** The average over examples (the usual training loss). */
        MEAN,
        /** The total over examples. */
        SUM,
        /** No reduction: one loss per example, shape [N]. */
        NONE
    }

    /**
     * Problem 2.1 — GELU, the activation GPT-2 uses, in GPT-2's tanh approximation:
     *
     * <pre>
     *     gelu(x) = 0.5 · x · (1 + tanh( sqrt(2/π) · (x + 0.044715 · x³) ))
     * </pre>
     *
     * The exact GELU is x·Φ(x) = 0.5·x·(1 + erf(x/√2)), Φ being the standard normal CDF; the tanh form stays
     * within about 1e-3 of it and is what GPT-2's weights were trained with (PyTorch:
     * {@code F.gelu(x, approximate="tanh")}). Do not use the cheaper x·sigmoid(1.702·x) either. Elementwise;
     * any shape.
     *
     * <p>Needs Problems 1.2, 1.3 and 1.4 first: it is built on {@code tanh} (and on {@code pow} too, Problem 1.1, if
     * you write x³ with it), and its gradient tests run your backpropagation.
     */
    public static Tensor gelu(Tensor x) {
        // TODO Problem 2.1 (Functions.gelu): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 2.1 (Functions.gelu)");
    }

    /**
     * Problem 2.2 — log(Σ exp(x)) over one axis, computed stably.
     *
     * <p>Evaluated as written, exp overflows to ∞ for x ≳ 710 and underflows to 0 (so log gives −∞) for
     * x ≲ −745. Subtract the maximum m along the axis first: logsumexp(x) = m + log Σ exp(x − m), where the
     * largest term is exp(0) = 1. Treat m as a constant ({@link Tensor#detach()}): the result does not depend on
     * it, so no gradient needs to flow through it. The gradient of logsumexp is softmax(x).
     *
     * <p>Needs Problems 1.3 and 1.4 first for its gradient tests, which run your backpropagation; its other tests need
     * nothing else.
     *
     * @param axis    the axis to reduce (negative counts from the end)
     * @param keepDim keep the reduced axis with size 1 (as {@link Tensor#sum(int, boolean)} does)
     */
    public static Tensor logsumexp(Tensor x, int axis, boolean keepDim) {
        // TODO Problem 2.2 (Functions.logsumexp): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 2.2 (Functions.logsumexp)");
    }

    /**
     * Problem 2.3 — one-hot rows: result [N, numClasses] with row i all zeros except a 1 in column ids[i].
     * A constant (no gradient). An id outside [0, numClasses) is an {@link IllegalArgumentException} that names it.
     */
    public static Tensor oneHot(int[] ids, int numClasses) {
        // TODO Problem 2.3 (Functions.oneHot): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 2.3 (Functions.oneHot)");
    }

    /** {@link #oneHot(int[], int)} for ids held in a tensor of shape [N] (any numeric type). */
    public static Tensor oneHot(Tensor ids, int numClasses) {
        return oneHot(toIds("oneHot", ids), numClasses);
    }

    /**
     * Problem 2.4 — the softmax loss (softmax followed by cross-entropy) of each example, without reduction:
     *
     * <pre>
     *     loss[i] = logsumexp(logits[i, :]) − logits[i, target[i]]
     * </pre>
     *
     * that is −log softmax(logits[i])[target[i]]. Build it from {@link #logsumexp} and {@link #oneHot} (picking
     * z_target is a product with a one-hot row and a sum), so it is stable for large logits and backpropagates.
     *
     * <p>Needs Problems 2.2 and 2.3 first: it is built from them.
     *
     * @param logits [N, C] raw scores, one row per example
     * @param target N class ids in [0, C)
     * @return [N], the loss of each example
     */
    public static Tensor softmaxLoss(Tensor logits, int[] target) {
        if (logits.rank() != 2 || logits.size(0) != target.length) {
            throw new IllegalArgumentException("softmaxLoss: needs logits [N, C] and N targets, got logits "
                    + Shapes.show(logits.shape()) + " and " + target.length + " targets");
        }
        // TODO Problem 2.4 (Functions.softmaxLoss): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 2.4 (Functions.softmaxLoss)");
    }

    /** {@link #softmaxLoss(Tensor, int[])} with targets held in a tensor of shape [N]. */
    public static Tensor softmaxLoss(Tensor logits, Tensor target) {
        return softmaxLoss(logits, toIds("softmaxLoss", target));
    }

    /**
     * softmax(x) along one axis: exp(x) / Σ exp(x), computed stably (the maximum is subtracted first) as one
     * operation. Entries of −∞ get probability 0, as long as each slice has a finite entry.
     */
    public static Tensor softmax(Tensor x, int axis) {
        int a = Shapes.axis("softmax", axis, x.rank());
        INDArray in = x.data();
        INDArray shifted = in.sub(in.max(true, a)); // ND4J's softmax op does not shift every input: [−1000, −1000]
        if (in.length() <= FEW_ELEMENTS) {
            // Small (a sampled token's attention): ND4J's softmax and softmax_bp ops, fewer operations.
            INDArray out = Nd4j.createUninitialized(in.dataType(), in.shape());
            Nd4j.exec(new SoftMax(shifted, out, a));
            return Tensor.fromOp("softmax", out, g -> {
                INDArray grad = Nd4j.createUninitialized(in.dataType(), in.shape());
                Nd4j.exec(new SoftmaxBp(shifted, g, grad, a)); // softmax_bp takes softmax's input, not its output
                return new INDArray[] {grad};
            }, x);
        }
        INDArray out = shifted;
        // Large: exp / Σ and the gradient s ⊙ (g − Σ g ⊙ s) as whole-array operations, which ND4J runs 1.5× and 4×
        // faster than its softmax ops (measured on [12, 4, 64, 64] floats).
        Transforms.exp(out, false);
        out.divi(out.sum(true, a));
        return Tensor.fromOp("softmax", out, g -> {
            INDArray grad = g.mul(out);
            return new INDArray[] {grad.subi(out.mul(grad.sum(true, a)))};
        }, x);
    }

    /** The mean cross-entropy of logits [..., C] against targets (one per row of logits, row-major). */
    public static Tensor crossEntropy(Tensor logits, int[] targets) {
        return crossEntropy(logits, targets, Reduction.MEAN);
    }

    /**
     * Cross-entropy of logits [..., C] (every leading axis is flattened into examples, so [B, T, V] logits go
     * with B·T targets in row-major order), built on {@link #softmaxLoss}.
     */
    public static Tensor crossEntropy(Tensor logits, int[] targets, Reduction reduction) {
        Tensor perExample = softmaxLoss(rows(logits), targets); // [N]
        return switch (reduction) {
            case MEAN -> perExample.mean();
            case SUM -> perExample.sum();
            case NONE -> perExample;
        };
    }

    /**
     * Weighted cross-entropy: Σ w_i · loss_i / Σ w_i. With 0/1 weights this is the mean loss over the examples
     * of weight 1 (e.g. only the target tokens of a translation, or not the padding).
     */
    public static Tensor crossEntropy(Tensor logits, int[] targets, double[] weights) {
        if (weights.length != targets.length) {
            throw new IllegalArgumentException("crossEntropy: " + weights.length + " weights for " + targets.length
                    + " targets");
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("crossEntropy: the weights sum to " + total + "; need a positive sum");
        }
        Tensor perExample = softmaxLoss(rows(logits), targets);                      // [N]
        return perExample.mul(Tensor.of(weights.clone())).sum().div(total);
    }

    /** [..., C] viewed as [N, C]. */
    private static Tensor rows(Tensor logits) {
        if (logits.rank() < 2) {
            throw new IllegalArgumentException("crossEntropy: logits need a class axis, got shape "
                    + Shapes.show(logits.shape()));
        }
        return logits.rank() == 2 ? logits : logits.reshape(-1, logits.size(-1));
    }

    /** The ids in a tensor of shape [N], as ints; they must be whole numbers. */
    static int[] toIds(String op, Tensor ids) {
        if (ids.rank() != 1) {
            throw new IllegalArgumentException(op + ": ids need shape [N], got " + Shapes.show(ids.shape()));
        }
        double[] values = ids.toDoubleArray();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
            if (out[i] != values[i]) {
                throw new IllegalArgumentException(op + ": id " + values[i] + " at position " + i + " is not a whole number");
            }
        }
        return out;
    }
}
