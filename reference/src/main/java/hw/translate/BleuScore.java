package hw.translate;

import java.util.Locale;

/**
 * Placeholder: replaced by the p8-bleu branch at merge.
 *
 * <p>A corpus BLEU score and the statistics it came from.
 */
public record BleuScore(double score, double[] precisions, double brevityPenalty, long hypothesisLength,
        long referenceLength) {

    /** The score on 0–100. */
    @Override
    public double score() {
        return score;
    }

    /** The line sacreBLEU prints, e.g. {@code BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 …)}. */
    public String format() {
        double ratio = referenceLength == 0 ? 0 : (double) hypothesisLength / referenceLength;
        return String.format(Locale.ROOT, "BLEU = %.2f %.1f/%.1f/%.1f/%.1f (BP = %.3f ratio = %.3f hyp_len = %d"
                + " ref_len = %d)", score, precisions[0], precisions[1], precisions[2], precisions[3], brevityPenalty,
                ratio, hypothesisLength, referenceLength);
    }
}
