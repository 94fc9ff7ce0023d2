package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

@Todo("8.4")
@Label("Problem 8.4 Bleu.fromStatistics")
class FromStatisticsTest {
    static final Map<String, String> MISTAKES = new LinkedHashMap<>();

    static {
        MISTAKES.put("no_smoothing", "no smoothing: an order with no match must get 100 / (2^k · total), k = 1 for"
                + " the first such order, 2 for the second …, instead of zeroing the score");
        MISTAKES.put("same_half", "every zero order smoothed by the same 1/2: the factor doubles with each zero"
                + " order (1/2, 1/4, 1/8)");
        MISTAKES.put("fraction", "the score as a fraction: BLEU is reported in percent (0 … 100)");
        MISTAKES.put("bp_both_ways", "the brevity penalty also punishes hypotheses longer than the reference: it is"
                + " 1 when c ≥ r");
    }

    /** The fixture's statistics cases that {@code which} selects, each compared with sacreBLEU's compute_bleu. */
    static void knownScores(Predicate<BleuFixture> which) {
        int checked = 0;
        for (BleuFixture f : BleuFixture.section("statistics")) {
            if (!which.test(f)) {
                continue;
            }
            BleuStatistics s = new BleuStatistics(f.integer("hyp_len"), f.integer("ref_len"), f.longs("counts"),
                    f.longs("totals"));
            BleuScore b = Bleu.fromStatistics(s);
            String what = "fromStatistics(" + s + ")";
            assertThat(b.brevityPenalty()).as("%s: the brevity penalty", what).isCloseTo(f.number("bp"),
                    within(1e-12));
            double[] expected = f.numbers("precisions"), actual = b.precisions();
            for (int n = 0; n < Bleu.MAX_ORDER; n++) {
                assertThat(actual[n]).as("%s: the precision of order %d, in percent (all: %s, sacreBLEU %s)", what,
                        n + 1, Arrays.toString(actual), Arrays.toString(expected)).isCloseTo(expected[n],
                        within(1e-9));
            }
            assertThat(b.score()).as("%s: the score%s", what, f.diagnose("score", b.score(), MISTAKES))
                    .isCloseTo(f.number("score"), within(1e-9));
            assertThat(b.statistics()).as("%s: the statistics it was computed from", what).isEqualTo(s);
            assertThat(b.format()).as("%s: format()", what).isEqualTo(f.text("format"));
            checked++;
        }
        assertThat(checked).isPositive();
    }

    static boolean hasZeroOrder(BleuFixture f) {
        return Arrays.stream(f.longs("counts")).anyMatch(c -> c == 0);
    }

    @Example
    @Label("every order matched: precisions, brevity penalty and score as sacreBLEU computes them")
    @Points(1)
    void everyOrderMatched() {
        knownScores(f -> !hasZeroOrder(f));
    }

    @Example
    @Label("orders without a match: exp smoothing 1/2, 1/4, 1/8; orders without n-grams: precision 0, score 0")
    @Points(1)
    void zeroOrders() {
        knownScores(f -> hasZeroOrder(f) && Arrays.stream(f.longs("counts")).anyMatch(c -> c > 0));
    }

    @Example
    @Label("no match at all, empty hypotheses, nothing: score 0 and precisions 0, BP 0 for an empty hypothesis")
    @Points(1)
    void degenerate() {
        knownScores(f -> Arrays.stream(f.longs("counts")).allMatch(c -> c == 0));
    }

    @Property(tries = 60, seed = "8404")
    @Label("0 ≤ BLEU ≤ 100 and 0 ≤ BP ≤ 1; BP is 1 when the hypothesis is at least as long as the reference")
    @Points(1)
    void bounds(@ForAll @IntRange(min = 0, max = 60) int hypLength, @ForAll @IntRange(min = 0, max = 60) int refLength,
            @ForAll @IntRange(min = 0, max = 100) int matchPercent) {
        long[] totals = new long[Bleu.MAX_ORDER], counts = new long[Bleu.MAX_ORDER];
        for (int n = 0; n < Bleu.MAX_ORDER; n++) {
            totals[n] = Math.max(0, hypLength - n);
            counts[n] = totals[n] * matchPercent / 100 / (n + 1);
        }
        BleuStatistics s = new BleuStatistics(hypLength, refLength, counts, totals);
        BleuScore b = Bleu.fromStatistics(s);
        assertThat(b.score()).as("fromStatistics(%s).score()", s).isBetween(0.0, 100.0 + 1e-9);
        assertThat(b.brevityPenalty()).as("fromStatistics(%s).brevityPenalty()", s).isBetween(0.0, 1.0);
        if (hypLength >= refLength) {
            assertThat(b.brevityPenalty()).as("fromStatistics(%s).brevityPenalty(), c ≥ r", s).isEqualTo(1.0);
        }
    }
}
