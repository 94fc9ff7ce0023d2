package hw.tensor;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reverse-mode automatic differentiation over the graph that {@link Tensor} operations record.
 *
 * <p>Every non-leaf tensor remembers its inputs and a {@link Backward} rule. Backpropagation visits the graph
 * from the output towards the leaves, in an order where a node comes only after every node that consumes it, so
 * that its gradient is complete before it is passed further down.
 */
public final class Autograd {
    private Autograd() {
    }

    /**
     * Problem 1.3 — topological order.
     *
     * <p>Returns every tensor reachable from {@code root} through {@link Tensor#inputs()} that requires a gradient,
     * each exactly once, ordered so that a tensor's inputs come before the tensor itself ({@code root} is last).
     * A tensor reached along two paths (reused in the graph) still appears once.
     *
     * <p>Hint: a depth-first search that appends a node after all its inputs are done. Graphs can be thousands of
     * nodes deep (a long training step), so an explicit stack is safer than recursion.
     */
    public static List<Tensor> topologicalOrder(Tensor root) {
        // TODO Problem 1.3 (Autograd.topologicalOrder): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 1.3 (Autograd.topologicalOrder)");
    }

    /**
     * Problem 1.4 — backpropagation.
     *
     * <p>Propagates {@code seed} (dL/d(root), root's shape) through the graph below {@code root} and adds the
     * resulting gradient of every leaf that requires one into the leaf's {@code grad} (see
     * {@link Tensor#accumulateGrad}). Gradients accumulate: calling this twice adds twice, as in PyTorch.
     *
     * <p>Walk {@link #topologicalOrder} from the root down. Keep each node's gradient so far in a map; when a node
     * is reached its gradient is complete: hand it to the node's {@link Backward} rule ({@link Tensor#backwardRule()})
     * and add each returned contribution to that input's entry (an input used twice receives two contributions —
     * the chain rule sums over paths). Leaves have no rule: their complete gradient goes into
     * {@link Tensor#accumulateGrad}. Intermediate tensors keep no {@code grad}.
     *
     * <p>Needs Problem 1.3 first: the pass walks its order.
     */
    public static void backward(Tensor root, INDArray seed) {
        // TODO Problem 1.4 (Autograd.backward): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 1.4 (Autograd.backward)");
    }
}
