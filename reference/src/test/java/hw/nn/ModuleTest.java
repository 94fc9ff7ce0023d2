package hw.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import hw.tensor.Tensor;
import hw.testkit.GradCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The provided module machinery: naming, tying, modes, counting, saving and loading. */
class ModuleTest {

    /** Two Linears and a scale that is the first Linear's weight again (tied). */
    static final class Pair extends Module {
        final Linear first = registerModule("first", new Linear(3, 3, true, new Random(1)));
        final Linear second = registerModule("second", new Linear(3, 2, false, new Random(2)));
        final Tensor tied = registerParameter("tied", first.weight());
        final Dropout drop = registerModule("drop", new Dropout(0.5, 3));
    }

    @Test
    void parametersAreNamedByPathAndATiedTensorAppearsOnceUnderItsFirstName() {
        Pair m = new Pair();
        assertThat(m.namedParameters().keySet()).containsExactly("tied", "first.bias", "second.weight");
        assertThat(m.parameters()).hasSize(3);
        assertThat(m.parameterCount()).isEqualTo(9 + 3 + 6);
        assertThat(m.namedModules().keySet()).containsExactly("", "first", "second", "drop");
        assertThat(m.children()).containsOnlyKeys("first", "second", "drop");
    }

    @Test
    void registrationRejectsDuplicatesAndNonParameters() {
        assertThatThrownBy(() -> new Module() {
            final Tensor a = registerParameter("a", Tensor.param(Nd4j.zeros(DataType.DOUBLE, 2)));
            final Tensor b = registerParameter("a", Tensor.param(Nd4j.zeros(DataType.DOUBLE, 2)));
        }).hasMessageContaining("'a' is already used");
        assertThatThrownBy(() -> new Module() {
            final Tensor a = registerParameter("a", Tensor.zeros(2));
        }).hasMessageContaining("requires a gradient");
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        Pair m = new Pair();
        assertThat(m.drop.isTraining()).isTrue();
        m.eval();
        assertThat(m.modules()).allMatch(x -> !x.isTraining());
        m.train();
        assertThat(m.modules()).allMatch(Module::isTraining);
    }

    @Test
    void zeroGradClearsEveryParameter() {
        Pair m = new Pair();
        m.second.forward(m.first.forward(Tensor.ones(2, 3))).sum().backward();
        assertThat(m.parameters()).allMatch(p -> p.grad() != null);
        m.zeroGrad();
        assertThat(m.parameters()).allMatch(p -> p.grad() == null);
    }

    @Test
    void saveThenLoadRestoresEveryValueInPlace(@TempDir Path dir) throws IOException {
        Pair source = new Pair();
        Pair target = new Pair();
        Init.normal(target.first.weight(), 1.0, new Random(9));
        Tensor sameObject = target.first.weight();
        Path file = dir.resolve("sub/state.bin");
        source.save(file);
        target.load(file);
        assertThat(target.first.weight()).isSameAs(sameObject);
        source.namedParameters().forEach((name, p) ->
                assertThat(target.namedParameters().get(name).data()).as(name).isEqualTo(p.data()));
    }

    @Test
    void loadingAMismatchedStateIsAClearErrorAndChangesNothing() {
        Pair m = new Pair();
        INDArray before = m.first.weight().data().dup();
        Map<String, INDArray> state = m.stateDict();
        state.put("second.weight", Nd4j.zeros(DataType.DOUBLE, 2, 3));
        state.remove("first.bias");
        state.put("third.weight", Nd4j.zeros(DataType.DOUBLE, 1));
        state.put("first.weight", Nd4j.ones(DataType.DOUBLE, 3, 3));
        assertThatThrownBy(() -> m.loadStateDict(state))
                .hasMessageContaining("missing parameter 'first.bias'")
                .hasMessageContaining("unexpected parameter 'third.weight'")
                .hasMessageContaining("'second.weight' has shape [3, 2] but the state has [2, 3]");
        assertThat(m.first.weight().data()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNoStateIsRejected(@TempDir Path dir) throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.txt"), "hello");
        assertThatThrownBy(() -> new Pair().load(junk)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a saved model state");
    }

    @Test
    void initFillsInPlaceReproducibly() {
        Tensor p = Tensor.param(Nd4j.zeros(DataType.DOUBLE, 100, 100));
        Init.normal(p, 0.02, new Random(5));
        assertThat(p.data().stdNumber().doubleValue()).isCloseTo(0.02, within(0.001));
        INDArray first = p.data().dup();
        Init.normal(p, 0.02, new Random(5));
        assertThat(p.data()).isEqualTo(first);
        Init.uniform(p, 0.5, new Random(5));
        assertThat(p.data().maxNumber().doubleValue()).isLessThanOrEqualTo(0.5);
        Init.constant(p, 1.0);
        assertThat(p.data().minNumber().doubleValue()).isEqualTo(1.0);
    }

    @Test
    void softmaxIsStableSumsToOneAndGivesZeroToMinusInfinity() {
        Tensor x = Tensor.of(new double[] {1000, 1001, Double.NEGATIVE_INFINITY, -1000, -1000, -999}, 2, 3);
        double[] s = Functions.softmax(x, -1).toDoubleArray();
        double e = Math.exp(-1);
        assertThat(s).containsExactly(new double[] {e / (1 + e), 1 / (1 + e), 0, e / (2 * e + 1), e / (2 * e + 1),
            1 / (2 * e + 1)}, within(1e-12));
        GradCheck.function("softmax over axis 0", in -> Functions.softmax(in[0], 0),
                Nd4j.create(new double[] {0.1, -0.3, 0.7, 1.2, 0.0, -1.1}, new long[] {3, 2}, DataType.DOUBLE));
    }

    @Test
    void crossEntropyReductions() {
        Tensor logits = Tensor.of(new double[] {2, 0, 0, 0, 3, 0}, 2, 3);
        double l0 = Math.log(Math.exp(2) + 2) - 2, l1 = Math.log(Math.exp(3) + 2) - 3;
        assertThat(Functions.crossEntropy(logits, new int[] {0, 1}).item()).isCloseTo((l0 + l1) / 2, within(1e-12));
        assertThat(Functions.crossEntropy(logits, new int[] {0, 1}, Functions.Reduction.SUM).item())
                .isCloseTo(l0 + l1, within(1e-12));
        assertThat(Functions.crossEntropy(logits, new int[] {0, 1}, new double[] {0, 2}).item())
                .isCloseTo(l1, within(1e-12));
        assertThat(Functions.crossEntropy(logits.reshape(1, 2, 3), new int[] {0, 1}, Functions.Reduction.NONE)
                .toDoubleArray()).containsExactly(new double[] {l0, l1}, within(1e-12));
        assertThatThrownBy(() -> Functions.crossEntropy(logits, new int[] {0, 1}, new double[] {0, 0}))
                .hasMessageContaining("positive");
    }
}
