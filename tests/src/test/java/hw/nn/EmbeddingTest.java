package hw.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.Fixture;
import hw.testkit.GradCheck;
import hw.testkit.Values;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.nd4j.linalg.api.ndarray.INDArray;

@Todo("3.4")
@Label("Problem 3.4 Embedding.forward")
class EmbeddingTest {
    private static final Fixture EMBEDDING = Fixture.load("modules.json").at("embedding");

    @Example
    @Label("lookup of ids [2, 4] and the table's gradient (ids repeat) match PyTorch's F.embedding")
    @Points(2)
    void knownAnswer() {
        Embedding embedding = new Embedding(7, 3, new Random(0));
        Values.set("Embedding.weight", embedding.weight(), EMBEDDING.array("weight"));
        Tensor y = embedding.forward(EMBEDDING.intRows("ids"));
        Expect.close("Embedding(7, 3).forward(ids)", EMBEDDING.array("y"), y.data());
        Values.backward(y, EMBEDDING.array("upstream"));
        Expect.close("dL/d weight (a repeated id's row sums the gradients of all its uses)",
                EMBEDDING.array("dweight"), embedding.weight().grad());
    }

    @Property(tries = 15, seed = "3401")
    @Label("repeated ids accumulate: row r of the gradient is the sum over the positions holding r; unused rows get 0")
    @Points(1)
    void repeatedIdsAccumulate(@ForAll @IntRange(min = 1, max = 5) int vocab, @ForAll @IntRange(min = 1, max = 10) int n,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Random random = new Random(seed);
        Embedding embedding = new Embedding(vocab, 3, random);
        int[] ids = random.ints(n, 0, vocab).toArray();
        INDArray upstream = Values.uniform(random, -1, 1, n, 3);
        Tensor y = embedding.forward(ids);
        for (int i = 0; i < n; i++) {
            Expect.close("row " + i + " of the lookup (id " + ids[i] + ")", embedding.weight().data().getRow(ids[i]),
                    y.data().getRow(i), 0);
        }
        Values.backward(y, upstream);
        INDArray expected = org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, vocab, 3);
        for (int i = 0; i < n; i++) {
            expected.getRow(ids[i]).addi(upstream.getRow(i));
        }
        Expect.close("the table's gradient for ids " + java.util.Arrays.toString(ids), expected,
                embedding.weight().grad(), 1e-12);
    }

    @Example
    @Label("an id outside the table (−1 or numEmbeddings) is a clear error naming it, not garbage or a crash")
    @Points(1)
    void rejectsIdsOutsideTheTable() {
        Embedding embedding = new Embedding(5, 2, new Random(1));
        for (int bad : new int[] {5, -1, 1000}) {
            Throwable thrown = catchThrowable(() -> embedding.forward(new int[] {0, bad}));
            assertThat(thrown).as("Embedding(5, 2).forward([0, %d])", bad)
                    .isInstanceOfAny(IndexOutOfBoundsException.class, IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(bad));
        }
    }

    @Example
    @Label("backward matches central differences for the table")
    @Points(1)
    void gradient() {
        Embedding embedding = new Embedding(4, 3, new Random(3));
        int[][] ids = {{0, 2, 2}, {3, 0, 2}};
        GradCheck.module("Embedding(4, 3) on ids " + java.util.Arrays.deepToString(ids), embedding,
                ignored -> embedding.forward(ids), null);
    }
}
