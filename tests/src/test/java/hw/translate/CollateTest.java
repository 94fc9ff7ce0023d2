package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grader.api.Points;
import grader.api.Todo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

@Todo("8.1")
@Label("Problem 8.1 Collate.collate")
class CollateTest {
    // Special ids chosen apart from 0, 1, 2 so that swapping them or using a literal shows.
    private static final SpecialIds SPECIALS = new SpecialIds(7, 8, 9);
    private static final int PAD = 7, DE = 8, EN = 9;

    /** The expected row of one pair that fits: ids, labels and weights. */
    record Row(int[] ids, int[] labels, double[] weights) {
    }

    static Row expected(EncodedPair p, int maxLength) {
        int keep = Math.min(p.german().length, maxLength - p.english().length - 2);
        int[] ids = new int[maxLength];
        Arrays.fill(ids, PAD);
        int t = 0;
        for (int i = p.german().length - keep; i < p.german().length; i++) {
            ids[t++] = p.german()[i];
        }
        ids[t++] = DE;
        for (int e : p.english()) {
            ids[t++] = e;
        }
        ids[t] = EN;
        int[] labels = new int[maxLength];
        Arrays.fill(labels, PAD);
        System.arraycopy(ids, 1, labels, 0, maxLength - 1);
        double[] weights = new double[maxLength];
        for (int i = keep; i <= keep + p.english().length; i++) {
            weights[i] = 1;
        }
        return new Row(ids, labels, weights);
    }

    /** Plausible wrong versions of a row's weights or labels, to name the mistake a wrong result matches. */
    static Map<String, Function<Row, Row>> mistakes(EncodedPair p, int maxLength) {
        int m = Math.min(p.german().length, maxLength - p.english().length - 2), n = p.english().length;
        Map<String, Function<Row, Row>> out = new LinkedHashMap<>();
        out.put("weight 1 on the German source too (the model is trained to predict the German it reads)",
                r -> new Row(r.ids(), r.labels(), fill(r.weights(), 0, m, 1)));
        out.put("weight 0 on the position that predicts the English end (the model never learns to stop)",
                r -> new Row(r.ids(), r.labels(), fill(r.weights(), m + n, m + n + 1, 0)));
        out.put("weights on the positions of the English tokens (m + 1 … m + n + 1) instead of the positions whose"
                + " label is English (m … m + n): the weight goes with the label, not the input",
                r -> new Row(r.ids(), r.labels(), fill(fill(r.weights(), m, m + 1, 0), m + n + 1,
                        Math.min(maxLength, m + n + 2), 1)));
        out.put("weight 1 on the padding too", r -> new Row(r.ids(), r.labels(), fill(r.weights(), m + n + 1,
                maxLength, 1)));
        out.put("labels not shifted (labels equal to the inputs)", r -> new Row(r.ids(), r.ids().clone(), r.weights()));
        if (m < p.german().length) {
            out.put("the German cut at its end instead of its start (keep its last tokens, next to the German end)",
                    r -> {
                        int[] ids = r.ids().clone();
                        System.arraycopy(p.german(), 0, ids, 0, m);
                        int[] labels = r.labels().clone();
                        System.arraycopy(ids, 1, labels, 0, maxLength - 1);
                        return new Row(ids, labels, r.weights());
                    });
        }
        return out;
    }

    private static double[] fill(double[] w, int from, int to, double v) {
        double[] out = w.clone();
        Arrays.fill(out, Math.max(0, from), Math.max(Math.max(0, from), Math.min(to, out.length)), v);
        return out;
    }

    static void expectRows(String what, List<EncodedPair> pairs, int maxLength, TranslationBatch got) {
        assertThat(got).as("collate returned null").isNotNull();
        assertThat(got.inputIds()).as("%s: inputIds rows (one per pair)", what).hasNumberOfRows(pairs.size());
        for (int b = 0; b < pairs.size(); b++) {
            EncodedPair p = pairs.get(b);
            Row e = expected(p, maxLength);
            Row a = new Row(got.inputIds()[b], got.labels()[b], got.labelWeights()[b]);
            String pair = what + ", row " + b + " (German " + Arrays.toString(p.german()) + ", English "
                    + Arrays.toString(p.english()) + ", maxLength " + maxLength + "; pad 7, German end 8, English end 9)";
            if (Arrays.equals(e.ids(), a.ids()) && Arrays.equals(e.labels(), a.labels())
                    && Arrays.equals(e.weights(), a.weights())) {
                continue;
            }
            StringBuilder message = new StringBuilder(pair + ":");
            message.append("\n  inputIds     ").append(Arrays.toString(a.ids())).append("\n     expected  ")
                    .append(Arrays.toString(e.ids()));
            message.append("\n  labels       ").append(Arrays.toString(a.labels())).append("\n     expected  ")
                    .append(Arrays.toString(e.labels()));
            message.append("\n  labelWeights ").append(Arrays.toString(a.weights())).append("\n     expected  ")
                    .append(Arrays.toString(e.weights()));
            for (Map.Entry<String, Function<Row, Row>> m : mistakes(p, maxLength).entrySet()) {
                Row wrong = m.getValue().apply(e);
                if (Arrays.equals(wrong.ids(), a.ids()) && Arrays.equals(wrong.labels(), a.labels())
                        && Arrays.equals(wrong.weights(), a.weights())) {
                    message.append("\nLikely cause: ").append(m.getKey());
                }
            }
            throw new AssertionError(message.toString());
        }
    }

    static List<EncodedPair> randomPairs(Random random, int count, int maxGerman, int maxEnglish) {
        List<EncodedPair> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new EncodedPair(random.ints(random.nextInt(maxGerman + 1), 10, 40).toArray(),
                    random.ints(random.nextInt(maxEnglish + 1), 40, 70).toArray()));
        }
        return out;
    }

    @Example
    @Label("one pair: German, German end, English, English end, padding; labels shifted by one; weight 1 exactly"
            + " where the label is English or its end")
    @Points(2)
    void onePair() {
        List<EncodedPair> pairs = List.of(new EncodedPair(new int[] {11, 12, 13}, new int[] {41, 42}));
        expectRows("collate of one pair", pairs, 10, Collate.collate(pairs, 10, SPECIALS));
    }

    @Property(tries = 40, seed = "8101")
    @Label("any batch of pairs that fit, empty sentences included: every row as specified")
    @Points(2)
    void batchesThatFit(@ForAll @IntRange(min = 1, max = 5) int count, @ForAll @IntRange(min = 0, max = 6) int slack,
            @ForAll @LongRange(min = 0, max = 100_000) long seed) {
        Random random = new Random(seed);
        List<EncodedPair> pairs = randomPairs(random, count, 5, 5);
        int longest = pairs.stream().mapToInt(EncodedPair::length).max().orElseThrow();
        int maxLength = longest + slack;
        TranslationBatch got = Collate.collate(pairs, maxLength, SPECIALS);
        expectRows("collate of " + count + " pairs", pairs, maxLength, got);
        double total = Arrays.stream(got.labelWeights()).flatMapToDouble(Arrays::stream).sum();
        int targets = pairs.stream().mapToInt(p -> p.english().length + 1).sum();
        assertThat(total).as("the sum of all weights: the English tokens and one end per pair").isEqualTo(targets);
    }

    @Example
    @Label("a pair longer than maxLength keeps its English whole and loses German tokens from the start")
    @Points(2)
    void tooLongCutsTheSourceFromTheStart() {
        List<EncodedPair> pairs = List.of(new EncodedPair(new int[] {11, 12, 13, 14, 15}, new int[] {41, 42, 43}),
                new EncodedPair(new int[] {21}, new int[] {51}));
        // 5 + 3 + 2 = 10 > 8: two German tokens must go, 11 and 12.
        TranslationBatch got = Collate.collate(pairs, 8, SPECIALS);
        assertThat(got.inputIds()[0]).as("inputIds of German [11, 12, 13, 14, 15], English [41, 42, 43] in rows of 8:"
                + " the English and both ends fit only with the last 3 German tokens").containsExactly(13, 14, 15,
                DE, 41, 42, 43, EN);
        expectRows("collate with maxLength 8", pairs, 8, got);
    }

    @Example
    @Label("an English sentence that cannot fit even without German is an IllegalArgumentException naming the pair")
    @Points(1)
    void englishTooLongIsAnError() {
        List<EncodedPair> pairs = List.of(new EncodedPair(new int[] {11}, new int[] {41}),
                new EncodedPair(new int[] {}, new int[] {41, 42, 43, 44, 45}));
        assertThatThrownBy(() -> Collate.collate(pairs, 6, SPECIALS))
                .as("collate of a pair with 5 English tokens in rows of 6 (5 + 2 ends = 7)")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1").hasMessageContaining("5");
        TranslationBatch fits = Collate.collate(pairs, 7, SPECIALS);
        expectRows("the same pairs in rows of 7 (exactly enough)", pairs, 7, fits);
    }
}
