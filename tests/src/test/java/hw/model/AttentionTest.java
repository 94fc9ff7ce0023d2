package hw.model;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.Fixture;
import hw.testkit.GradCheck;
import hw.testkit.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

@Todo("4.1")
@Label("Problem 4.1 MultiHeadAttention.attend")
class AttentionTest {
    private static final Fixture TRANSFORMER = Fixture.load("transformer.json");
    static final Map<String, String> MISTAKES = new LinkedHashMap<>();

    static {
        MISTAKES.put("no_causal_mask", "no causal mask: a position attends to later ones (set the scores of keys"
                + " after the query, column > row, to −∞ before the softmax)");
        MISTAKES.put("scaled_by_sqrt_n_embd", "scores scaled by 1/√C (C = nEmbd) instead of 1/√D (D = nEmbd/nHead,"
                + " the head size)");
        MISTAKES.put("unscaled", "scores not scaled by 1/√D at all");
        MISTAKES.put("split_without_transpose", "heads split by reshaping [B, T, C] straight to [B, nHead, T, D]:"
                + " reshape to [B, T, nHead, D], then permute to [B, nHead, T, D] (and back when merging)");
        MISTAKES.put("merge_without_transpose", "heads merged by reshaping [B, nHead, T, D] straight to [B, T, C]:"
                + " permute to [B, T, nHead, D] first");
        MISTAKES.put("softmax_over_queries", "softmax over the wrong axis (the queries); each query's weights over"
                + " the keys, the last axis, must sum to 1");
    }

    private static MultiHeadAttention loaded(Fixture f, boolean causal, double dropout) {
        MultiHeadAttention attention = new MultiHeadAttention(8, f.integer("n_head"), causal, dropout, true,
                new Random(0));
        Load.attention(attention, f.at("params"));
        return attention;
    }

    private static void knownOutput(String entry) {
        Fixture f = TRANSFORMER.at(entry);
        Tensor y = loaded(f, true, 0.0).forward(Tensor.constant(f.array("x")));
        Expect.closeOrDiagnose("causal attention with C = 8, " + f.integer("n_head") + " heads, x [2, 5, 8]", f, "y",
                y.data(), MISTAKES);
    }

    @Example
    @Label("forward matches PyTorch: causal, 2 heads (C = 8, x [2, 5, 8])")
    @Points(3)
    void twoHeads() {
        knownOutput("attention_2_heads");
    }

    @Example
    @Label("forward matches PyTorch: causal, 4 heads of size 2")
    @Points(1)
    void fourHeads() {
        knownOutput("attention_4_heads");
    }

    @Example
    @Label("backward matches PyTorch: gradients of x and of the output projection")
    @Points(1)
    void knownGradient() {
        Fixture f = TRANSFORMER.at("attention_2_heads");
        MultiHeadAttention attention = loaded(f, true, 0.0);
        Tensor x = Tensor.param(f.array("x"));
        Values.backward(attention.forward(x), f.array("upstream"));
        Expect.close("dL/dx through attention", f.array("dx"), x.grad());
        Expect.close("dL/d output projection weight", f.array("dwo"), attention.outputProjection().weight().grad());
        Expect.close("dL/d output projection bias", f.array("dbo"), attention.outputProjection().bias().grad());
    }

    @Example
    @Label("without the causal flag every position attends to every position (matches PyTorch)")
    @Points(1)
    void nonCausal() {
        Fixture f = TRANSFORMER.at("attention_2_heads");
        Tensor y = loaded(f, false, 0.0).forward(Tensor.constant(f.array("x")));
        Expect.close("attention built with causal = false", f.array("y_non_causal"), y.data());
    }

    @Property(tries = 8, seed = "4101")
    @Label("causal: changing the input after position t never changes the output at positions ≤ t")
    @Points(2)
    void causality(@ForAll @IntRange(min = 0, max = 2) int headChoice, @ForAll @IntRange(min = 2, max = 6) int time,
            @ForAll @IntRange(min = 1, max = 2) int batch, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        int heads = new int[] {1, 2, 4}[headChoice];
        Random random = new Random(seed);
        MultiHeadAttention attention = new MultiHeadAttention(8, heads, true, 0.0, true, random);
        int t = random.nextInt(time - 1);
        INDArray x = Values.normal(random, 1.0, batch, time, 8);
        INDArray changed = x.dup();
        changed.get(NDArrayIndex.all(), NDArrayIndex.interval(t + 1, time), NDArrayIndex.all())
                .assign(Values.normal(random, 1.0, batch, time - t - 1, 8));
        INDArray before = attention.forward(Tensor.constant(x)).data();
        INDArray after = attention.forward(Tensor.constant(changed)).data();
        Expect.close("output at positions 0.." + t + " after changing the input at positions " + (t + 1) + ".."
                        + (time - 1) + " (" + heads + " heads): the future leaks into the past — is the causal mask"
                        + " applied, to the right entries (key after query), and are heads split with a transpose?",
                prefix(before, t + 1), prefix(after, t + 1), 1e-12);
    }

    @Property(tries = 5, seed = "4102")
    @Label("each query's weights sum to 1: when every value vector is the same v, every output is v")
    @Points(1)
    void weightsSumToOne(@ForAll @IntRange(min = 0, max = 2) int headChoice, @ForAll boolean causal,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        int heads = new int[] {1, 2, 4}[headChoice];
        Random random = new Random(seed);
        MultiHeadAttention attention = new MultiHeadAttention(8, heads, causal, 0.0, true, random);
        INDArray v = Values.uniform(random, -1, 1, 8);
        INDArray zero = Nd4j.zeros(DataType.DOUBLE, 8, 8);
        attention.loadQueryKeyValue(Values.normal(random, 1.0, 8, 8), Values.normal(random, 1.0, 8, 8), zero,
                Values.normal(random, 1.0, 8), Values.normal(random, 1.0, 8), v);
        Values.set("output projection weight", attention.outputProjection().weight(), Nd4j.eye(8).castTo(DataType.DOUBLE));
        Values.set("output projection bias", attention.outputProjection().bias(), Nd4j.zeros(DataType.DOUBLE, 8));
        INDArray y = attention.forward(Tensor.constant(Values.normal(random, 1.0, 2, 4, 8))).data();
        INDArray expected = Nd4j.zeros(DataType.DOUBLE, 2, 4, 8).add(v.reshape(1, 1, 8));
        Expect.close("attention output when every value vector is v (" + heads + " heads, causal " + causal + ");"
                + " it is v only if each query's weights over the keys (softmax over the last axis) sum to 1 and the"
                + " heads are merged back into their own channels", expected, y, 1e-12);
    }

    @Property(tries = 4, seed = "4103")
    @Label("sequences in a batch do not influence each other")
    @Points(1)
    void batchIndependence(@ForAll @IntRange(min = 1, max = 5) int time, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Random random = new Random(seed);
        MultiHeadAttention attention = new MultiHeadAttention(8, 2, true, 0.0, true, random);
        INDArray x = Values.normal(random, 1.0, 3, time, 8);
        INDArray together = attention.forward(Tensor.constant(x)).data();
        for (int b = 0; b < 3; b++) {
            INDArray alone = attention.forward(Tensor.constant(x.get(NDArrayIndex.interval(b, b + 1),
                    NDArrayIndex.all(), NDArrayIndex.all()).dup())).data();
            Expect.close("sequence " + b + " run alone vs within a batch of 3", alone,
                    together.get(NDArrayIndex.interval(b, b + 1), NDArrayIndex.all(), NDArrayIndex.all()), 1e-12);
        }
    }

    @Property(tries = 3, seed = "4104")
    @Label("backward matches central differences for the input and every parameter")
    @Points(1)
    void gradient(@ForAll @IntRange(min = 1, max = 2) int heads, @ForAll @IntRange(min = 1, max = 3) int time,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Random random = new Random(seed);
        MultiHeadAttention attention = new MultiHeadAttention(4, heads, true, 0.0, true, random);
        GradCheck.module("MultiHeadAttention(4, " + heads + " heads)", attention, attention::forward,
                Values.normal(random, 1.0, 2, time, 4));
    }

    @Example
    @Label("dropout: eval mode equals no dropout; training mode drops something, differently on each call")
    @Points(1)
    void dropout() {
        Fixture f = TRANSFORMER.at("attention_2_heads");
        Tensor x = Tensor.constant(f.array("x"));
        MultiHeadAttention noisy = loaded(f, true, 0.5);
        noisy.eval();
        Expect.close("attention with dropout 0.5 in eval mode", f.array("y"), noisy.forward(x).data());
        noisy.train();
        INDArray first = noisy.forward(x).data(), second = noisy.forward(x).data();
        assertThat(Expect.difference(f.array("y"), first, 1e-9)).as("attention with dropout 0.5 in training mode"
                + " should differ from the output without dropout").isNotNull();
        assertThat(Expect.difference(first, second, 1e-9)).as("two training-mode calls should draw different"
                + " dropout masks").isNotNull();
    }

    @Example
    @Label("dropout on the attention weights: in training mode the core (split, scores, softmax, weights · V, merge)"
            + " drops some weights; in eval mode it drops none")
    @Points(1)
    void attentionWeightDropout() {
        Random random = new Random(4111);
        MultiHeadAttention attention = new MultiHeadAttention(8, 2, true, 0.5, true, random);
        Tensor q = Tensor.constant(Values.normal(random, 1.0, 2, 5, 8));
        Tensor k = Tensor.constant(Values.normal(random, 1.0, 2, 5, 8));
        Tensor v = Tensor.constant(Values.normal(random, 1.0, 2, 5, 8));
        attention.eval();
        INDArray exact = attention.attend(q, k, v).data();
        assertThat(Expect.difference(exact, attention.attend(q, k, v).data(), 1e-12))
                .as("the attention core in eval mode should be deterministic").isNull();
        attention.train();
        // The output dropout comes later (after the output projection), so only the weights' dropout shows here.
        assertThat(Expect.difference(exact, attention.attend(q, k, v).data(), 1e-9)).as("the attention core in"
                + " training mode with dropout 0.5 should drop attention weights (dropout on softmax(scores), before"
                + " they multiply V); it returned exactly the eval-mode result").isNotNull();
    }

    @Property(tries = 6, seed = "4105")
    @Label("4·C² weights (+ 4·C biases), every one of which gets a gradient")
    @Points(1)
    void parameterCount(@ForAll @IntRange(min = 1, max = 3) int headSize, @ForAll @IntRange(min = 1, max = 3) int heads,
            @ForAll boolean bias, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        int c = headSize * heads;
        MultiHeadAttention attention = new MultiHeadAttention(c, heads, true, 0.0, bias, new Random(seed));
        assertThat(attention.parameterCount()).as("parameters of MultiHeadAttention(C = %d, %d heads, bias %s)", c,
                heads, bias).isEqualTo(4L * c * c + (bias ? 4L * c : 0));
        attention.forward(Tensor.constant(Values.normal(new Random(seed), 1.0, 1, 3, c))).sum().backward();
        attention.namedParameters().forEach((name, p) ->
                assertThat(p.grad()).as("gradient of parameter '%s' after backward", name).isNotNull());
    }

    /** Positions 0 … n−1 of [B, T, C]. */
    static INDArray prefix(INDArray y, int n) {
        return y.get(NDArrayIndex.all(), NDArrayIndex.interval(0, n), NDArrayIndex.all()).dup();
    }
}
