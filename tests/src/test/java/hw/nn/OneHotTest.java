package hw.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

@Todo("2.3")
@Label("Problem 2.3 Functions.oneHot")
class OneHotTest {

    @Example
    @Label("known answer: oneHot([2, 0, 2], 3)")
    @Points(1)
    void knownAnswer() {
        Tensor y = Functions.oneHot(new int[] {2, 0, 2}, 3);
        assertThat(y.shape()).as("shape of oneHot([2, 0, 2], 3)").containsExactly(3, 3);
        assertThat(y.toDoubleArray()).containsExactly(0, 0, 1, 1, 0, 0, 0, 0, 1);
    }

    @Property(tries = 30, seed = "2301")
    @Label("each row is all zeros but a single 1 at its id; the tensor overload agrees")
    @Points(1)
    void rows(@ForAll("ids") int[] ids, @ForAll @IntRange(min = 0, max = 3) int extraClasses) {
        int classes = java.util.Arrays.stream(ids).max().orElse(0) + 1 + extraClasses;
        Tensor y = Functions.oneHot(ids, classes);
        assertThat(y.shape()).as("shape").containsExactly(ids.length, classes);
        double[] v = y.toDoubleArray();
        for (int i = 0; i < ids.length; i++) {
            for (int c = 0; c < classes; c++) {
                assertThat(v[i * classes + c]).as("row %d (id %d), column %d", i, ids[i], c)
                        .isEqualTo(c == ids[i] ? 1.0 : 0.0);
            }
        }
        double[] asDoubles = java.util.Arrays.stream(ids).asDoubleStream().toArray();
        assertThat(Functions.oneHot(Tensor.of(asDoubles), classes).toDoubleArray()).as("oneHot of ids in a tensor")
                .containsExactly(v);
    }

    @Example
    @Label("an id outside [0, numClasses) is an IllegalArgumentException naming the id")
    @Points(1)
    void rejectsBadIds() {
        assertThatThrownBy(() -> Functions.oneHot(new int[] {0, 3}, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3");
        assertThatThrownBy(() -> Functions.oneHot(new int[] {-1}, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Provide
    Arbitrary<int[]> ids() {
        return Arbitraries.integers().between(0, 6).array(int[].class).ofMinSize(1).ofMaxSize(8);
    }
}
