package hw.translate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus BLEU (Papineni et al., 2002) exactly as sacreBLEU computes it by default ({@code sacrebleu.corpus_bleu},
 * signature {@code nrefs:N|case:mixed|eff:no|tok:13a|smooth:exp}):
 *
 * <pre>
 *     every line (hypothesis and references)  →  tokens(line) = split(tokenize13a(rstrip(line)))
 *     every sentence  →  sentenceStatistics: hyp length, closest reference length, per order n = 1 … 4
 *                        the clipped matches count_n and the hypothesis n-grams total_n
 *     the corpus      →  the sentences' statistics SUMMED, then fromStatistics once:
 *                        p_n = 100 · count_n / total_n (smoothed when count_n = 0)
 *                        BP  = 1 if c ≥ r, else exp(1 − r/c)           (c = hyp length, r = reference length)
 *                        BLEU = BP · exp(¼ · Σ_n log p_n)               (0 … 100)
 * </pre>
 *
 * Inputs are detokenized sentences (what a translation system writes); Bleu tokenizes them itself, so scores are
 * comparable with anyone else's sacreBLEU numbers. Problem 8.4 is {@link #tokenize13a}, {@link #ngramCounts},
 * {@link #closestReferenceLength}, {@link #sentenceStatistics}, {@link #fromStatistics} and the loop of
 * {@link #corpus}.
 */
public final class Bleu {
    /** The highest n-gram order: BLEU-4. */
    public static final int MAX_ORDER = 4;

    /** What sacreBLEU's {@code my_log} returns for log(0): a very negative number rather than −∞. */
    public static final double LOG_ZERO = -9_999_999_999.0;

    private Bleu() {
    }

    /**
     * Problem 8.4 — corpus BLEU of {@code hypotheses} against one or more reference streams:
     * {@code references.get(k).get(i)} is the k-th reference of sentence i (sacreBLEU's convention: each stream is
     * a whole reference translation of the corpus, aligned line by line with the hypotheses).
     *
     * <p>For each sentence i: tokenize the hypothesis and each reference with {@link #tokens}, compute
     * {@link #sentenceStatistics}, and add it to a running total ({@link BleuStatistics#plus}); at the end, turn the
     * corpus total into the score with {@link #fromStatistics}. The classic wrong way is to compute each sentence's
     * BLEU and average the scores: a sentence with no 4-gram match would then score 0 and drag the mean down,
     * while corpus BLEU pools the n-gram matches of all sentences first (and one short sentence is compensated by a
     * long one in the brevity penalty). No corpus (no hypotheses) has the score of zero statistics.
     *
     * @param hypotheses one detokenized sentence per element
     * @param references at least one stream, each with exactly {@code hypotheses.size()} sentences
     */
    public static BleuScore corpus(List<String> hypotheses, List<List<String>> references) {
        checkCorpus(hypotheses, references);
        // BEGIN SOLUTION Problem 8.4 (Bleu.corpus)
        BleuStatistics total = BleuStatistics.ZERO;
        for (int i = 0; i < hypotheses.size(); i++) {
            List<List<String>> sentenceReferences = new ArrayList<>();
            for (List<String> stream : references) {
                sentenceReferences.add(tokens(stream.get(i)));
            }
            total = total.plus(sentenceStatistics(tokens(hypotheses.get(i)), sentenceReferences));
        }
        return fromStatistics(total);
        // END SOLUTION
    }

    /** The tokens BLEU counts in one line: Python's {@code tokenize13a(line.rstrip()).split()}, as sacreBLEU does. */
    public static List<String> tokens(String line) {
        return PythonStrings.split(tokenize13a(PythonStrings.rstrip(line)));
    }

    /**
     * Problem 8.4 — the "13a" tokenization of mteval-v13a.pl, the WMT standard and sacreBLEU's default: returns
     * the tokens of {@code line} joined by single spaces. In this order:
     *
     * <ol>
     *   <li>remove every {@code <skipped>}; remove every {@code "-\n"} (a hyphen at a line break); replace every
     *       remaining {@code '\n'} by a space;</li>
     *   <li>unescape, in this order, {@code &quot;} → {@code "}, {@code &amp;} → {@code &}, {@code &lt;} →
     *       {@code <}, {@code &gt;} → {@code >};</li>
     *   <li>pad the line with one space on each side, then apply four rewriting passes, each a left-to-right scan
     *       over the result of the previous one (like a regex replace-all: a matched pair of characters is
     *       consumed, the scan continues after it):
     *     <ol type="a">
     *       <li>every ASCII punctuation character except {@code ' , - .}, that is
     *           {@code ! " # $ % & ( ) * + / : ; < = > ? @ [ \ ] ^ _ ` { | } ~}, gets a space on each side
     *           ({@code c} → {@code " c "});</li>
     *       <li>a period or comma preceded by a character that is not an ASCII digit: {@code x.} → {@code "x . "}
     *           (regex {@code ([^0-9])([.,])} → {@code "$1 $2 "});</li>
     *       <li>a period or comma followed by a character that is not an ASCII digit: {@code .x} → {@code " . x"}
     *           (regex {@code ([.,])([^0-9])} → {@code " $1 $2"});</li>
     *       <li>a hyphen preceded by a digit: {@code 3-} → {@code "3 - "} (regex {@code ([0-9])(-)} →
     *           {@code "$1 $2 "});</li>
     *     </ol></li>
     *   <li>split on whitespace as Python does ({@link PythonStrings#split}) and join the tokens with single
     *       spaces.</li>
     * </ol>
     *
     * So {@code "It's 3.5 km—3,000 m (1-2 hours)."} becomes {@code "It's 3.5 km—3,000 m ( 1 - 2 hours ) ."}: numbers
     * keep their decimal point and thousands comma, apostrophes and hyphens between letters stay inside a word, and
     * non-ASCII punctuation (— « » „ “ …) is not split at all. The classic wrong ways: splitting on whitespace only
     * (then "cat." never matches "cat"), splitting every period and comma (numbers fall apart), splitting every
     * hyphen or apostrophe, or Java's {@code String.split("\\s+")} ("" gives one empty token; Python's split gives
     * none, and knows more kinds of space).
     */
    public static String tokenize13a(String line) {
        // BEGIN SOLUTION Problem 8.4 (Bleu.tokenize13a)
        line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        line = line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        line = " " + line + " ";
        line = line.replaceAll("([{-~\\[-` -&(-+:-@/])", " $1 ");  // (a) ASCII punctuation except ' , - .
        line = line.replaceAll("([^0-9])([.,])", "$1 $2 ");        // (b) x. → x . when x is not a digit
        line = line.replaceAll("([.,])([^0-9])", " $1 $2");        // (c) .x → . x when x is not a digit
        line = line.replaceAll("([0-9])(-)", "$1 $2 ");            // (d) 3- → 3 -
        return String.join(" ", PythonStrings.split(line));
        // END SOLUTION
    }

    /**
     * Problem 8.4 — every n-gram of {@code tokens} of order 1 … {@code maxOrder}, with how often it occurs: an
     * n-gram is the list of its n consecutive tokens ({@code tokens.subList(i, i + n)} for each start i). A
     * sentence of L tokens has L − n + 1 n-grams of order n (none when L &lt; n). For "the cat the cat" and order 2:
     * {the: 2, cat: 2, (the cat): 2, (cat the): 1}. The classic wrong way is a set instead of counts.
     */
    public static Map<List<String>, Integer> ngramCounts(List<String> tokens, int maxOrder) {
        // BEGIN SOLUTION Problem 8.4 (Bleu.ngramCounts)
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int n = 1; n <= maxOrder; n++) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                counts.merge(tokens.subList(i, i + n), 1, Integer::sum);
            }
        }
        return counts;
        // END SOLUTION
    }

    /**
     * Problem 8.4 — the reference length the brevity penalty compares a hypothesis of {@code hypLength} tokens
     * with: the reference length closest to it (smallest |hypLength − r|), and on a tie the shorter one. With
     * references of 8 and 12 tokens, a hypothesis of 10 is compared with 8. The classic wrong ways: the shortest
     * reference, the average length, or the longer one on a tie.
     *
     * @param referenceLengths the token counts of one sentence's references (at least one)
     */
    public static int closestReferenceLength(int hypLength, int[] referenceLengths) {
        // BEGIN SOLUTION Problem 8.4 (Bleu.closestReferenceLength)
        int best = referenceLengths[0];
        for (int r : referenceLengths) {
            int distance = Math.abs(hypLength - r), bestDistance = Math.abs(hypLength - best);
            if (distance < bestDistance || (distance == bestDistance && r < best)) {
                best = r;
            }
        }
        return best;
        // END SOLUTION
    }

    /**
     * Problem 8.4 — one sentence's statistics against its references (token lists, already tokenized):
     *
     * <ul>
     *   <li>{@code hypLength} = the hypothesis's token count; {@code refLength} = {@link #closestReferenceLength};</li>
     *   <li>{@code totals[n−1]} = the number of n-grams of order n in the hypothesis (with repeats);</li>
     *   <li>{@code counts[n−1]} = Σ over the hypothesis's distinct n-grams g of min(count of g in the hypothesis,
     *       the most times g occurs in any <em>single</em> reference) — the "clipped" matches, for n = 1 … 4
     *       ({@link #ngramCounts} gives the counts).</li>
     * </ul>
     *
     * Clipping is what stops "the the the the" from scoring 4/4 unigrams against "the cat": it matches 1. The
     * classic wrong ways: unclipped matches (every hypothesis n-gram found in a reference), clipping by the sum
     * over the references instead of the maximum in one, or by the count in the first reference only.
     *
     * @param references one or more references of this sentence
     */
    public static BleuStatistics sentenceStatistics(List<String> hypothesis, List<List<String>> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("Bleu.sentenceStatistics: a sentence needs at least one reference");
        }
        // BEGIN SOLUTION Problem 8.4 (Bleu.sentenceStatistics)
        int[] referenceLengths = new int[references.size()];
        Map<List<String>, Integer> mostInOneReference = new HashMap<>();
        for (int k = 0; k < references.size(); k++) {
            referenceLengths[k] = references.get(k).size();
            for (Map.Entry<List<String>, Integer> e : ngramCounts(references.get(k), MAX_ORDER).entrySet()) {
                mostInOneReference.merge(e.getKey(), e.getValue(), Math::max);
            }
        }
        long[] counts = new long[MAX_ORDER], totals = new long[MAX_ORDER];
        for (Map.Entry<List<String>, Integer> e : ngramCounts(hypothesis, MAX_ORDER).entrySet()) {
            int n = e.getKey().size();
            totals[n - 1] += e.getValue();
            counts[n - 1] += Math.min(e.getValue(), mostInOneReference.getOrDefault(e.getKey(), 0));
        }
        return new BleuStatistics(hypothesis.size(), closestReferenceLength(hypothesis.size(), referenceLengths),
                counts, totals);
        // END SOLUTION
    }

    /**
     * Problem 8.4 — the score from (corpus) statistics, as sacreBLEU's {@code compute_bleu} with its default
     * "exp" smoothing:
     *
     * <ol>
     *   <li>brevity penalty: BP = 1 when c ≥ r, exp(1 − r/c) when 0 &lt; c &lt; r, and 0 when c = 0
     *       (c = {@code hypLength}, r = {@code refLength});</li>
     *   <li>when no order has any match (all counts 0): the score and all four precisions are 0 (BP as above);</li>
     *   <li>otherwise, for n = 1 … 4 in order, stopping at the first order with total_n = 0 (that order and the
     *       later ones keep precision 0): p_n = 100 · count_n / total_n, except that an order with count_n = 0
     *       gets p_n = 100 / (2^k · total_n), k counting the zero-count orders so far (1 for the first, 2 for the
     *       second …) — the NIST "exp" smoothing of mteval-v13a;</li>
     *   <li>BLEU = BP · exp((log p_1 + log p_2 + log p_3 + log p_4) / 4), with log 0 taken as {@link #LOG_ZERO}
     *       (so a zero precision gives a score of 0, not NaN).</li>
     * </ol>
     *
     * The classic wrong ways: no smoothing (any order without a match zeroes the score), the same 1/2 for every
     * zero order instead of halving again, precisions as fractions instead of percent (a score in 0 … 1), or a
     * brevity penalty that also punishes hypotheses longer than the reference.
     */
    public static BleuScore fromStatistics(BleuStatistics statistics) {
        // BEGIN SOLUTION Problem 8.4 (Bleu.fromStatistics)
        long c = statistics.hypLength(), r = statistics.refLength();
        double brevityPenalty = c >= r ? 1.0 : c > 0 ? Math.exp(1 - (double) r / c) : 0.0;
        double[] precisions = new double[MAX_ORDER];
        boolean anyMatch = false;
        for (int n = 1; n <= MAX_ORDER; n++) {
            anyMatch |= statistics.count(n) > 0;
        }
        if (!anyMatch) {
            return new BleuScore(0.0, precisions, brevityPenalty, statistics);
        }
        double smoothing = 1.0;
        for (int n = 1; n <= MAX_ORDER && statistics.total(n) > 0; n++) {
            if (statistics.count(n) == 0) {
                smoothing *= 2;
                precisions[n - 1] = 100.0 / (smoothing * statistics.total(n));
            } else {
                precisions[n - 1] = 100.0 * statistics.count(n) / statistics.total(n);
            }
        }
        double logSum = 0;
        for (double p : precisions) {
            logSum += p == 0 ? LOG_ZERO : Math.log(p);
        }
        return new BleuScore(brevityPenalty * Math.exp(logSum / MAX_ORDER), precisions, brevityPenalty, statistics);
        // END SOLUTION
    }

    private static void checkCorpus(List<String> hypotheses, List<List<String>> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("Bleu.corpus: needs at least one reference stream, got none");
        }
        for (int i = 0; i < hypotheses.size(); i++) {
            if (hypotheses.get(i) == null) {
                throw new IllegalArgumentException("Bleu.corpus: hypothesis " + (i + 1) + " is null");
            }
        }
        for (int k = 0; k < references.size(); k++) {
            List<String> stream = references.get(k);
            if (stream.size() != hypotheses.size()) {
                throw new IllegalArgumentException("Bleu.corpus: reference stream " + (k + 1) + " has " + stream.size()
                        + " sentences but there are " + hypotheses.size() + " hypotheses (each stream must have one"
                        + " reference per hypothesis)");
            }
            for (int i = 0; i < stream.size(); i++) {
                if (stream.get(i) == null) {
                    throw new IllegalArgumentException("Bleu.corpus: reference " + (i + 1) + " of stream " + (k + 1)
                            + " is null");
                }
            }
        }
    }
}
