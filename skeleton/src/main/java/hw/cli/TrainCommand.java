package hw.cli;

import hw.data.Batches;
import hw.data.BpeTokenizer;
import hw.data.CharTokenizer;
import hw.data.Corpus;
import hw.data.Split;
import hw.data.Tokenizer;
import hw.model.GPT;
import hw.model.GPTConfig;
import hw.optim.Adam;
import hw.optim.AdamW;
import hw.optim.Optimizer;
import hw.optim.ParamGroups;
import hw.optim.SGD;
import hw.train.Trainer;
import hw.tensor.Precision;
import hw.train.TrainerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;

/** {@code train}: fits a tokenizer on the corpus, trains a GPT with AdamW, and writes a {@link RunDirectory}. */
final class TrainCommand {
    private static final Set<String> VALUED = Set.of("preset", "run", "corpus", "max-chars", "tokenizer", "steps",
            "batch-size", "block-size", "layers", "heads", "width", "dropout", "lr", "warmup", "weight-decay",
            "optimizer", "grad-accum", "clip", "eval-interval", "eval-batches", "checkpoint-interval", "seed",
            "sample-tokens", "dtype");
    private static final Set<String> FLAGS = Set.of("resume", "help");

    private TrainCommand() {
    }

    static void run(String[] args) {
        Options o = Options.parse("train", args, VALUED, FLAGS);
        if (o.has("help")) {
            System.out.println(help());
            return;
        }
        boolean resume = o.has("resume");
        RunDirectory run = new RunDirectory(Path.of(o.text("run", "runs/" + o.text("preset", "tiny"))));
        RunDirectory.RunInfo info;
        Tokenizer tokenizer;
        String text;
        if (resume) {
            // The data, the tokenizer and the model's shape are the run's; only the training options may change.
            info = run.readInfo();
            for (String fixed : new String[] {"corpus", "max-chars", "tokenizer", "block-size", "layers", "heads",
                    "width", "dropout", "seed", "dtype"}) {
                if (o.has(fixed)) {
                    throw new Options.UsageException("--" + fixed + " cannot change when resuming; " + run.info()
                            + " fixes it");
                }
            }
            text = text(info.corpus(), info.maxChars());
            tokenizer = Tokenizer.load(run.tokenizer());
        } else {
            Preset p = Preset.named(o.text("preset", "tiny"));
            if (Files.exists(run.info())) {
                throw new Options.UsageException(run.dir() + " already holds a run: add --resume to continue it,"
                        + " or choose another folder with --run");
            }
            long seed = o.longInteger("seed", 1337);
            String corpus = o.text("corpus", p.corpus());
            long maxChars = o.longInteger("max-chars", p.maxChars());
            text = text(corpus, maxChars);
            tokenizer = fit(o.text("tokenizer", p.tokenizer()), text);
            GPTConfig shape = new GPTConfig(tokenizer.vocabSize(), o.integer("block-size", p.blockSize()),
                    o.integer("layers", p.nLayer()), o.integer("heads", p.nHead()), o.integer("width", p.nEmbd()),
                    o.number("dropout", p.dropout()), true, true, seed);
            info = new RunDirectory.RunInfo(p.name(), corpus, maxChars, tokenizer.kind(), shape, seed,
                    o.dtype("dtype", "float32"));
        }
        Preset p = Preset.named(o.text("preset", info.preset()));
        long seed = info.seed();
        GPTConfig shape = info.model();
        int[] tokens = tokenizer.encode(text);
        Split split = Split.of(tokens, 0.9);
        System.out.printf("corpus %s: %,d characters → %,d %s tokens (vocabulary %d); %,d for training,"
                + " %,d held out%n",
                info.corpus(), text.length(), tokens.length, tokenizer.kind(), tokenizer.vocabSize(),
                split.train().length, split.validation().length);

        Precision.use(info.type()); // the parameters and every operation on them, for the rest of the command
        GPT model = new GPT(shape);
        double lr = o.number("lr", p.learningRate());
        int steps = o.integer("steps", p.steps());
        TrainerConfig config = TrainerConfig.builder()
                .steps(steps)
                .batchSize(o.integer("batch-size", p.batchSize()))
                .blockSize(shape.blockSize())
                .gradAccumulationSteps(o.integer("grad-accum", 1))
                .maxLr(lr).minLr(lr / 10)
                .warmupSteps(o.integer("warmup", Math.min(p.warmupSteps(), steps / 10)))
                .clipNorm(o.number("clip", 1.0))
                .evalInterval(o.integer("eval-interval", p.evalInterval()))
                .evalBatches(o.integer("eval-batches", p.evalBatches()))
                .checkpointDir(run.checkpoint())
                .checkpointInterval(o.integer("checkpoint-interval", p.evalInterval()))
                .outputDir(run.dir())
                .seed(seed)
                .build();
        Optimizer optimizer = optimizer(o.text("optimizer", "adamw"), model, lr, o.number("weight-decay",
                p.weightDecay()));
        Random batchRng = new Random(seed);
        Trainer trainer = new Trainer(model, optimizer, config,
                Batches.sampler(split.train(), config.batchSize(), config.blockSize(), batchRng),
                Batches.sampler(split.validation(), config.batchSize(), config.blockSize(), new Random(seed + 1)));

        try {
            if (resume) {
                trainer.resume(run.checkpoint());
            } else {
                tokenizer.save(run.tokenizer());
                run.writeInfo(info);
            }
            trainer.train();
            model.save(run.model());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run folder " + run.dir() + ": " + e.getMessage(), e);
        }
        System.out.println("saved the model to " + run.model() + "; loss curves in " + run.dir().resolve("losses.csv")
                + " and losses.png");

        int sampleTokens = o.integer("sample-tokens", 200);
        if (sampleTokens > 0) {
            System.out.println();
            SampleCommand.printSamples(new RunDirectory.Trained(info, tokenizer, model), null,
                    sampleTokens, SampleCommand.defaultOptions(seed));
        }
    }

    /** The corpus's text, cut to at most maxChars characters. */
    static String text(String corpus, long maxChars) {
        if (maxChars <= 0) {
            throw new Options.UsageException("--max-chars must be positive, got " + maxChars);
        }
        String text = corpus.equals("python") ? Corpus.pythonSource(maxChars) : Corpus.named(corpus);
        return text.length() > maxChars ? text.substring(0, (int) maxChars) : text;
    }

    private static Tokenizer fit(String kind, String text) {
        return switch (kind) {
            case "char" -> CharTokenizer.fit(text);
            case "char-normalised" -> CharTokenizer.fit(text, true);
            case "bpe" -> BpeTokenizer.fit(text);
            default -> throw new Options.UsageException("--tokenizer must be char, char-normalised or bpe, got '"
                    + kind + "'");
        };
    }

    private static Optimizer optimizer(String name, GPT model, double lr, double weightDecay) {
        return switch (name) {
            case "adamw" -> new AdamW(ParamGroups.forWeightDecay(model, weightDecay), lr, Adam.DEFAULT_BETA,
                    Adam.DEFAULT_GAMMA, Adam.DEFAULT_EPS);
            case "adam" -> new Adam(ParamGroups.all(model), lr, Adam.DEFAULT_BETA, Adam.DEFAULT_GAMMA,
                    Adam.DEFAULT_EPS);
            case "sgd" -> new SGD(ParamGroups.all(model), lr, 0.9);
            default -> throw new Options.UsageException("--optimizer must be adamw, adam or sgd, got '" + name + "'");
        };
    }

    static String help() {
        return """
                train [options] — train a GPT and write a run folder

                  --preset NAME        %s (default tiny); every option below overrides it
                  --run DIR            the run folder (default runs/PRESET)
                  --resume             continue the run in --run from its last checkpoint
                  --corpus C           python (the CPython standard library), english (Python's help texts)
                                       or a UTF-8 text file
                  --max-chars N        read at most N characters of the corpus
                  --tokenizer K        char, char-normalised (lower case, 40 characters, as in the JKU
                                       handout) or bpe (GPT-2's byte-pair encoding, re-indexed to the ids used)
                  --steps N  --batch-size B  --block-size T  --layers L  --heads H  --width C  --dropout P
                  --optimizer O        adamw (default), adam or sgd (momentum 0.9)
                  --lr X  --warmup N  --weight-decay X  --grad-accum K  --clip X (0: none)
                  --eval-interval N  --eval-batches N  --checkpoint-interval N  --seed S
                  --dtype T            float32 (default, as PyTorch trains) or float64; sample and eval
                                       use the run's
                  --sample-tokens N    how much text to print at the end (0: none)""".formatted(Preset.names());
    }
}
