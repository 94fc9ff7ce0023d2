package hw.optim;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import hw.nn.Embedding;
import hw.nn.LayerNorm;
import hw.nn.Linear;
import hw.nn.Module;
import hw.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

@Todo("6.3")
@Label("Problem 6.3 ParamGroups.forWeightDecay")
class ParamGroupsTest {

    @Property(tries = 6, seed = "6301")
    @Label("in a GPT-shaped model, weights and embeddings (2+ axes) get the weight decay, biases and LayerNorm"
            + " parameters 0; every parameter is in exactly one group")
    @Points(2)
    void gptShaped(@ForAll @IntRange(min = 1, max = 2) int layers, @ForAll boolean bias, @ForAll boolean tied) {
        checkGroups("a GPT-shaped model (" + layers + " blocks, biases " + bias + ", tied head " + tied + ")",
                new GptShaped(layers, bias, tied), 0.1);
    }

    @Example
    @Label("a tensor registered twice (a tied weight) is in one group, once")
    @Points(1)
    void tiedWeight() {
        checkGroups("a module whose 'head' is its Linear's weight again", new Tied(), 0.05);
    }

    /** A Linear, a LayerNorm, and the Linear's weight registered a second time. */
    static final class Tied extends Module {
        final Linear linear = registerModule("linear", new Linear(4, 3, true, new Random(1)));
        final LayerNorm norm = registerModule("norm", new LayerNorm(3));
        final Tensor head = registerParameter("head", linear.weight());
    }

    /**
     * GPT's parameters without its forward pass (so no other problem is needed): embeddings, blocks of LayerNorms
     * and Linears, a final LayerNorm and a head that may be the token embedding again.
     */
    static final class GptShaped extends Module {
        GptShaped(int layers, boolean bias, boolean tied) {
            Random random = new Random(layers);
            Embedding tokens = registerModule("tokenEmbedding", new Embedding(11, 8, random));
            registerModule("positionEmbedding", new Embedding(6, 8, random));
            for (int i = 0; i < layers; i++) {
                Block block = new Block(bias, random);
                registerModule("blocks." + i, block);
            }
            registerModule("finalNorm", new LayerNorm(8));
            if (tied) {
                registerParameter("lmHead", tokens.weight());
            } else {
                registerModule("lmHead", new Linear(8, 11, false, random));
            }
        }
    }

    static final class Block extends Module {
        Block(boolean bias, Random random) {
            registerModule("ln1", new LayerNorm(8));
            registerModule("qkv", new Linear(8, 24, bias, random));
            registerModule("projection", new Linear(8, 8, bias, random));
            registerModule("ln2", new LayerNorm(8));
            registerModule("up", new Linear(8, 32, bias, random));
            registerModule("down", new Linear(32, 8, bias, random));
        }
    }

    private static void checkGroups(String what, Module model, double weightDecay) {
        List<ParamGroup> groups = ParamGroups.forWeightDecay(model, weightDecay);
        assertThat(groups).as("the groups of %s", what).isNotNull();
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
            Tensor p = e.getValue();
            List<String> places = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                for (Tensor t : groups.get(g).params()) {
                    if (t == p) {
                        places.add("group " + g + " (weight decay " + groups.get(g).weightDecay() + ")");
                    }
                }
            }
            double expected = p.rank() >= 2 ? weightDecay : 0.0;
            assertThat(places).as("where parameter '%s' %s of %s appears (expected once, with weight decay %s)",
                    e.getKey(), Arrays.toString(p.shape()), what, expected).hasSize(1);
            assertThat(places.get(0)).as("the group of parameter '%s' %s of %s", e.getKey(),
                    Arrays.toString(p.shape()), what).endsWith("(weight decay " + expected + ")");
        }
        long listed = groups.stream().mapToLong(g -> g.params().size()).sum();
        assertThat(listed).as("parameters listed in all groups of %s together (each of its %d parameters once)", what,
                model.namedParameters().size()).isEqualTo(model.namedParameters().size());
    }
}
