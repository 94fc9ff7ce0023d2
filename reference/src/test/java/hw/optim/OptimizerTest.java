package hw.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import hw.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The provided optimizer machinery: groups, SGD, state, errors; and the schedule's and clipping's checks. */
class OptimizerTest {

    private static Tensor param(double... values) {
        return Tensor.param(Nd4j.create(values, new long[] {values.length}, DataType.DOUBLE));
    }

    private static void grad(Tensor p, double... values) {
        p.zeroGrad();
        p.accumulateGrad(Nd4j.create(values, new long[] {values.length}, DataType.DOUBLE));
    }

    private static double[] values(Tensor p) {
        return p.toDoubleArray();
    }

    @Test
    void sgdWithMomentumFollowsTheHandComputation() {
        Tensor p = param(1.0, -2.0);
        SGD sgd = new SGD(ParamGroup.of(List.of(p)), 0.1, 0.9);
        grad(p, 0.5, 1.0);
        sgd.step(); // b = g = (0.5, 1); p = (1 − 0.05, −2 − 0.1)
        assertThat(values(p)).containsExactly(new double[] {0.95, -2.1}, within(1e-15));
        grad(p, -1.0, 2.0);
        sgd.step(); // b = 0.9·(0.5, 1) + (−1, 2) = (−0.55, 2.9); p = (0.95 + 0.055, −2.1 − 0.29)
        assertThat(values(p)).containsExactly(new double[] {1.005, -2.39}, within(1e-15));
        assertThat(sgd.stepCount()).isEqualTo(2);
    }

    @Test
    void sgdWeightDecayIsAnL2PenaltyOnTheGradient() {
        Tensor p = param(2.0);
        SGD sgd = new SGD(List.of(new ParamGroup(List.of(p), 0.5)), 0.1);
        grad(p, 1.0);
        sgd.step(); // d = 1 + 0.5·2 = 2; p = 2 − 0.2
        assertThat(values(p)).containsExactly(new double[] {1.8}, within(1e-15));
    }

    @Test
    void aTensorListedTwiceIsOneParameterButTwoDecaysAreAnError() {
        Tensor shared = param(1.0, 2.0), other = param(3.0);
        SGD sgd = new SGD(List.of(new ParamGroup(List.of(shared, other, shared), 0.0),
                new ParamGroup(List.of(shared), 0.0)), 1.0);
        assertThat(sgd.parameters()).containsExactly(shared, other);
        grad(shared, 1.0, 1.0);
        sgd.step();
        assertThat(values(shared)).containsExactly(0.0, 1.0);
        assertThat(values(other)).containsExactly(3.0); // no gradient: skipped

        assertThatThrownBy(() -> new SGD(List.of(new ParamGroup(List.of(shared), 0.1),
                new ParamGroup(List.of(shared), 0.0)), 1.0))
                .hasMessageContaining("weight decay 0.1 and 0.0").hasMessageContaining("one group");
    }

    @Test
    void groupsAndHyperparametersAreChecked() {
        assertThatThrownBy(() -> new ParamGroup(List.of(Tensor.zeros(2)), 0.0))
                .hasMessageContaining("not a trainable leaf");
        assertThatThrownBy(() -> new ParamGroup(List.of(param(1)), -0.1)).hasMessageContaining("weight decay");
        assertThatThrownBy(() -> new SGD(List.of(), 0.1)).hasMessageContaining("at least one parameter group");
        assertThatThrownBy(() -> new SGD(ParamGroup.of(List.of(param(1))), Double.NaN))
                .hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new SGD(ParamGroup.of(List.of(param(1))), 0.1, 1.0)).hasMessageContaining("momentum");
        assertThatThrownBy(() -> new Adam(ParamGroup.of(List.of(param(1))), 1e-3, 1.0, 0.999, 1e-8))
                .hasMessageContaining("beta and gamma");
        assertThatThrownBy(() -> new Adam(ParamGroup.of(List.of(param(1))), 1e-3, 0.9, 0.999, 0))
                .hasMessageContaining("eps");
        assertThatThrownBy(() -> new Adam(List.of(new ParamGroup(List.of(param(1)), 0.1))))
                .hasMessageContaining("Adam has no weight decay").hasMessageContaining("AdamW");
        assertThat(new AdamW(List.of(new ParamGroup(List.of(param(1)), 0.1))).describe())
                .isEqualTo("AdamW(lr=0.001, beta=0.9, gamma=0.999, eps=1.0E-8)");
    }

    @Test
    void stateRoundTripsAndMismatchesAreExplained() {
        Tensor a = param(1, 2), b = param(3);
        SGD sgd = new SGD(ParamGroup.of(List.of(a, b)), 0.1, 0.9);
        grad(a, 1, 1);
        grad(b, 2);
        sgd.step();
        sgd.setLearningRate(0.05);
        Map<String, INDArray> state = sgd.state();
        assertThat(state).containsOnlyKeys("step", "learningRate", "velocity.0", "velocity.1");

        SGD copy = new SGD(ParamGroup.of(List.of(param(0, 0), param(0))), 0.1, 0.9);
        copy.loadState(state);
        assertThat(copy.stepCount()).isEqualTo(1);
        assertThat(copy.learningRate()).isEqualTo(0.05);
        assertThat(copy.state().get("velocity.1").getDouble(0)).isEqualTo(2.0);

        Adam adam = new Adam(ParamGroup.of(List.of(param(0, 0), param(0))));
        assertThatThrownBy(() -> adam.loadState(state)).hasMessageContaining("keeps buffers [u, v]")
                .hasMessageContaining("another kind of optimizer");
        SGD otherShapes = new SGD(ParamGroup.of(List.of(param(0, 0, 0), param(0))), 0.1, 0.9);
        assertThatThrownBy(() -> otherShapes.loadState(state))
                .hasMessageContaining("'velocity.0' has shape [2] but parameter 0 has shape [3]");
        assertThat(otherShapes.stepCount()).isZero(); // nothing loaded
    }

    @Test
    void zeroGradForgetsEveryGradient() {
        Tensor a = param(1), b = param(2);
        grad(a, 1);
        grad(b, 1);
        new SGD(ParamGroup.of(List.of(a, b)), 0.1).zeroGrad();
        assertThat(a.grad()).isNull();
        assertThat(b.grad()).isNull();
    }

    @Test
    void schedulesCountStepsFromOne() {
        assertThatThrownBy(() -> new WarmupCosine(1e-3, 1e-4, 10, 100).at(0)).hasMessageContaining("counted from 1");
        assertThatThrownBy(() -> LearningRateSchedule.constant(0.1).at(0)).hasMessageContaining("counted from 1");
        assertThat(LearningRateSchedule.constant(0.1).at(7)).isEqualTo(0.1);
        assertThatThrownBy(() -> new WarmupCosine(1e-3, 1e-2, 10, 100)).hasMessageContaining("minLr");
        assertThatThrownBy(() -> new WarmupCosine(1e-3, 1e-4, 10, 5)).hasMessageContaining("warmupSteps ≤ totalSteps");
        WarmupCosine allWarmup = new WarmupCosine(1.0, 0.5, 4, 4);
        assertThat(allWarmup.at(4)).isEqualTo(1.0);
        assertThat(allWarmup.at(5)).isEqualTo(0.5);
    }

    @Test
    void clippingCountsATiedTensorOnceAndSkipsMissingGradients() {
        Tensor a = param(0, 0), b = param(0);
        grad(a, 3, 4); // norm 5
        double norm = GradientClipping.clipGlobalNorm(List.of(a, a, b), 1.0);
        assertThat(norm).isEqualTo(5.0, within(1e-12));
        assertThat(a.grad().toDoubleVector()).containsExactly(new double[] {0.6, 0.8}, within(1e-12));
        assertThat(GradientClipping.clipGlobalNorm(List.of(b), 1.0)).isZero();
        assertThatThrownBy(() -> GradientClipping.clipGlobalNorm(List.of(a), 0)).hasMessageContaining("maxNorm");
    }

    /** Three parameters (a matrix, a vector, a scalar-like vector) in two decay groups, with given values. */
    private static List<Tensor> trio() {
        return List.of(Tensor.param(Nd4j.create(new double[] {1, -2, 3, -4}, new long[] {2, 2}, DataType.DOUBLE)),
                param(0.5, -0.25), param(2.0));
    }

    private static List<ParamGroup> groups(List<Tensor> ps) {
        return List.of(new ParamGroup(List.of(ps.get(0)), 0.1), new ParamGroup(List.of(ps.get(1), ps.get(2)), 0.0));
    }

    @Test
    void flatGroupsStepExactlyAsParameterByParameterAndSkipAMemberWithoutGradient() {
        List<Tensor> plain = trio(), flat = trio();
        AdamW a = new AdamW(groups(plain), 0.01, 0.9, 0.999, 1e-8);
        AdamW b = new AdamW(groups(flat), 0.01, 0.9, 0.999, 1e-8);
        assertThat(b.flattenParameters()).isTrue();
        assertThat(b.flattenParameters()).as("a second call changes nothing").isTrue();
        double[][][] grads = {{{0.1, 0.2, -0.3, 0.4}, {1.0, -1.0}, {0.5}}, {{-0.2, 0.1, 0.0, 0.3}, null, {0.25}},
            {{0.3, -0.1, 0.2, -0.4}, {0.5, 0.5}, {-1.0}}};
        for (double[][] step : grads) {
            for (List<Tensor> ps : List.of(plain, flat)) {
                for (int i = 0; i < 3; i++) {
                    ps.get(i).zeroGrad();
                    if (step[i] != null) {
                        ps.get(i).accumulateGrad(Nd4j.create(step[i], ps.get(i).shape(), DataType.DOUBLE));
                    }
                }
            }
            assertThat(b.parameters()).as("whole groups count as one parameter, a group lacking a gradient does"
                    + " not").hasSize(step[1] == null ? 3 : 2);
            a.step();
            b.step();
            for (int i = 0; i < 3; i++) {
                assertThat(values(flat.get(i))).containsExactly(values(plain.get(i)), within(1e-15));
                assertThat(flat.get(i).shape()).isEqualTo(plain.get(i).shape());
            }
        }
        Map<String, INDArray> sa = a.state(), sb = b.state();
        assertThat(sb.keySet()).isEqualTo(sa.keySet());
        sa.forEach((k, v) -> assertThat(sb.get(k).ravel().toDoubleVector()).containsExactly(v.ravel().toDoubleVector(), within(1e-15)));
        b.loadState(sa);
        assertThat(b.state().get("u.1").toDoubleVector()).containsExactly(sa.get("u.1").toDoubleVector(),
                within(0.0));
    }

    @Test
    void clippingTheFlatGroupsClipsEveryMember() {
        List<Tensor> ps = trio();
        SGD sgd = new SGD(groups(ps), 1.0);
        sgd.flattenParameters();
        for (Tensor p : ps) {
            p.zeroGrad();
            p.accumulateGrad(Nd4j.ones(DataType.DOUBLE, p.shape()).muli(2.0));
        }
        double norm = GradientClipping.clipGlobalNorm(sgd.parameters(), 1.0);
        assertThat(norm).isCloseTo(2.0 * Math.sqrt(7), within(1e-12));
        for (Tensor p : ps) {
            for (double g : p.grad().ravel().toDoubleVector()) {
                assertThat(g).isCloseTo(2.0 / (2.0 * Math.sqrt(7)), within(1e-12));
            }
        }
        assertThat(new SGD(groups(ps), 1.0).flattenParameters()).as("parameters already in another optimizer's"
                + " flat group stay as they are").isFalse();
    }
}
