package hw.optim;

import hw.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Clipping of gradients by their global norm: one unlucky batch can produce a huge gradient, and one huge step
 * can undo much training. Rescaling all gradients together keeps the step's direction and bounds its length.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /**
     * Problem 6.5 — clip by the global norm (PyTorch's clip_grad_norm_). The global norm is the Euclidean norm of
     * all gradients taken together as one long vector: √(Σ over every tensor and element of g²) — not a norm per
     * tensor. When it exceeds {@code maxNorm}, multiply every gradient, in place, by maxNorm / norm, so the new
     * global norm is maxNorm and the direction is unchanged; otherwise leave them untouched. Return the global
     * norm before clipping (worth logging: a rising norm warns of instability).
     *
     * <p>{@code grads}, computed for you first, holds the gradient of each distinct parameter that has one.
     */
    public static double clipGlobalNorm(List<Tensor> params, double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("clipGlobalNorm: maxNorm must be a finite number > 0, got " + maxNorm);
        }
        List<INDArray> grads = distinctGradients(params);
        // TODO Problem 6.5 (GradientClipping.clipGlobalNorm): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 6.5 (GradientClipping.clipGlobalNorm)");
    }

    /** The gradient of each distinct tensor (a tied weight listed twice counts once), skipping those without. */
    static List<INDArray> distinctGradients(List<Tensor> params) {
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<INDArray> out = new ArrayList<>();
        for (Tensor p : params) {
            if (p != null && seen.add(p) && p.grad() != null) {
                out.add(p.grad());
            }
        }
        return out;
    }
}
