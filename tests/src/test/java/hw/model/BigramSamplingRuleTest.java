package hw.model;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import hw.testkit.Values;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.Label;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The sampling rule of Problem 5.3 where it is exact: a draw u that equals a cumulative probability, or exceeds them all. */
@Todo("5.3")
@Label("Problem 5.3 BigramLM.generate")
class BigramSamplingRuleTest {
    private static final int VOCAB = 11;

    /** Hands out the given draws, one per nextDouble(), as the rule asks for. */
    private static final class Draws extends Random {
        private final double[] draws;
        private int next;

        Draws(double... draws) {
            this.draws = draws;
        }

        @Override
        public double nextDouble() {
            return draws[next++];
        }
    }

    /**
     * Row 0: ten logits 0 and one far below (probability 0.1 each, then exactly 0 after exp underflows). Row 1: two
     * logits 0, the rest far below (0.5 and 0.5).
     */
    private static BigramLM model() {
        double[][] rows = new double[VOCAB][VOCAB];
        for (double[] row : rows) {
            java.util.Arrays.fill(row, -1e4);
        }
        java.util.Arrays.fill(rows[0], 0, 10, 0.0);
        rows[1][0] = 0.0;
        rows[1][1] = 0.0;
        BigramLM model = new BigramLM(VOCAB, 0);
        Values.set("BigramLM.table", model.table(), Nd4j.create(rows).castTo(DataType.DOUBLE));
        return model;
    }

    @Example
    @Label("the first token whose cumulative probability EXCEEDS u; when rounding leaves none, the last one of non-zero"
            + " probability")
    @Points(1)
    void ruleAtItsEdges() {
        int[] tie = model().generate(new int[] {1}, 1, new Draws(0.5));
        assertThat(tie[1]).as("after token 1, whose successors 0 and 1 have probability 0.5 each, with u = 0.5 (0.5 does"
                + " not exceed it, 1.0 does)").isEqualTo(1);
        double u = Math.nextDown(1.0);
        int[] rounded = model().generate(new int[] {0}, 1, new Draws(u));
        assertThat(rounded[1]).as("after token 0, whose successors 0 … 9 have probability 0.1 each (summing to"
                + " 0.9999999999999999 in doubles) and 10 has 0, with u = %s: no cumulative sum exceeds u", u)
                .isEqualTo(9);
    }
}
