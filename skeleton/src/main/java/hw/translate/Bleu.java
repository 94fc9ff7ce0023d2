package hw.translate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Placeholder: replaced by the p8-bleu branch at merge.
 *
 * <p>A plain corpus BLEU: whitespace tokens, n-grams 1–4 clipped by the most any one reference has, statistics
 * summed over the corpus, the brevity penalty against the closest reference length, no smoothing.
 */
public final class Bleu {
    private Bleu() {
    }

    /**
     * @param hypotheses one detokenized sentence per segment
     * @param references {@code references.get(k)} is the k-th reference stream, aligned with the hypotheses
     */
    public static BleuScore corpus(List<String> hypotheses, List<List<String>> references) {
        if (hypotheses == null || references == null || references.isEmpty()) {
            throw new IllegalArgumentException("Bleu: needs hypotheses and at least one reference stream");
        }
        for (List<String> stream : references) {
            if (stream.size() != hypotheses.size()) {
                throw new IllegalArgumentException("Bleu: " + hypotheses.size() + " hypotheses but a reference stream"
                        + " of " + stream.size() + " sentences");
            }
        }
        long[] matches = new long[4], totals = new long[4];
        long hypLength = 0, refLength = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            String[] hyp = words(hypotheses.get(i));
            hypLength += hyp.length;
            int closest = -1;
            Map<String, Integer> maxRefCounts = new HashMap<>();
            for (List<String> stream : references) {
                String[] ref = words(stream.get(i));
                if (closest < 0 || Math.abs(ref.length - hyp.length) < Math.abs(closest - hyp.length)
                        || (Math.abs(ref.length - hyp.length) == Math.abs(closest - hyp.length) && ref.length < closest)) {
                    closest = ref.length;
                }
                ngrams(ref).forEach((g, c) -> maxRefCounts.merge(g, c, Math::max));
            }
            refLength += closest;
            for (Map.Entry<String, Integer> e : ngrams(hyp).entrySet()) {
                int n = e.getKey().split(" ", -1).length;
                matches[n - 1] += Math.min(e.getValue(), maxRefCounts.getOrDefault(e.getKey(), 0));
            }
            for (int n = 1; n <= 4; n++) {
                totals[n - 1] += Math.max(0, hyp.length - n + 1);
            }
        }
        double[] precisions = new double[4];
        double logSum = 0;
        boolean zero = false;
        for (int n = 0; n < 4; n++) {
            precisions[n] = totals[n] == 0 ? 0 : 100.0 * matches[n] / totals[n];
            if (matches[n] == 0) {
                zero = true;
            } else {
                logSum += Math.log((double) matches[n] / totals[n]);
            }
        }
        double bp = hypLength == 0 ? 0 : hypLength >= refLength ? 1 : Math.exp(1 - (double) refLength / hypLength);
        double score = zero ? 0 : 100 * bp * Math.exp(logSum / 4);
        return new BleuScore(score, precisions, bp, hypLength, refLength);
    }

    private static String[] words(String sentence) {
        String s = sentence.strip();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }

    private static Map<String, Integer> ngrams(String[] words) {
        Map<String, Integer> out = new HashMap<>();
        for (int n = 1; n <= 4; n++) {
            for (int i = 0; i + n <= words.length; i++) {
                out.merge(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n)), 1, Integer::sum);
            }
        }
        return out;
    }
}
