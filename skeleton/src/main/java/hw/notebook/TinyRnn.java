package hw.notebook;

import hw.tensor.Tensor;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small recurrent network and a loss, for deriving backpropagation through time by hand. Row vectors throughout:
 *
 * <pre>
 *     h_0 = 0
 *     a_t = x_t U + h_{t−1} W          x_t [1, D], U [D, H], W [H, H]      t = 1 … T
 *     h_t = tanh(a_t)                  [1, H]
 *     o_t = h_t V                      V [H, K], o_t [1, K]
 *     J   = Σ_t ½ ‖o_t − y_t‖²
 * </pre>
 *
 * {@link #autogradGradients()} computes dJ/dU, dJ/dW and dJ/dV with the kit's own autograd ({@code hw.tensor}), the
 * numbers a closed-form answer is checked against.
 */
public final class TinyRnn {
    /** The three gradients, each the shape of its weight. */
    public record Gradients(double[][] dU, double[][] dW, double[][] dV) {
    }

    public final int steps, inputSize, hiddenSize, outputSize;
    /** x[t - 1] is x_t, y[t - 1] is y_t. */
    public final double[][] x, y;
    public final double[][] U, W, V;

    public TinyRnn(int steps, int inputSize, int hiddenSize, int outputSize, long seed) {
        this.steps = steps;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.outputSize = outputSize;
        Random random = new Random(seed);
        x = random(random, steps, inputSize, 1.0);
        y = random(random, steps, outputSize, 1.0);
        U = random(random, inputSize, hiddenSize, 0.8);
        W = random(random, hiddenSize, hiddenSize, 0.8);
        V = random(random, hiddenSize, outputSize, 0.8);
    }

    /** The hidden states: h[0] = h_0 = 0, h[t] = h_t for t = 1 … T. */
    public double[][] hidden() {
        double[][] h = new double[steps + 1][hiddenSize];
        for (int t = 1; t <= steps; t++) {
            for (int j = 0; j < hiddenSize; j++) {
                double a = 0;
                for (int i = 0; i < inputSize; i++) {
                    a += x[t - 1][i] * U[i][j];
                }
                for (int i = 0; i < hiddenSize; i++) {
                    a += h[t - 1][i] * W[i][j];
                }
                h[t][j] = Math.tanh(a);
            }
        }
        return h;
    }

    /** The outputs: o[t - 1] = o_t. */
    public double[][] outputs() {
        double[][] h = hidden();
        double[][] o = new double[steps][outputSize];
        for (int t = 1; t <= steps; t++) {
            for (int k = 0; k < outputSize; k++) {
                for (int j = 0; j < hiddenSize; j++) {
                    o[t - 1][k] += h[t][j] * V[j][k];
                }
            }
        }
        return o;
    }

    /** dJ/dU, dJ/dW, dJ/dV by building the graph with {@code hw.tensor} and calling backward(). */
    public Gradients autogradGradients() {
        Tensor u = Tensor.param(Nd4j.createFromArray(U));
        Tensor w = Tensor.param(Nd4j.createFromArray(W));
        Tensor v = Tensor.param(Nd4j.createFromArray(V));
        Tensor h = Tensor.zeros(1, hiddenSize);                                   // [1, H]
        Tensor loss = Tensor.scalar(0);
        for (int t = 0; t < steps; t++) {
            Tensor xt = Tensor.of(x[t], 1, inputSize);                           // [1, D]
            h = xt.matmul(u).add(h.matmul(w)).tanh();                             // [1, H]
            Tensor diff = h.matmul(v).sub(Tensor.of(y[t], 1, outputSize));      // [1, K]
            loss = loss.add(diff.mul(diff).sum().mul(0.5));
        }
        loss.backward();
        return new Gradients(u.grad().toDoubleMatrix(), w.grad().toDoubleMatrix(), v.grad().toDoubleMatrix());
    }

    /**
     * Checks one gradient of a closed-form answer against the autograd's, on a few networks: {@code which} is
     * "U", "W" or "V".
     */
    public static void check(String question, Function<TinyRnn, Gradients> answer, String which, long... seeds) {
        Check.that(question, () -> {
            for (long seed : seeds) {
                TinyRnn rnn = new TinyRnn(4, 2, 3, 2, seed);
                Gradients mine = answer.apply(rnn);
                if (mine == null) {
                    return "no gradients returned yet";
                }
                Gradients truth = rnn.autogradGradients();
                String problem = compare("dJ/d" + which, pick(mine, which), pick(truth, which), seed);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        });
    }

    private static double[][] pick(Gradients g, String which) {
        return switch (which) {
            case "U" -> g.dU();
            case "W" -> g.dW();
            case "V" -> g.dV();
            default -> throw new IllegalArgumentException("which is U, W or V, not " + which);
        };
    }

    private static String compare(String name, double[][] mine, double[][] truth, long seed) {
        if (mine == null || mine.length != truth.length || mine[0].length != truth[0].length) {
            return name + " should be " + truth.length + " × " + truth[0].length + (mine == null ? ", not null"
                    : ", not " + mine.length + " × " + (mine.length == 0 ? 0 : mine[0].length));
        }
        for (int i = 0; i < truth.length; i++) {
            for (int j = 0; j < truth[0].length; j++) {
                if (!(Math.abs(mine[i][j] - truth[i][j]) <= 1e-8 + 1e-6 * Math.abs(truth[i][j]))) {
                    return String.format(Locale.ROOT, "%s[%d][%d] is %.8f by autograd but %.8f by your formula"
                            + " (network seed %d)", name, i, j, truth[i][j], mine[i][j], seed);
                }
            }
        }
        return null;
    }

    private static double[][] random(Random random, int rows, int cols, double scale) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * random.nextGaussian();
            }
        }
        return m;
    }
}
