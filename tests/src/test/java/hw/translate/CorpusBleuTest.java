package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

@Todo("8.4")
@Label("Problem 8.4 Bleu.corpus")
class CorpusBleuTest {
    static final Map<String, String> MISTAKES = new LinkedHashMap<>();

    static {
        MISTAKES.put("sentence_average", "the mean of the sentences' BLEU scores: corpus BLEU sums the sentences'"
                + " statistics and computes one score from the sums");
        MISTAKES.put("unclipped", "unclipped n-gram matches (see sentenceStatistics)");
        MISTAKES.put("shortest_reference", "the brevity penalty against the shortest reference (use the closest)");
        MISTAKES.put("no_smoothing", "no smoothing of orders without a match (see fromStatistics)");
        MISTAKES.put("whitespace_tokens", "lines split on whitespace instead of tokenized with 13a (use Bleu.tokens)");
    }

    /** Bleu.corpus on one fixture corpus, compared statistic by statistic with sacreBLEU's corpus_bleu. */
    static void matchesSacrebleu(BleuFixture f) {
        List<String> hyps = f.texts("hypotheses");
        List<List<String>> refs = f.textRows("references");
        BleuScore b = Bleu.corpus(hyps, refs);
        String what = "Bleu.corpus on the corpus '" + f.text("name") + "' (" + hyps.size() + " sentences, "
                + refs.size() + " reference stream(s); sacreBLEU " + BleuFixture.sacrebleuVersion() + ")";
        assertThat(b.score()).as("%s: the score%s", what, f.diagnose("score", b.score(), MISTAKES))
                .isCloseTo(f.number("score"), within(1e-9));
        assertThat(b.hypLength()).as("%s: hyp_len", what).isEqualTo(f.integer("hyp_len"));
        assertThat(b.refLength()).as("%s: ref_len (the closest reference lengths, summed)", what)
                .isEqualTo(f.integer("ref_len"));
        assertThat(b.counts()).as("%s: counts (clipped matches per order, summed)", what).isEqualTo(f.longs("counts"));
        assertThat(b.totals()).as("%s: totals (hypothesis n-grams per order, summed)", what)
                .isEqualTo(f.longs("totals"));
        double[] precisions = b.precisions(), expected = f.numbers("precisions");
        for (int n = 0; n < Bleu.MAX_ORDER; n++) {
            assertThat(precisions[n]).as("%s: precision of order %d", what, n + 1).isCloseTo(expected[n],
                    within(1e-9));
        }
        assertThat(b.brevityPenalty()).as("%s: BP", what).isCloseTo(f.number("bp"), within(1e-12));
        assertThat(b.ratio()).as("%s: ratio", what).isCloseTo(f.number("ratio"), within(1e-12));
        assertThat(b.format()).as("%s: format(), as sacreBLEU prints it", what).isEqualTo(f.text("format"));
    }

    @Example
    @Label("sacreBLEU's documented example: BLEU = 48.53 82.4/50.0/45.5/37.5 (two reference streams)")
    @Points(1)
    void documentedExample() {
        matchesSacrebleu(BleuFixture.corpus("sacrebleu_readme"));
        matchesSacrebleu(BleuFixture.corpus("sacrebleu_empty_hypotheses"));
    }

    @Example
    @Label("every corpus of bleu.json (unicode, numbers, empty and very short hypotheses, several references,"
            + " generated corpora): every statistic and the score equal sacreBLEU's")
    @Points(2)
    void everyKnownCorpus() {
        for (BleuFixture f : BleuFixture.section("corpora")) {
            matchesSacrebleu(f);
        }
    }

    @Example
    @Label("the empty corpus has the score of zero statistics: BLEU = 0.00 (BP = 1.000, lengths 0)")
    @Points(1)
    void emptyCorpus() {
        BleuScore b = Bleu.corpus(List.of(), List.of(List.of()));
        BleuFixture f = BleuFixture.entry("empty_corpus");
        assertThat(b.score()).as("Bleu.corpus of no sentences: the score").isEqualTo(f.number("score"));
        assertThat(b.format()).as("Bleu.corpus of no sentences: format()").isEqualTo(f.text("format"));
    }

    /** A random corpus of n sentences over a small vocabulary, with one or two reference streams that edit it. */
    static List<List<String>> randomCorpus(Random random, int n, int streams) {
        String[] words = "a the dog cat runs sat on mat red big , . !".split(" ");
        List<List<String>> out = new ArrayList<>();
        for (int k = 0; k <= streams; k++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            int length = random.nextInt(9);
            for (int k = 0; k <= streams; k++) {
                StringBuilder s = new StringBuilder();
                for (int t = 0; t < length + (k == 0 ? 0 : random.nextInt(3)); t++) {
                    s.append(t == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
                }
                out.get(k).add(s.toString());
            }
        }
        return out;
    }

    @Property(tries = 15, seed = "8405")
    @Label("the same sentences in any order score the same; 0 ≤ BLEU ≤ 100")
    @Points(1)
    void orderOfSentencesDoesNotMatter(@ForAll @LongRange(max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 30) int n) {
        Random random = new Random(seed);
        List<List<String>> corpus = randomCorpus(random, n, 2);
        BleuScore b = Bleu.corpus(corpus.get(0), corpus.subList(1, 3));
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Collections.shuffle(Arrays.asList(order), random);
        List<List<String>> shuffled = new ArrayList<>();
        for (List<String> stream : corpus) {
            shuffled.add(Arrays.stream(order).map(stream::get).toList());
        }
        BleuScore c = Bleu.corpus(shuffled.get(0), shuffled.subList(1, 3));
        assertThat(c.score()).as("BLEU of %s after shuffling the sentences (before: %s)", shuffled, b.format())
                .isCloseTo(b.score(), within(1e-9));
        assertThat(b.score()).as("BLEU of %s", corpus).isBetween(0.0, 100.0 + 1e-9);
    }

    @Property(tries = 15, seed = "8406")
    @Label("hypotheses identical to the references (sentences of 4+ tokens) score 100")
    @Points(1)
    void identicalScores100(@ForAll @LongRange(max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 20) int n) {
        Random random = new Random(seed);
        List<String> sentences = new ArrayList<>();
        for (String s : randomCorpus(random, n, 0).get(0)) {
            sentences.add(s + " and so it goes");
        }
        BleuScore b = Bleu.corpus(sentences, List.of(sentences));
        assertThat(b.score()).as("BLEU of %s against itself (%s)", sentences, b.format()).isCloseTo(100.0,
                within(1e-9));
    }
}
