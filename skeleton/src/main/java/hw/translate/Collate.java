package hw.translate;

import java.util.List;

/** Turns translation pairs into the fixed-size rows a decoder-only model trains on. */
public final class Collate {
    private Collate() {
    }

    /**
     * Problem 8.1 — a batch of encoded pairs as three arrays [B, maxLength] ({@link TranslationBatch}). Row b is
     *
     * <pre>
     *     ids     g_1 … g_m  DE  e_1 … e_n  EN  pad … pad          (DE, EN: the two end ids; m + n + 2 ≤ maxLength)
     *     labels  ids shifted left by one: labels[t] = ids[t + 1], and pad at the last position
     *     weights 0 …     0  1   1   …  1   0   0 … 0              (1 at t = m … m + n)
     * </pre>
     *
     * A label is what position t must predict: at DE the first English token, at e_n the English end. Exactly
     * the n + 1 positions whose label is an English token or EN get weight 1: the model is trained to write the
     * translation and to stop, not to predict the German it is given (it reads that) nor the padding.
     *
     * <p><b>Too long</b> (m + n + 2 &gt; maxLength): keep the English whole and drop German tokens from the
     * <em>start</em> of the source until the row fits — the target is what the loss learns from, and the German
     * end must stay right before it. If even the English and the two end ids do not fit (n + 2 &gt; maxLength),
     * throw an {@link IllegalArgumentException} that names the pair's index and lengths.
     *
     * <p>Classic mistakes: weight 1 on the source or on the padding (the model learns to babble German or pad);
     * weight 0 on the English end (the model never learns to stop); labels equal to the inputs (no shift); the
     * end ids left out or swapped; cutting the English instead of the German.
     *
     * @param pairs     B ≥ 1 pairs of token ids (without special ids)
     * @param maxLength the row length, ≥ 1
     * @param specials  the padding and the two end ids
     */
    public static TranslationBatch collate(List<EncodedPair> pairs, int maxLength, SpecialIds specials) {
        if (pairs == null || pairs.isEmpty() || maxLength < 1 || specials == null) {
            throw new IllegalArgumentException("collate: needs at least one pair, maxLength ≥ 1 and the special ids,"
                    + " got " + (pairs == null ? "null" : pairs.size() + " pairs") + ", maxLength = " + maxLength);
        }
        // TODO Problem 8.1 (Collate.collate): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 8.1 (Collate.collate)");
    }
}
