package hw.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backward rule of one operation: given dL/d(output), return dL/d(input) for each input, in the order the
 * inputs were passed to {@link Tensor#fromOp}. Each returned array must have its input's shape; an entry may be
 * {@code null} when that input needs no gradient.
 *
 * <p>This is the vector-Jacobian product of the operation. The engine ({@link Autograd}) adds the contributions
 * up when an input feeds several operations.
 */
@FunctionalInterface
public interface Backward {
    INDArray[] apply(INDArray gradOutput);
}
