package hw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.Fixture;
import hw.testkit.Values;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

@Todo("4.5")
@Label("Problem 4.5 GPT.forward")
class GptTest {
    private static final Fixture GPT_FIXTURE = Fixture.load("gpt.json");
    private static final Map<String, String> MISTAKES = Map.of(
            "no_position_embedding", "the position embeddings are not added to the token embeddings",
            "no_final_layer_norm", "the final LayerNorm is not applied before the LM head");

    /** The fixture's 2-layer GPT with tied weights, its weights loaded. */
    private static GPT loaded() {
        Fixture c = GPT_FIXTURE.at("config");
        GPT gpt = new GPT(new GPTConfig(c.integer("vocab_size"), c.integer("block_size"), c.integer("n_layer"),
                c.integer("n_head"), c.integer("n_embd"), 0.0, true, true, 1), false); // weights loaded next
        Load.gpt(gpt, GPT_FIXTURE.at("params"));
        return gpt;
    }

    private static GPT small(int vocab, int blockSize, int layers, int heads, int embd, double dropout, boolean tied,
            long seed) {
        // Without GPT-2's initialisation (Problem 4.4), so these tests grade Problem 4.5 alone.
        return new GPT(new GPTConfig(vocab, blockSize, layers, heads, embd, dropout, true, tied, seed), false);
    }

    @Example
    @Label("logits and mean loss match PyTorch (2 layers, 2 heads, tied weights; ids [2, 6]), also from LONG tensors")
    @Points(3)
    void knownAnswer() {
        GPT gpt = loaded();
        int[][] ids = GPT_FIXTURE.intRows("ids");
        Tensor logits = gpt.forward(ids);
        Expect.closeOrDiagnose("GPT logits [2, 6, 11]", GPT_FIXTURE, "logits", logits.data(), MISTAKES);
        GPT.Output out = gpt.forward(longs(ids), longs(GPT_FIXTURE.intRows("targets")));
        Expect.close("GPT logits for ids in a LONG tensor", GPT_FIXTURE.array("logits"), out.logits().data());
        assertThat(out.loss().item()).as("the mean cross-entropy of the targets")
                .isCloseTo(GPT_FIXTURE.number("loss"), within(1e-9));
    }

    @Example
    @Label("backward matches PyTorch, the tied embedding's gradient including the LM head's share")
    @Points(2)
    void knownGradients() {
        GPT gpt = loaded();
        gpt.forward(GPT_FIXTURE.intRows("ids"), GPT_FIXTURE.intRows("targets")).loss().backward();
        Expect.close("dL/d token embedding (used twice: the lookup and, tied, the LM head)", GPT_FIXTURE.array("dwte"),
                gpt.tokenEmbedding().weight().grad());
        Expect.close("dL/d position embedding", GPT_FIXTURE.array("dwpe"), gpt.positionEmbedding().weight().grad());
        Expect.close("dL/d final LayerNorm weight", GPT_FIXTURE.array("dln_f.weight"), gpt.finalNorm().weight().grad());
        Expect.close("dL/d final LayerNorm bias", GPT_FIXTURE.array("dln_f.bias"), gpt.finalNorm().bias().grad());
        for (int i = 0; i < 2; i++) {
            TransformerBlock block = gpt.blocks().get(i);
            String p = "dblocks." + i + ".";
            Expect.close("dL/d block " + i + " ln1 weight", GPT_FIXTURE.array(p + "ln1.weight"),
                    block.ln1().weight().grad());
            Expect.close("dL/d block " + i + " attention output weight", GPT_FIXTURE.array(p + "attn.wo"),
                    block.attention().outputProjection().weight().grad());
            Expect.close("dL/d block " + i + " feed-forward up weight", GPT_FIXTURE.array(p + "ffn.w1"),
                    block.feedForward().up().weight().grad());
            Expect.close("dL/d block " + i + " feed-forward down bias", GPT_FIXTURE.array(p + "ffn.b2"),
                    block.feedForward().down().bias().grad());
        }
    }

    @Property(tries = 5, seed = "4501")
    @Label("causal: changing the tokens after position t never changes the logits at positions ≤ t")
    @Points(2)
    void causality(@ForAll @IntRange(min = 2, max = 6) int time, @ForAll @IntRange(min = 1, max = 2) int heads,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Random random = new Random(seed);
        GPT gpt = small(13, 8, 2, heads, 8, 0.0, true, seed);
        int t = random.nextInt(time - 1);
        int[][] ids = Values.ids(random, 2, time, 13);
        int[][] changed = new int[2][];
        for (int b = 0; b < 2; b++) {
            changed[b] = ids[b].clone();
            for (int s = t + 1; s < time; s++) {
                changed[b][s] = (ids[b][s] + 1 + random.nextInt(12)) % 13;
            }
        }
        Expect.close("logits at positions 0.." + t + " after changing the tokens after position " + t,
                AttentionTest.prefix(gpt.forward(ids).data(), t + 1),
                AttentionTest.prefix(gpt.forward(changed).data(), t + 1), 1e-12);
    }

    @Property(tries = 3, seed = "4502")
    @Label("sequences in a batch do not influence each other")
    @Points(1)
    void batchIndependence(@ForAll @IntRange(min = 1, max = 6) int time, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        GPT gpt = small(13, 8, 2, 2, 8, 0.0, false, seed);
        int[][] ids = Values.ids(new Random(seed), 3, time, 13);
        INDArray together = gpt.forward(ids).data();
        for (int b = 0; b < 3; b++) {
            INDArray alone = gpt.forward(new int[][] {ids[b]}).data();
            Expect.close("logits of sequence " + b + " alone vs within a batch of 3", alone,
                    together.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(b, b + 1),
                            org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all()),
                    1e-12);
        }
    }

    @Example
    @Label("backward of the loss matches central differences for every parameter (a tiny GPT with tied weights)")
    @Points(1)
    void gradient() {
        long seed = 4504;
        GPT gpt = small(5, 3, 1, 2, 4, 0.0, true, seed);
        for (Tensor p : gpt.parameters()) {
            // Larger than GPT-2's 0.02 so that every path carries a visible gradient.
            p.data().addi(Values.normal(new Random(seed + p.data().length()), 0.3, p.shape()));
        }
        int[][] ids = Values.ids(new Random(seed), 2, 3, 5);
        int[][] targets = Values.ids(new Random(seed + 1), 2, 3, 5);
        hw.testkit.GradCheck.module("the mean loss of GPT(V = 5, C = 4, 1 layer, 2 heads, tied)", gpt,
                ignored -> gpt.forward(ids, targets).loss(), null);
    }

    @Example
    @Label("dropout: eval() makes the output deterministic and equal to dropout 0; train() makes it random")
    @Points(1)
    void evalAndTrainModes() {
        GPT noisy = small(13, 8, 2, 2, 8, 0.3, true, 5);
        GPT clean = small(13, 8, 2, 2, 8, 0.0, true, 5);
        clean.loadStateDict(noisy.stateDict());
        int[][] ids = Values.ids(new Random(1), 2, 6, 13);
        noisy.eval();
        Expect.close("GPT with dropout 0.3 in eval mode vs the same weights without dropout", clean.forward(ids).data(),
                noisy.forward(ids).data());
        noisy.train();
        INDArray a = noisy.forward(ids).data(), b = noisy.forward(ids).data();
        assertThat(Expect.difference(a, b, 1e-9)).as("two forward passes in training mode with dropout 0.3 should"
                + " differ").isNotNull();
    }

    @Property(tries = 6, seed = "4503")
    @Label("parameter count: V·C + blockSize·C + nLayer·(12·C² + 13·C) + 2·C (+ C·V untied), each getting a gradient")
    @Points(1)
    void parameterCount(@ForAll @IntRange(min = 1, max = 2) int layers, @ForAll @IntRange(min = 1, max = 2) int heads,
            @ForAll @IntRange(min = 1, max = 3) int headSize, @ForAll boolean tied,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        int c = heads * headSize, vocab = 7, blockSize = 5;
        GPT gpt = small(vocab, blockSize, layers, heads, c, 0.0, tied, seed);
        long perBlock = 12L * c * c + 13L * c;
        long expected = (long) vocab * c + (long) blockSize * c + layers * perBlock + 2L * c + (tied ? 0 : (long) c * vocab);
        assertThat(gpt.parameterCount()).as("parameters of GPT(V = %d, blockSize = %d, nLayer = %d, C = %d, tied %s);"
                + " with tied weights the LM head is the token embedding, counted once", vocab, blockSize, layers, c,
                tied).isEqualTo(expected);
        int[][] ids = Values.ids(new Random(seed), 2, blockSize, vocab);
        gpt.forward(ids, ids).loss().backward();
        gpt.namedParameters().forEach((name, p) -> assertThat(p.grad())
                .as("gradient of parameter '%s' after backward", name).isNotNull());
    }

    @Example
    @Label("tied weights: the LM head is the token embedding, so every row of it, even an unused token's, gets a gradient")
    @Points(1)
    void tiedHead() {
        GPT gpt = small(9, 4, 1, 2, 8, 0.0, true, 3);
        List<String> vocabSized = gpt.namedParameters().entrySet().stream()
                .filter(e -> e.getValue().shape()[0] == 9 || e.getValue().shape()[e.getValue().rank() - 1] == 9)
                .map(e -> e.getKey() + " " + java.util.Arrays.toString(e.getValue().shape())).toList();
        String embedding = gpt.namedParameters().entrySet().stream()
                .filter(e -> e.getValue() == gpt.tokenEmbedding().weight())
                .map(e -> e.getKey() + " " + java.util.Arrays.toString(e.getValue().shape())).findFirst().orElseThrow();
        assertThat(vocabSized).as("parameters with a vocabulary-sized axis (V = 9) when the weights are tied: the"
                + " token embedding alone, no separate LM head").containsExactly(embedding);
        gpt.forward(new int[][] {{1, 2, 1}}, new int[][] {{2, 1, 2}}).loss().backward();
        INDArray grad = gpt.tokenEmbedding().weight().grad();
        for (int unused : new int[] {0, 5, 8}) {
            assertThat(grad.getRow(unused).norm2Number().doubleValue()).as("gradient of row %d of the token embedding"
                    + " (token %d never occurs, so only a tied LM head reaches it)", unused, unused).isGreaterThan(0);
        }
    }

    private static Tensor longs(int[][] ids) {
        long[][] out = new long[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            out[i] = java.util.Arrays.stream(ids[i]).asLongStream().toArray();
        }
        return Tensor.constant(Nd4j.createFromArray(out));
    }
}
