package hw.cli;

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
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code translate}: train a German→English translator (the embedded task or {@code --data DIR} in Multi30k's
 * layout), score a trained one with BLEU, or translate one sentence.
 */
final class TranslateCommand {
    private static final Set<String> TRAIN_VALUED = Set.of("data", "run", "preset", "epochs", "batch-size",
            "block-size", "layers", "heads", "width", "dropout", "lr", "weight-decay", "vocab", "eval-sentences",
            "eval-split", "eval-every", "max-pairs", "seed");
    private static final Set<String> EVAL_VALUED = Set.of("run", "split", "max-sentences", "data");
    private static final Set<String> TEXT_VALUED = Set.of("run", "text", "max-tokens");
    private static final Set<String> FLAGS = Set.of("help");
    private static final String DEFAULT_RUN = "runs/translate-numbers";

    private TranslateCommand() {
    }

    static void run(String[] args) {
        String verb = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (verb) {
            case "train" -> train(Options.parse("translate train", rest, TRAIN_VALUED, FLAGS));
            case "eval" -> eval(Options.parse("translate eval", rest, EVAL_VALUED, FLAGS));
            default -> text(Options.parse("translate", args, TEXT_VALUED, FLAGS));
        }
    }

    private static void train(Options o) {
        if (o.has("help")) {
            System.out.println(help());
            return;
        }
        String data = o.text("data", null);
        TranslatePreset p = TranslatePreset.named(o.text("preset", data == null ? "numbers" : "multi30k"));
        TranslateRun run = new TranslateRun(Path.of(o.text("run", "runs/translate-" + p.name())));
        if (Files.exists(run.info())) {
            throw new Options.UsageException(run.dir() + " already holds a translation run; choose another folder"
                    + " with --run");
        }
        long seed = o.longInteger("seed", 1337);
        int epochs = positive(o, "epochs", p.epochs()), batchSize = positive(o, "batch-size", p.batchSize());
        int blockSize = positive(o, "block-size", p.blockSize());
        ParallelCorpus corpus = TranslateRun.corpus(data);
        List<TranslationPair> train = corpus.train();
        int maxPairs = o.integer("max-pairs", train.size());
        train = train.subList(0, Math.min(Math.max(maxPairs, 1), train.size()));
        long t0 = System.nanoTime();
        SubwordTokenizer tokenizer = SubwordTokenizer.learn(train, positive(o, "vocab", p.vocabSize()));
        List<EncodedPair> trainIds = PairBatches.encodeFitting(tokenizer, train, blockSize);
        String evalSplit = o.text("eval-split", "val");
        List<TranslationPair> heldOut = switch (evalSplit) {
            case "val" -> corpus.validation().isEmpty() ? corpus.test() : corpus.validation();
            case "test" -> corpus.test();
            default -> throw new Options.UsageException("--eval-split must be val or test, got '" + evalSplit + "'");
        };
        if (heldOut.isEmpty()) {
            throw new Options.UsageException("--data: " + corpus.name() + " has no " + evalSplit + " pairs to score");
        }
        List<EncodedPair> heldOutIds = PairBatches.encodeFitting(tokenizer, heldOut, blockSize);
        System.out.printf("%s: %,d training pairs (%,d fit in %d tokens), %,d validation, %,d test; %d subwords"
                + " learned in %.1f s%n", corpus.name(), train.size(), trainIds.size(), blockSize,
                corpus.validation().size(), corpus.test().size(), tokenizer.vocabSize(), (System.nanoTime() - t0) / 1e9);
        if (trainIds.size() < batchSize) {
            throw new Options.UsageException("only " + trainIds.size() + " training pairs fit in --block-size "
                    + blockSize + "; need at least a batch of " + batchSize);
        }

        GPTConfig shape = new GPTConfig(tokenizer.vocabSize(), blockSize, positive(o, "layers", p.nLayer()),
                positive(o, "heads", p.nHead()), positive(o, "width", p.nEmbd()), o.number("dropout", p.dropout()),
                true, true, seed);
        GPT gpt = new GPT(shape);
        TranslationModel model = new TranslationModel(gpt);
        PairBatches batches = new PairBatches(trainIds, batchSize, blockSize, tokenizer.specials(), seed);
        PairBatches validation = new PairBatches(heldOutIds.size() >= batchSize ? heldOutIds : trainIds, batchSize,
                blockSize, tokenizer.specials(), seed + 1);
        int stepsPerEpoch = batches.batchesPerEpoch();
        double lr = o.number("lr", p.learningRate());
        TrainerConfig config = TrainerConfig.builder()
                .steps(epochs * stepsPerEpoch).batchSize(batchSize).blockSize(blockSize)
                .maxLr(lr).minLr(lr / 10).warmupSteps(Math.min(200, stepsPerEpoch / 4))
                .clipNorm(1.0).evalInterval(stepsPerEpoch).evalBatches(10)
                .checkpointDir(run.dir().resolve("checkpoint")).checkpointInterval(stepsPerEpoch)
                .outputDir(run.dir()).logInterval(50).seed(seed).build();
        AdamW optimizer = new AdamW(ParamGroups.forWeightDecay(model, o.number("weight-decay", p.weightDecay())), lr,
                Adam.DEFAULT_BETA, Adam.DEFAULT_GAMMA, Adam.DEFAULT_EPS);
        Trainer trainer = new Trainer(model, optimizer, config, batches, validation);
        tokenizer.save(run.tokenizer());
        run.writeInfo(new TranslateRun.Info(p.name(), data, shape, seed));
        int evalSentences = positive(o, "eval-sentences", p.evalSentences());
        List<TranslationPair> evalPairs = heldOut.subList(0, Math.min(evalSentences, heldOut.size()));
        System.out.printf("%d epochs of %d steps (batches of %d × %d); BLEU on %d %s sentences every %d steps%n",
                epochs, stepsPerEpoch, batchSize, blockSize, evalPairs.size(), evalSplit,
                o.integer("eval-every", stepsPerEpoch));
        int evaluateEvery = positive(o, "eval-every", stepsPerEpoch);
        TranslationTraining.run(model, trainer, tokenizer, stepsPerEpoch, evaluateEvery, evalPairs, blockSize,
                run.dir(), System.out, evaluation -> save(gpt, run));
        System.out.println("saved the translator to " + run.dir() + "; translate with: translate --run " + run.dir()
                + " --text \"" + heldOut.get(0).german() + "\"");
    }

    private static void save(GPT gpt, TranslateRun run) {
        try {
            gpt.save(run.model());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + run.model() + ": " + e.getMessage(), e);
        }
    }

    private static void eval(Options o) {
        if (o.has("help")) {
            System.out.println(help());
            return;
        }
        if (!o.has("run")) {
            throw new Options.UsageException("translate eval: --run DIR is required (the folder translate train wrote)");
        }
        TranslateRun run = new TranslateRun(Path.of(o.text("run", DEFAULT_RUN)));
        TranslateRun.Trained trained = run.load();
        ParallelCorpus corpus = TranslateRun.corpus(o.text("data", trained.info().data()));
        String split = o.text("split", "test");
        List<TranslationPair> pairs = switch (split) {
            case "test" -> corpus.test();
            case "val" -> corpus.validation();
            case "train" -> corpus.train();
            default -> throw new Options.UsageException("translate eval: --split must be test, val or train, got '"
                    + split + "'");
        };
        if (pairs.isEmpty()) {
            throw new Options.UsageException("translate eval: the " + split + " split of " + corpus.name()
                    + " is empty");
        }
        pairs = pairs.subList(0, Math.min(positive(o, "max-sentences", pairs.size()), pairs.size()));
        Path file = run.dir().resolve("hypotheses." + split + ".txt");
        TranslationEvaluation.Result r = TranslationEvaluation.evaluate(trained.model(), trained.tokenizer(), pairs,
                trained.model().blockSize(), file);
        System.out.printf("%d %s sentences translated in %.1f s; hypotheses in %s%n", pairs.size(), split,
                r.seconds(), file);
        System.out.println(r.bleu().format());
    }

    private static void text(Options o) {
        if (o.has("help")) {
            System.out.println(help());
            return;
        }
        if (!o.has("text")) {
            throw new Options.UsageException("translate: say train, eval, or --text \"a German sentence\"");
        }
        TranslateRun.Trained trained = new TranslateRun(Path.of(o.text("run", DEFAULT_RUN))).load();
        int maxTokens = positive(o, "max-tokens", trained.model().blockSize());
        System.out.println(GreedyTranslator.translate(trained.model(), trained.tokenizer(), o.text("text", ""),
                maxTokens));
    }

    private static int positive(Options o, String name, int fallback) {
        int v = o.integer(name, fallback);
        if (v < 1) {
            throw new Options.UsageException("--" + name + " must be at least 1, got " + v);
        }
        return v;
    }

    static String help() {
        return """
                translate — a German→English translator on the decoder-only GPT

                  translate train [--data DIR] [--preset NAME] [--run DIR] [options]
                      trains in epochs; after each, BLEU on validation sentences (bleu.csv, hypotheses-step-S.txt)
                      --data DIR         Multi30k's layout (train/val/test_2016_flickr .de.gz/.en.gz);
                                         without it, the embedded task (numbers, times, dates, quantities)
                      --preset NAME      %s (default: numbers, or multi30k with --data)
                      --run DIR          the run folder (default runs/translate-PRESET)
                      --epochs N  --batch-size B  --block-size T  --layers L  --heads H  --width C
                      --dropout P  --lr X  --weight-decay X  --vocab V (subwords)  --seed S
                      --eval-sentences N  sentences scored after each epoch, from --eval-split val (default)
                                         or test; --eval-every N  score every N steps instead of every epoch
                      --max-pairs N      train on the first N pairs only
                  translate eval --run DIR [--split test|val|train] [--max-sentences N]
                      translates a split, writes DIR/hypotheses.SPLIT.txt, prints BLEU
                  translate --text "ein Hund läuft" [--run DIR] [--max-tokens N]
                      translates one sentence (default run: %s)

                presets:
                """.formatted(TranslatePreset.names(), DEFAULT_RUN) + TranslatePreset.describeAll();
    }
}
