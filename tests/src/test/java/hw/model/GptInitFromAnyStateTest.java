package hw.model;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import hw.nn.LayerNorm;
import hw.nn.Linear;
import hw.nn.Module;
import hw.tensor.Tensor;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.Label;

/** initWeights sets every parameter, whatever it held: a model's constructor is not the only caller. */
@Todo("4.4")
@Label("Problem 4.4 GPT.initWeights")
class GptInitFromAnyStateTest {

    @Example
    @Label("from any state: after every parameter is set to 7, initWeights gives LayerNorm 1 and 0, biases 0, and"
            + " fresh random weights")
    @Points(1)
    void resetsEveryParameter() {
        GPT gpt = new GPT(new GPTConfig(16, 8, 2, 2, 8, 0.0, true, false, 4404));
        for (Tensor p : gpt.parameters()) {
            p.data().assign(7.0);
        }
        gpt.initWeights(new Random(4404));
        for (Map.Entry<String, Module> e : gpt.namedModules().entrySet()) {
            String name = e.getKey();
            if (e.getValue() instanceof LayerNorm norm) {
                assertThat(norm.weight().data().toDoubleVector()).as("%s.weight after initWeights on a model whose"
                        + " parameters were all 7", name).containsOnly(1.0);
                assertThat(norm.bias().data().toDoubleVector()).as("%s.bias after initWeights on a model whose"
                        + " parameters were all 7", name).containsOnly(0.0);
            } else if (e.getValue() instanceof Linear linear) {
                if (linear.bias() != null) {
                    assertThat(linear.bias().data().toDoubleVector()).as("%s.bias after initWeights on a model whose"
                            + " parameters were all 7", name).containsOnly(0.0);
                }
                assertThat(linear.weight().data().maxNumber().doubleValue()).as("the largest entry of %s.weight after"
                        + " initWeights on a model whose parameters were all 7", name).isLessThan(1.0);
            }
        }
    }
}
