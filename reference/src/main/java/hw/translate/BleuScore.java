package hw.translate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * A corpus BLEU score and what it was computed from, as sacreBLEU's {@code BLEUScore} holds it: the score and the
 * precisions in percent (0–100), the brevity penalty, and the statistics (lengths, per-order matches and totals).
 */
public record BleuScore(double score, double[] precisions, double brevityPenalty, BleuStatistics statistics) {

    public BleuScore {
        if (precisions.length != Bleu.MAX_ORDER) {
            throw new IllegalArgumentException("BleuScore: needs " + Bleu.MAX_ORDER + " precisions, got "
                    + precisions.length);
        }
        precisions = precisions.clone();
    }

    /** The n-gram precisions in percent, orders 1 … 4 (element n − 1 is order n). */
    @Override
    public double[] precisions() {
        return precisions.clone();
    }

    /** Hypothesis length over reference length, or 0 when the reference length is 0 (as sacreBLEU has it). */
    public double ratio() {
        return statistics.refLength() == 0 ? 0 : (double) statistics.hypLength() / statistics.refLength();
    }

    /** The hypothesis tokens, summed over the corpus. */
    public long hypLength() {
        return statistics.hypLength();
    }

    /** The closest reference lengths, summed over the corpus. */
    public long refLength() {
        return statistics.refLength();
    }

    /** Clipped matches per order (element n − 1 is order n). */
    public long[] counts() {
        return statistics.counts();
    }

    /** Hypothesis n-grams per order (element n − 1 is order n). */
    public long[] totals() {
        return statistics.totals();
    }

    /**
     * What sacreBLEU prints for the score without its signature, e.g.
     * {@code BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)}: Python's
     * {@code f"{x:.2f}"} rounds the exact binary value half to even, which {@link BigDecimal} reproduces
     * ({@code String.format} does not always).
     */
    public String format() {
        StringBuilder s = new StringBuilder("BLEU = ").append(fixed(score, 2)).append(' ');
        for (int n = 0; n < precisions.length; n++) {
            s.append(n == 0 ? "" : "/").append(fixed(precisions[n], 1));
        }
        return s.append(" (BP = ").append(fixed(brevityPenalty, 3)).append(" ratio = ").append(fixed(ratio(), 3))
                .append(" hyp_len = ").append(hypLength()).append(" ref_len = ").append(refLength()).append(')')
                .toString();
    }

    /** {@code x} with {@code decimals} digits after the point, as Python's {@code f"{x:.Nf}"} writes it. */
    static String fixed(double x, int decimals) {
        return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BleuScore b && Double.compare(score, b.score) == 0 && Arrays.equals(precisions,
                b.precisions) && Double.compare(brevityPenalty, b.brevityPenalty) == 0 && statistics.equals(
                b.statistics);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(score) * 31 + Arrays.hashCode(precisions) * 7 + statistics.hashCode();
    }

    @Override
    public String toString() {
        return format();
    }
}
