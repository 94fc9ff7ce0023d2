package hw.cli;

import static hw.cli.ModelOptions.or;
import static hw.cli.ModelOptions.positive;

import hw.model.GPT;
import hw.model.GPTConfig;
import hw.optim.Adam;
import hw.optim.AdamW;
import hw.optim.ParamGroups;
import hw.train.Trainer;
import hw.train.TrainerConfig;
import hw.translate.EncodedPair;
import hw.translate.GreedyTranslator;
import hw.translate.PairBatches;
import hw.translate.ParallelCorpus;
import hw.translate.SubwordTokenizer;
import hw.translate.TranslationEvaluation;
import hw.translate.TranslationModel;
import hw.translate.TranslationPair;
import hw.translate.TranslationTraining;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code translate}: train a German→English translator (the embedded task or {@code --data DIR} in Multi30k's
 * layout), score a trained one with BLEU, or translate one sentence.
 */
@Command(name = "translate", mixinStandardHelpOptions = true, versionProvider = CommandLines.Version.class,
        description = {"A German→English translator on the decoder-only GPT.",
            "translate --text \"ein Hund läuft\" translates one sentence with a trained run;"
                + " the commands train one and score it."},
        subcommands = {TranslateCommand.Train.class, TranslateCommand.Eval.class},
        footerHeading = "%nPresets of translate train:%n")
final class TranslateCommand implements Runnable {
    private static final String DEFAULT_RUN = "runs/translate-numbers";

    @Option(names = "--text", paramLabel = "GERMAN", description = "the sentence to translate")
    private String text;
    @Option(names = "--run", paramLabel = "DIR", defaultValue = DEFAULT_RUN,
            description = "the translator's run folder (default ${DEFAULT-VALUE})")
    private Path runFolder;
    @Option(names = "--max-tokens", paramLabel = "N", description = "stop after N English tokens (default: what"
            + " fits in the context)")
    private Integer maxTokens;

    @Override
    public void run() {
        if (text == null) {
            throw new UsageException("translate: say train, eval, or --text \"a German sentence\"");
        }
        TranslateRun.Trained trained = new TranslateRun(runFolder).load();
        int limit = positive("--max-tokens", maxTokens != null ? maxTokens : trained.model().blockSize());
        System.out.println(GreedyTranslator.translate(trained.model(), trained.tokenizer(), text, limit));
    }

    /** {@code translate train}: learns a vocabulary, trains in epochs, scores BLEU after each. */
    @Command(name = "train", mixinStandardHelpOptions = true, versionProvider = CommandLines.Version.class,
            description = {"Train a translator in epochs; after each, BLEU on validation sentences (bleu.csv,"
                + " hypotheses-step-S.txt).", "A preset sets the options below; an option given overrides it."})
    static final class Train implements Runnable {
        @Mixin
        private ModelOptions modelOptions = new ModelOptions();
        @Option(names = "--data", paramLabel = "DIR", description = "Multi30k's layout (train/val/test_2016_flickr"
                + " .de.gz/.en.gz); without it, the embedded task (numbers, times, dates, quantities)")
        private String data;
        @Option(names = "--preset", paramLabel = "NAME", converter = TranslatePreset.Named.class,
                description = "numbers (the default), or multi30k (the default with --data); see translate --help")
        private TranslatePreset preset;
        @Option(names = "--run", paramLabel = "DIR", description = "the run folder (default runs/translate-PRESET)")
        private Path runFolder;
        @Option(names = "--epochs", paramLabel = "N", description = "passes over the training pairs")
        private Integer epochs;
        @Option(names = "--vocab", paramLabel = "V", description = "subwords to learn")
        private Integer vocab;
        @Option(names = "--eval-sentences", paramLabel = "N", description = "sentences scored after each epoch")
        private Integer evalSentences;
        @Option(names = "--eval-split", paramLabel = "S", defaultValue = "val",
                description = "where they come from: val (default) or test")
        private String evalSplit;
        @Option(names = "--eval-every", paramLabel = "N", description = "score every N steps instead of every epoch")
        private Integer evalEvery;
        @Option(names = "--max-pairs", paramLabel = "N", description = "train on the first N pairs only")
        private Integer maxPairs;
        @Option(names = "--seed", paramLabel = "S", defaultValue = "1337", description = "the seed (default"
                + " ${DEFAULT-VALUE})")
        private long seed;

        @Override
        public void run() {
            TranslatePreset p = preset != null ? preset
                    : TranslatePreset.named(data == null ? "numbers" : "multi30k");
            TranslateRun run = new TranslateRun(runFolder != null ? runFolder : Path.of("runs", "translate-"
                    + p.name()));
            if (Files.exists(run.info())) {
                throw new UsageException(run.dir() + " already holds a translation run; choose another folder"
                        + " with --run");
            }
            int epochCount = positive("--epochs", or(epochs, p.epochs()));
            int batch = positive("--batch-size", or(modelOptions.batchSize, p.batchSize()));
            int block = positive("--block-size", or(modelOptions.blockSize, p.blockSize()));
            ParallelCorpus corpus = TranslateRun.corpus(data);
            List<TranslationPair> train = corpus.train();
            int pairs = or(maxPairs, train.size());
            train = train.subList(0, Math.min(Math.max(pairs, 1), train.size()));
            long t0 = System.nanoTime();
            SubwordTokenizer tokenizer = SubwordTokenizer.learn(train, positive("--vocab", or(vocab,
                    p.vocabSize())));
            List<EncodedPair> trainIds = PairBatches.encodeFitting(tokenizer, train, block);
            List<TranslationPair> heldOut = switch (evalSplit) {
                case "val" -> corpus.validation().isEmpty() ? corpus.test() : corpus.validation();
                case "test" -> corpus.test();
                default -> throw new UsageException("--eval-split must be val or test, got '" + evalSplit + "'");
            };
            if (heldOut.isEmpty()) {
                throw new UsageException("--data: " + corpus.name() + " has no " + evalSplit + " pairs to score");
            }
            List<EncodedPair> heldOutIds = PairBatches.encodeFitting(tokenizer, heldOut, block);
            System.out.printf("%s: %,d training pairs (%,d fit in %d tokens), %,d validation, %,d test; %d subwords"
                    + " learned in %.1f s%n", corpus.name(), train.size(), trainIds.size(), block,
                    corpus.validation().size(), corpus.test().size(), tokenizer.vocabSize(),
                    (System.nanoTime() - t0) / 1e9);
            if (trainIds.size() < batch) {
                throw new UsageException("only " + trainIds.size() + " training pairs fit in --block-size "
                        + block + "; need at least a batch of " + batch);
            }

            GPTConfig shape = modelOptions.shape(tokenizer.vocabSize(), block, p.nLayer(), p.nHead(), p.nEmbd(),
                    p.dropout(), seed);
            GPT gpt = new GPT(shape);
            TranslationModel model = new TranslationModel(gpt);
            PairBatches batches = new PairBatches(trainIds, batch, block, tokenizer.specials(), seed);
            PairBatches validation = new PairBatches(heldOutIds.size() >= batch ? heldOutIds : trainIds, batch,
                    block, tokenizer.specials(), seed + 1);
            int stepsPerEpoch = batches.batchesPerEpoch();
            double peakLr = or(modelOptions.lr, p.learningRate());
            TrainerConfig config = TrainerConfig.builder()
                    .steps(epochCount * stepsPerEpoch).batchSize(batch).blockSize(block)
                    .maxLr(peakLr).minLr(peakLr / 10).warmupSteps(Math.min(200, stepsPerEpoch / 4))
                    .clipNorm(1.0).evalInterval(stepsPerEpoch).evalBatches(10)
                    .checkpointDir(run.dir().resolve("checkpoint")).checkpointInterval(stepsPerEpoch)
                    .outputDir(run.dir()).logInterval(50).seed(seed).build();
            double decay = or(modelOptions.weightDecay, p.weightDecay());
            AdamW optimizer = new AdamW(ParamGroups.forWeightDecay(model, decay), peakLr, Adam.DEFAULT_BETA,
                    Adam.DEFAULT_GAMMA, Adam.DEFAULT_EPS);
            Trainer trainer = new Trainer(model, optimizer, config, batches, validation);
            tokenizer.save(run.tokenizer());
            run.writeInfo(new TranslateRun.Info(p.name(), data, shape, seed));
            int sentences = positive("--eval-sentences", or(evalSentences, p.evalSentences()));
            List<TranslationPair> evalPairs = heldOut.subList(0, Math.min(sentences, heldOut.size()));
            int evaluateEvery = positive("--eval-every", or(evalEvery, stepsPerEpoch));
            System.out.printf("%d epochs of %d steps (batches of %d × %d); BLEU on %d %s sentences every %d steps%n",
                    epochCount, stepsPerEpoch, batch, block, evalPairs.size(), evalSplit, evaluateEvery);
            TranslationTraining.run(model, trainer, tokenizer, stepsPerEpoch, evaluateEvery, evalPairs, block,
                    run.dir(), System.out, evaluation -> save(gpt, run));
            System.out.println("saved the translator to " + run.dir() + "; translate with: translate --run "
                    + run.dir() + " --text \"" + heldOut.get(0).german() + "\"");
        }
    }

    /** {@code translate eval}: translates a split with a trained run and prints its BLEU. */
    @Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = CommandLines.Version.class,
            description = "Translate a split, write DIR/hypotheses.SPLIT.txt, print its BLEU.")
    static final class Eval implements Runnable {
        @Option(names = "--run", paramLabel = "DIR", required = true,
                description = "the folder translate train wrote")
        private Path runFolder;
        @Option(names = "--split", paramLabel = "S", defaultValue = "test",
                description = "test (default), val or train")
        private String split;
        @Option(names = "--max-sentences", paramLabel = "N", description = "translate the first N sentences only")
        private Integer maxSentences;
        @Option(names = "--data", paramLabel = "DIR", description = "the data in Multi30k's layout (default: the"
                + " run's)")
        private String data;

        @Override
        public void run() {
            TranslateRun run = new TranslateRun(runFolder);
            TranslateRun.Trained trained = run.load();
            ParallelCorpus corpus = TranslateRun.corpus(data != null ? data : trained.info().data());
            List<TranslationPair> pairs = switch (split) {
                case "test" -> corpus.test();
                case "val" -> corpus.validation();
                case "train" -> corpus.train();
                default -> throw new UsageException("translate eval: --split must be test, val or train, got '"
                        + split + "'");
            };
            if (pairs.isEmpty()) {
                throw new UsageException("translate eval: the " + split + " split of " + corpus.name()
                        + " is empty");
            }
            int count = positive("--max-sentences", or(maxSentences, pairs.size()));
            pairs = pairs.subList(0, Math.min(count, pairs.size()));
            Path file = run.dir().resolve("hypotheses." + split + ".txt");
            TranslationEvaluation.Result r = TranslationEvaluation.evaluate(trained.model(), trained.tokenizer(),
                    pairs, trained.model().blockSize(), file);
            System.out.printf("%d %s sentences translated in %.1f s; hypotheses in %s%n", pairs.size(), split,
                    r.seconds(), file);
            System.out.println(r.bleu().format());
        }
    }

    private static void save(GPT gpt, TranslateRun run) {
        try {
            gpt.save(run.model());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + run.model() + ": " + e.getMessage(), e);
        }
    }


}
