package hw.translate;

import grader.api.LeaderboardMeasure;
import hw.model.GPT;
import hw.model.GPTConfig;
import hw.optim.Adam;
import hw.optim.AdamW;
import hw.optim.ParamGroups;
import hw.train.Trainer;
import hw.train.TrainerConfig;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Leaderboard: the BLEU of a tiny translator (1 layer, 2 heads, width 48) trained on fixed, seeded work with the
 * student's own code — {@link Collate} (8.1) and {@link MaskedLoss} (8.2) through the kit's {@link PairBatches},
 * {@link TranslationModel} and {@link TranslationTraining}, with the student's AdamW (Problem 6) — for 300 steps of
 * 16 pairs on 1 200 pairs of the embedded task ({@link EmbeddedPairs}, seed 8); then 40 further, held-out pairs
 * translated with the student's {@link GreedyTranslator} (8.3) and scored with corpus BLEU.
 *
 * <p>The only BLEU on the tests' class path is the student's {@link Bleu} (8.4). The board uses it only after it
 * reproduces every sacreBLEU corpus of the committed fixture ({@code fixtures/bleu.json}) statistic by statistic,
 * and the value is the score recomputed here from its statistics with sacreBLEU's formula (clamped to [0, 100]),
 * which must agree with the student's score. Otherwise the measurement fails and the entry is left out with the
 * reason, so a broken BLEU cannot inflate the entry.
 */
public final class TranslationBleuMeasure implements LeaderboardMeasure {
    private static final long SEED = 8;
    private static final int TRAIN_PAIRS = 1200, TEST_PAIRS = 40, STEPS = 300, BATCH = 16, BLOCK = 32, VOCAB = 200;

    @Override
    public String name() {
        return "BLEU after 300 translation steps";
    }

    @Override
    public double measure() {
        bleuMatchesSacrebleu();
        ParallelCorpus corpus = EmbeddedPairs.corpus(TRAIN_PAIRS, 0, TEST_PAIRS, SEED);
        SubwordTokenizer tokenizer = SubwordTokenizer.learn(corpus.train(), VOCAB);
        List<EncodedPair> train = PairBatches.encodeFitting(tokenizer, corpus.train(), BLOCK);
        GPT gpt = new GPT(new GPTConfig(tokenizer.vocabSize(), BLOCK, 1, 2, 48, 0.0, true, true, SEED));
        TranslationModel model = new TranslationModel(gpt);
        TrainerConfig config = TrainerConfig.builder().steps(STEPS).batchSize(BATCH).blockSize(BLOCK)
                .maxLr(1e-2).minLr(1e-3).warmupSteps(10).clipNorm(1.0).evalInterval(0).quiet(true).seed(SEED)
                .build();
        AdamW optimizer = new AdamW(ParamGroups.forWeightDecay(model, 0.0), 1e-2, Adam.DEFAULT_BETA,
                Adam.DEFAULT_GAMMA, Adam.DEFAULT_EPS);
        Trainer trainer = new Trainer(model, optimizer, config,
                new PairBatches(train, BATCH, BLOCK, tokenizer.specials(), SEED),
                new PairBatches(train, BATCH, BLOCK, tokenizer.specials(), SEED + 1));
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        List<TranslationTraining.Evaluation> evaluations = TranslationTraining.run(model, trainer, tokenizer,
                STEPS, STEPS, corpus.test(), BLOCK, null, silent, null);
        BleuScore bleu = evaluations.get(evaluations.size() - 1).bleu();
        double recomputed = scoreFromStatistics(bleu);
        if (!(Math.abs(bleu.score() - recomputed) <= 1e-6)) {
            throw new IllegalStateException("Bleu.corpus gave " + bleu.score() + " on the translations, but its own"
                    + " statistics give " + recomputed + " (Problem 8.4)");
        }
        return recomputed;
    }

    /** The student's BLEU must reproduce sacreBLEU on every fixture corpus before the board uses it. */
    private static void bleuMatchesSacrebleu() {
        for (BleuFixture f : BleuFixture.section("corpora")) {
            try {
                CorpusBleuTest.matchesSacrebleu(f);
            } catch (AssertionError | RuntimeException e) {
                throw new IllegalStateException("Bleu.corpus does not reproduce sacreBLEU on the fixture corpus '"
                        + f.text("name") + "', so the board does not use it (Problem 8.4): "
                        + e.getMessage().lines().findFirst().orElse(""), e);
            }
        }
    }

    /** sacreBLEU's corpus score from clipped counts, totals and lengths (exponential smoothing), in [0, 100]. */
    static double scoreFromStatistics(BleuScore b) {
        long[] counts = b.counts(), totals = b.totals();
        if (Arrays.stream(counts).allMatch(c -> c == 0)) {
            return 0;
        }
        double logSum = 0;
        double smooth = 1;
        for (int n = 0; n < counts.length; n++) {
            if (totals[n] == 0 || counts[n] > totals[n] || counts[n] < 0) {
                return 0;
            }
            if (counts[n] == 0) {
                smooth *= 2;
                logSum += Math.log(100.0 / (smooth * totals[n]));
            } else {
                logSum += Math.log(100.0 * counts[n] / totals[n]);
            }
        }
        long hyp = b.hypLength(), ref = b.refLength();
        double bp = hyp >= ref ? 1 : hyp == 0 ? 0 : Math.exp(1 - (double) ref / hyp);
        return Math.max(0, Math.min(100, bp * Math.exp(logSum / counts.length)));
    }
}
