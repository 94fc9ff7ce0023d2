package hw.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.testkit.GradCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

@Todo("1.4")
@Label("Problems 1.3-1.4 backpropagation")
class BackpropTest {

    @Example
    @Label("known answer: L = x*y + x*x at x = 2, y = 3 gives dL/dx = 7, dL/dy = 2")
    @Points(2)
    void smallGraph() {
        Tensor x = Tensor.param(Tensor.scalar(2.0).data());
        Tensor y = Tensor.param(Tensor.scalar(3.0).data());
        Tensor loss = x.mul(y).add(x.mul(x));
        assertThat(loss.item()).isEqualTo(10.0);
        loss.backward();
        assertThat(x.grad().getDouble(0)).as("dL/dx = y + 2x").isCloseTo(7.0, within(1e-12));
        assertThat(y.grad().getDouble(0)).as("dL/dy = x").isCloseTo(2.0, within(1e-12));
    }

    @Example
    @Label("a reused node sums the gradients of all its paths: a = x + 1; L = a*a + 3a")
    @Points(2)
    void reusedNode() {
        Tensor x = Tensor.param(Tensor.of(new double[] {1.0, -2.0}).data());
        Tensor a = x.add(1.0);
        Tensor loss = a.mul(a).add(a.mul(3.0)).sum();
        loss.backward();
        // dL/dx = 2a + 3 with a = [2, -1]
        assertThat(x.grad().toDoubleVector()).as("dL/dx = 2(x + 1) + 3 at x = [1, -2]")
                .containsExactly(new double[] {7.0, 1.0}, within(1e-12));
    }

    @Example
    @Label("gradients accumulate over two backward passes; zeroGrad starts over; constants get none")
    @Points(1)
    void accumulation() {
        Tensor x = Tensor.param(Tensor.of(new double[] {3.0}).data());
        Tensor c = Tensor.of(new double[] {5.0});
        x.mul(c).sum().backward();
        x.mul(c).sum().backward();
        assertThat(x.grad().toDoubleVector()).as("dL/dx after two passes of L = 5x").containsExactly(10.0);
        assertThat(c.grad()).as("a constant's gradient").isNull();
        x.zeroGrad();
        x.mul(c).sum().backward();
        assertThat(x.grad().toDoubleVector()).as("dL/dx after zeroGrad and one pass").containsExactly(5.0);
    }

    @Property(tries = 30, seed = "1301")
    @Todo("1.3")
    @Label("topological order: every node once, after its inputs, the root last")
    @Points(2)
    void topologicalOrder(@ForAll @IntRange(min = 1, max = 12) int nodes, @ForAll("wiring") long wiring) {
        Random random = new Random(wiring);
        List<Tensor> graph = new ArrayList<>();
        graph.add(Tensor.param(Tensor.of(new double[] {1.0}).data()));
        graph.add(Tensor.param(Tensor.of(new double[] {2.0}).data()));
        for (int i = 0; i < nodes; i++) {
            Tensor a = graph.get(random.nextInt(graph.size()));
            Tensor b = graph.get(random.nextInt(graph.size()));
            graph.add(random.nextBoolean() ? a.add(b) : a.mul(b));
        }
        Tensor root = graph.get(graph.size() - 1);
        List<Tensor> order = Autograd.topologicalOrder(root);

        Set<Tensor> reachable = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(root, reachable);
        Map<Tensor, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            assertThat(position.put(order.get(i), i)).as("node %s appears twice", order.get(i).op()).isNull();
        }
        assertThat(position.keySet()).as("the nodes in the order are exactly those reachable from the root")
                .containsExactlyInAnyOrderElementsOf(reachable);
        assertThat(order.get(order.size() - 1)).as("the root comes last").isSameAs(root);
        for (Tensor t : order) {
            for (Tensor in : t.inputs()) {
                assertThat(position.get(in)).as("an input of a %s node comes before it", t.op())
                        .isLessThan(position.get(t));
            }
        }
    }

    @Property(tries = 20, seed = "1401")
    @Label("backward through broadcasting add, sub, mul, div matches central differences")
    @Points(2)
    void broadcasting(@ForAll("broadcastPairs") Sample[] pair) {
        GradCheck.function("(a + b) * a - a / (b*b + 1)",
                in -> in[0].add(in[1]).mul(in[0]).sub(in[0].div(in[1].mul(in[1]).add(1.0))),
                pair[0].array(), pair[1].array());
    }

    @Property(tries = 15, seed = "1402")
    @Label("backward through matmul (2-D, batched 3-D and 4-D, and [..., k] @ [k, n]) matches central differences")
    @Points(2)
    void matmul(@ForAll @IntRange(min = 1, max = 3) int m, @ForAll @IntRange(min = 1, max = 3) int k,
            @ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 0, max = 3) int batchKind) {
        long[] batch = switch (batchKind) {
            case 0 -> new long[0];
            case 1 -> new long[] {2};
            default -> new long[] {2, 2};
        };
        Random random = new Random(31L * m + 7L * k + n + 100L * batchKind);
        long[] aShape = concat(batch, m, k);
        long[] bShape = batchKind == 3 ? new long[] {k, n} : concat(batch, k, n);
        GradCheck.function("a.matmul(b) for " + java.util.Arrays.toString(aShape) + " @ "
                + java.util.Arrays.toString(bShape), in -> in[0].matmul(in[1]),
                randomArray(random, aShape), randomArray(random, bShape));
    }

    @Property(tries = 20, seed = "1403")
    @Label("backward through sum, mean and max over an axis, exp, log and reshape/permute matches central differences")
    @Points(2)
    void reductionsAndShapes(@ForAll("matrices") Sample x, @ForAll @IntRange(min = 0, max = 1) int axis,
            @ForAll boolean keepDim) {
        GradCheck.function("reductions over axis " + axis, in -> {
            Tensor t = in[0];
            Tensor s = t.exp().sum(axis, keepDim).log();                 // logsumexp-like
            Tensor m = t.max(axis, keepDim).mul(t.mean(axis, keepDim));
            return s.add(m).reshape(-1).add(t.transpose(0, 1).sum(0, false).sum());
        }, x.array());
    }

    @Provide
    Arbitrary<Long> wiring() {
        return Arbitraries.longs().between(0, 1_000_000);
    }

    @Provide
    Arbitrary<Sample> matrices() {
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 4))
                .flatAs((r, c) -> Sample.distinct(new long[] {r, c}, -2.0, 2.0));
    }

    /**
     * Two shapes that broadcast together: b is a trailing part of a common shape; each of them has some sizes set
     * to 1, so either side (or both at once, as in [2, 1] with [3]) may be stretched.
     */
    @Provide
    Arbitrary<Sample[]> broadcastPairs() {
        return Arbitraries.integers().between(1, 3).array(int[].class).ofMinSize(1).ofMaxSize(3).flatMap(dims -> {
            long[] common = java.util.Arrays.stream(dims).asLongStream().toArray();
            int n = common.length;
            return Combinators.combine(Arbitraries.integers().between(0, (1 << n) - 1),
                    Arbitraries.integers().between(0, (1 << n) - 1), Arbitraries.integers().between(0, n - 1))
                    .flatAs((onesA, onesB, drop) -> {
                        long[] a = common.clone();
                        long[] b = java.util.Arrays.copyOfRange(common, drop, n);
                        for (int i = 0; i < n; i++) {
                            if ((onesA >> i & 1) == 1) {
                                a[i] = 1;
                            }
                        }
                        for (int i = 0; i < b.length; i++) {
                            if ((onesB >> i & 1) == 1) {
                                b[i] = 1;
                            }
                        }
                        return Combinators.combine(Sample.of(a, -2.0, 2.0), Sample.of(b, 0.5, 2.0))
                                .as((x, y) -> new Sample[] {x, y});
                    });
        });
    }

    private static void collect(Tensor t, Set<Tensor> seen) {
        if (t.requiresGrad() && seen.add(t)) {
            t.inputs().forEach(in -> collect(in, seen));
        }
    }

    private static long[] concat(long[] batch, long r, long c) {
        long[] s = java.util.Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = r;
        s[batch.length + 1] = c;
        return s;
    }

    private static org.nd4j.linalg.api.ndarray.INDArray randomArray(Random random, long[] shape) {
        int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        return org.nd4j.linalg.factory.Nd4j.create(random.doubles(n, -1.5, 1.5).toArray(), shape,
                org.nd4j.linalg.api.buffer.DataType.DOUBLE);
    }
}
