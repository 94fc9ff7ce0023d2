package hw.translate;

import java.util.Arrays;

/**
 * BLEU's sufficient statistics, for one sentence or summed over a corpus: the hypothesis length, the reference
 * length it is compared with, and for each n-gram order n = 1 … {@link Bleu#MAX_ORDER} the hypothesis n-grams that
 * match a reference ({@code counts}, clipped) and all hypothesis n-grams ({@code totals}). Element n − 1 of each
 * array is order n, as in sacreBLEU's {@code counts} and {@code totals}.
 */
public record BleuStatistics(long hypLength, long refLength, long[] counts, long[] totals) {
    /** The statistics of no sentence at all. */
    public static final BleuStatistics ZERO = new BleuStatistics(0, 0, new long[Bleu.MAX_ORDER],
            new long[Bleu.MAX_ORDER]);

    public BleuStatistics {
        if (counts.length != Bleu.MAX_ORDER || totals.length != Bleu.MAX_ORDER) {
            throw new IllegalArgumentException("BleuStatistics: counts and totals need " + Bleu.MAX_ORDER
                    + " orders each, got " + counts.length + " and " + totals.length);
        }
        counts = counts.clone();
        totals = totals.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public long[] totals() {
        return totals.clone();
    }

    /** Matches of order n (1 … 4). */
    public long count(int order) {
        return counts[order - 1];
    }

    /** Hypothesis n-grams of order n (1 … 4). */
    public long total(int order) {
        return totals[order - 1];
    }

    /** These statistics and {@code other}'s, summed (corpus BLEU sums sentences' statistics). */
    public BleuStatistics plus(BleuStatistics other) {
        long[] c = counts.clone(), t = totals.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += other.counts[i];
            t[i] += other.totals[i];
        }
        return new BleuStatistics(hypLength + other.hypLength, refLength + other.refLength, c, t);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BleuStatistics s && hypLength == s.hypLength && refLength == s.refLength
                && Arrays.equals(counts, s.counts) && Arrays.equals(totals, s.totals);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hypLength) * 31 + Long.hashCode(refLength) * 17 + Arrays.hashCode(counts) * 7
                + Arrays.hashCode(totals);
    }

    @Override
    public String toString() {
        return "hyp_len " + hypLength + ", ref_len " + refLength + ", counts " + Arrays.toString(counts)
                + ", totals " + Arrays.toString(totals);
    }
}
