package hw.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The provided tensor operations: values, shapes and error messages (their backward rules are graded). */
class TensorOpsTest {
    private final Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);

    @Test
    void binaryOpsBroadcastLikeNumPy() {
        Tensor row = Tensor.of(new double[] {10, 20, 30});
        Tensor col = Tensor.of(new double[] {1, 2}, 2, 1);
        assertThat(a.add(row).toDoubleArray()).containsExactly(11, 22, 33, 14, 25, 36);
        assertThat(a.mul(col).toDoubleArray()).containsExactly(1, 2, 3, 8, 10, 12);
        assertThat(a.sub(row).div(Tensor.scalar(2)).toDoubleArray()).containsExactly(-4.5, -9, -13.5, -3, -7.5, -12);
        assertThat(col.add(row).shape()).containsExactly(2, 3);
    }

    @Test
    void shapeMistakesNameTheOperationAndBothShapes() {
        assertThatThrownBy(() -> a.add(Tensor.zeros(2)))
                .hasMessageContaining("add").hasMessageContaining("[2, 3]").hasMessageContaining("[2]");
        assertThatThrownBy(() -> a.matmul(Tensor.zeros(2, 3)))
                .hasMessageContaining("matmul").hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> Tensor.zeros(2, 3, 4).matmul(Tensor.zeros(3, 4, 5)))
                .hasMessageContaining("batch");
        assertThatThrownBy(() -> a.reshape(4, 2)).hasMessageContaining("reshape").hasMessageContaining("[4, 2]");
        assertThatThrownBy(() -> a.sum(2, false)).hasMessageContaining("axis 2");
        assertThatThrownBy(() -> Tensor.of(new double[] {1, 2, 3}, 2, 2)).hasMessageContaining("3 values");
    }

    @Test
    void matmulCoversMatricesBatchesAndRowWiseProducts() {
        Tensor b = Tensor.of(new double[] {1, 0, 0, 1, 1, 1}, 3, 2);
        assertThat(a.matmul(b).toDoubleArray()).containsExactly(4, 5, 10, 11);
        Tensor batch = Tensor.constant(Nd4j.rand(DataType.DOUBLE, 4, 2, 3));
        assertThat(batch.matmul(b).shape()).containsExactly(4, 2, 2);
        Tensor other = Tensor.constant(Nd4j.rand(DataType.DOUBLE, 4, 3, 5));
        assertThat(batch.matmul(other).shape()).containsExactly(4, 2, 5);
    }

    @Test
    void reductionsAndShapeOps() {
        assertThat(a.sum().item()).isEqualTo(21);
        assertThat(a.sum(0, false).toDoubleArray()).containsExactly(5, 7, 9);
        assertThat(a.sum(-1, true).shape()).containsExactly(2, 1);
        assertThat(a.mean(1, false).toDoubleArray()).containsExactly(2, 5);
        assertThat(a.max(0, false).toDoubleArray()).containsExactly(4, 5, 6);
        assertThat(a.transpose(0, 1).toDoubleArray()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(a.transpose(0, 1).reshape(-1).shape()).containsExactly(6);
        assertThat(a.exp().log().toDoubleArray()).containsExactly(new double[] {1, 2, 3, 4, 5, 6},
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void noGradScopeRecordsNoGraph() {
        Tensor p = Tensor.param(Nd4j.ones(DataType.DOUBLE, 2));
        assertThat(p.mul(p).requiresGrad()).isTrue();
        try (GradMode.Scope ignored = GradMode.disabled()) {
            Tensor q = p.mul(p);
            assertThat(q.requiresGrad()).isFalse();
            assertThat(q.inputs()).isEmpty();
        }
        assertThat(GradMode.isEnabled()).isTrue();
    }

    @Test
    void backwardNeedsAScalarOrAGradientOfTheRightShape() {
        Tensor p = Tensor.param(Nd4j.ones(DataType.DOUBLE, 2));
        assertThatThrownBy(() -> p.mul(p).backward()).hasMessageContaining("[2]");
        assertThatThrownBy(() -> p.mul(p).backward(Nd4j.ones(DataType.DOUBLE, 3))).hasMessageContaining("[3]");
        assertThatThrownBy(() -> a.sum().backward()).hasMessageContaining("does not require a gradient");
    }

    @Test
    void sumToShapeUndoesBroadcasting() {
        var g = Nd4j.ones(DataType.DOUBLE, 4, 2, 3);
        assertThat(Shapes.sumToShape(g, new long[] {3}).toDoubleVector()).containsExactly(8, 8, 8);
        assertThat(Shapes.sumToShape(g, new long[] {2, 1}).shape()).containsExactly(2, 1);
        assertThat(Shapes.sumToShape(g, new long[] {2, 1}).getDouble(0, 0)).isEqualTo(12);
    }
}
