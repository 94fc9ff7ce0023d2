package hw.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        // BEGIN SOLUTION Problem 1.3 (Autograd.topologicalOrder)
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Tensor> stack = new ArrayDeque<>();
        Deque<Integer> nextInput = new ArrayDeque<>();
        if (!root.requiresGrad()) {
            return order;
        }
        visited.add(root);
        stack.push(root);
        nextInput.push(0);
        while (!stack.isEmpty()) {
            Tensor node = stack.peek();
            int i = nextInput.pop();
            List<Tensor> inputs = node.inputs();
            if (i < inputs.size()) {
                nextInput.push(i + 1);
                Tensor input = inputs.get(i);
                if (input.requiresGrad() && visited.add(input)) {
                    stack.push(input);
                    nextInput.push(0);
                }
            } else {
                stack.pop();
                order.add(node);
            }
        }
        return order;
        // END SOLUTION
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
        // BEGIN SOLUTION Problem 1.4 (Autograd.backward)
        List<Tensor> order = topologicalOrder(root);
        Map<Tensor, INDArray> grads = new IdentityHashMap<>();
        grads.put(root, seed);
        for (int k = order.size() - 1; k >= 0; k--) {
            Tensor node = order.get(k);
            INDArray grad = grads.remove(node);
            if (grad == null) {
                continue;
            }
            if (node.isLeaf()) {
                node.accumulateGrad(grad);
                continue;
            }
            INDArray[] contributions = node.backwardRule().apply(grad);
            List<Tensor> inputs = node.inputs();
            for (int i = 0; i < inputs.size(); i++) {
                Tensor input = inputs.get(i);
                if (input.requiresGrad() && contributions[i] != null) {
                    grads.merge(input, contributions[i], INDArray::add);
                }
            }
        }
        // END SOLUTION
    }
}
