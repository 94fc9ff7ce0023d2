package hw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.nn.Embedding;
import hw.nn.LayerNorm;
import hw.nn.Linear;
import hw.nn.Module;
import hw.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.Label;
import org.nd4j.linalg.api.ndarray.INDArray;

@Todo("4.4")
@Label("Problem 4.4 GPT.initWeights")
class GptInitTest {
    private static final GPTConfig CONFIG = new GPTConfig(64, 32, 2, 2, 32, 0.0, true, false, 11);

    @Example
    @Label("GPT-2 init: weights and embeddings N(0, 0.02²), residual projections N(0, (0.02/√(2·nLayer))²),"
            + " biases 0, LayerNorm 1 and 0")
    @Points(2)
    void distributions() {
        GPT gpt = new GPT(CONFIG);
        Map<Tensor, Double> residual = new IdentityHashMap<>();
        double residualStd = 0.02 / Math.sqrt(2 * CONFIG.nLayer());
        for (TransformerBlock block : gpt.blocks()) {
            residual.put(block.attention().outputProjection().weight(), residualStd);
            residual.put(block.feedForward().down().weight(), residualStd);
        }
        int checked = 0;
        for (Map.Entry<String, Module> e : gpt.namedModules().entrySet()) {
            String name = e.getKey();
            if (e.getValue() instanceof Linear linear) {
                double std = residual.getOrDefault(linear.weight(), 0.02);
                assertNormal(name + ".weight" + (std != 0.02 ? " (a residual output projection)" : ""), linear.weight(),
                        std);
                if (linear.bias() != null) {
                    assertConstant(name + ".bias", linear.bias(), 0.0);
                }
                checked++;
            } else if (e.getValue() instanceof Embedding embedding) {
                assertNormal(name + ".weight", embedding.weight(), 0.02);
                checked++;
            } else if (e.getValue() instanceof LayerNorm norm) {
                assertConstant(name + ".weight", norm.weight(), 1.0);
                assertConstant(name + ".bias", norm.bias(), 0.0);
                checked++;
            }
        }
        assertThat(checked).as("modules checked").isGreaterThan(10);
    }

    @Example
    @Label("seeded: the same seed gives the same parameters, another seed different ones")
    @Points(1)
    void seeded() {
        GPT a = new GPT(CONFIG), b = new GPT(CONFIG), c = new GPT(CONFIG.withSeed(12));
        a.stateDict().forEach((name, value) ->
                assertThat(b.stateDict().get(name)).as("parameter '%s' of two GPTs with seed 11", name).isEqualTo(value));
        assertThat(c.tokenEmbedding().weight().data()).as("token embedding with seed 12 vs seed 11")
                .isNotEqualTo(a.tokenEmbedding().weight().data());
        a.initWeights(new Random(3));
        INDArray first = a.tokenEmbedding().weight().data().dup();
        a.initWeights(new Random(3));
        assertThat(a.tokenEmbedding().weight().data()).as("initWeights with the same Random seed twice")
                .isEqualTo(first);
    }

    private static void assertNormal(String name, Tensor p, double std) {
        INDArray v = p.data();
        long n = v.length();
        double mean = v.meanNumber().doubleValue();
        double sd = Math.sqrt(v.sub(mean).mul(v.sub(mean)).sumNumber().doubleValue() / n);
        assertThat(sd).as("standard deviation of %s (%d values): GPT-2 initialises it from N(0, %s²)", name, n, std)
                .isCloseTo(std, within(0.15 * std));
        assertThat(mean).as("mean of %s (%d values)", name, n).isCloseTo(0.0, within(5 * std / Math.sqrt(n)));
    }

    private static void assertConstant(String name, Tensor p, double value) {
        INDArray v = p.data();
        assertThat(v.minNumber().doubleValue()).as("%s should be all %s", name, value).isEqualTo(value);
        assertThat(v.maxNumber().doubleValue()).as("%s should be all %s", name, value).isEqualTo(value);
    }
}
