package hw.model;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.Fixture;
import hw.testkit.GradCheck;
import hw.testkit.Values;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

@Todo("4.3")
@Label("Problem 4.3 TransformerBlock.forward")
class TransformerBlockTest {
    private static final Fixture BLOCK = Fixture.load("transformer.json").at("block");
    private static final Map<String, String> MISTAKES = Map.of(
            "post_ln", "post-LN, x = ln(x + sublayer(x)); GPT-2 is pre-LN: x = x + sublayer(ln(x))",
            "residual_from_normalized", "the residual adds the normalised input, ln(x) + sublayer(ln(x)); it must add"
                    + " the un-normalised x: x + sublayer(ln(x))");

    private static TransformerBlock loaded() {
        TransformerBlock block = new TransformerBlock(8, BLOCK.integer("n_head"), 0.0, true, new Random(0));
        Load.block(block, BLOCK.at("params"));
        return block;
    }

    @Example
    @Label("forward matches PyTorch's pre-LN block: x + attention(ln1(x)), then + feedForward(ln2(·))")
    @Points(2)
    void knownAnswer() {
        Tensor y = loaded().forward(Tensor.constant(BLOCK.array("x")));
        Expect.closeOrDiagnose("TransformerBlock(C = 8, 2 heads).forward(x)", BLOCK, "y", y.data(), MISTAKES);
    }

    @Example
    @Label("backward matches PyTorch: gradients of x, both LayerNorms, the attention output and the feed-forward")
    @Points(1)
    void knownGradient() {
        TransformerBlock block = loaded();
        Tensor x = Tensor.param(BLOCK.array("x"));
        Values.backward(block.forward(x), BLOCK.array("upstream"));
        Expect.close("dL/dx", BLOCK.array("dx"), x.grad());
        Expect.close("dL/d ln1 weight", BLOCK.array("dln1.weight"), block.ln1().weight().grad());
        Expect.close("dL/d ln1 bias", BLOCK.array("dln1.bias"), block.ln1().bias().grad());
        Expect.close("dL/d ln2 weight", BLOCK.array("dln2.weight"), block.ln2().weight().grad());
        Expect.close("dL/d ln2 bias", BLOCK.array("dln2.bias"), block.ln2().bias().grad());
        Expect.close("dL/d attention output weight", BLOCK.array("dattn.wo"),
                block.attention().outputProjection().weight().grad());
        Expect.close("dL/d feed-forward up weight", BLOCK.array("dffn.w1"), block.feedForward().up().weight().grad());
        Expect.close("dL/d feed-forward down weight", BLOCK.array("dffn.w2"),
                block.feedForward().down().weight().grad());
    }

    @Property(tries = 4, seed = "4301")
    @Label("pre-LN: when both branches output 0, the block returns its input unchanged (the stream is never normalised)")
    @Points(1)
    void zeroBranchesGiveTheIdentity(@ForAll @IntRange(min = 1, max = 4) int time,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Random random = new Random(seed);
        TransformerBlock block = new TransformerBlock(8, 2, 0.0, true, random);
        block.attention().outputProjection().weight().data().assign(0);
        block.attention().outputProjection().bias().data().assign(0);
        block.feedForward().down().weight().data().assign(0);
        block.feedForward().down().bias().data().assign(0);
        INDArray x = Values.normal(random, 3.0, 2, time, 8).addi(1.5);
        Expect.close("block output when the attention and feed-forward outputs are 0; a pre-LN block then returns x"
                + " (post-LN would return a normalised x)", x, block.forward(Tensor.constant(x)).data(), 1e-12);
    }

    @Property(tries = 4, seed = "4302")
    @Label("causal: changing the input after position t never changes the output at positions ≤ t")
    @Points(1)
    void causality(@ForAll @IntRange(min = 2, max = 5) int time, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Random random = new Random(seed);
        TransformerBlock block = new TransformerBlock(8, 2, 0.0, true, random);
        int t = random.nextInt(time - 1);
        INDArray x = Values.normal(random, 1.0, 2, time, 8);
        INDArray changed = x.dup();
        changed.get(NDArrayIndex.all(), NDArrayIndex.interval(t + 1, time), NDArrayIndex.all())
                .assign(Values.normal(random, 1.0, 2, time - t - 1, 8));
        Expect.close("block output at positions 0.." + t + " after changing the input after position " + t,
                AttentionTest.prefix(block.forward(Tensor.constant(x)).data(), t + 1),
                AttentionTest.prefix(block.forward(Tensor.constant(changed)).data(), t + 1), 1e-12);
    }

    @Property(tries = 2, seed = "4303")
    @Label("backward matches central differences for the input and every parameter")
    @Points(1)
    void gradient(@ForAll @IntRange(min = 1, max = 3) int time, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Random random = new Random(seed);
        TransformerBlock block = new TransformerBlock(4, 2, 0.0, true, random);
        GradCheck.module("TransformerBlock(C = 4, 2 heads)", block, block::forward, Values.normal(random, 1.0, 1, time, 4));
    }
}
