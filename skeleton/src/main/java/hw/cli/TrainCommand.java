package hw.cli;

import static hw.cli.ModelOptions.or;

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
import java.util.List;
import java.util.Random;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: fits a tokenizer on the corpus, trains a GPT with AdamW, and writes a {@link RunDirectory}. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = CommandLines.Version.class,
        description = {"Train a GPT and write a run folder.",
            "A preset sets every option below; an option given overrides it."},
        footerHeading = "%nPresets:%n")
final class TrainCommand implements Runnable {
    /** What a run's first command fixes for good: --resume refuses to change it. */
    private static final List<String> FIXED_BY_THE_RUN = List.of("--corpus", "--max-chars", "--tokenizer",
            "--block-size", "--layers", "--heads", "--width", "--dropout", "--seed", "--dtype");

    @Spec
    private CommandSpec spec;
    @Mixin
    private ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--preset", paramLabel = "NAME", converter = Preset.Named.class,
            description = "tiny (default), jku or 305b; see the presets below")
    private Preset preset;
    @Option(names = "--run", paramLabel = "DIR", description = "the run folder (default: runs/PRESET)")
    private Path runFolder;
    @Option(names = "--resume", description = "continue the run in --run from its last checkpoint")
    private boolean resume;

    @Option(names = "--corpus", paramLabel = "C", description = "python (the CPython standard library), english"
            + " (Python's help texts) or a UTF-8 text file")
    private String corpus;
    @Option(names = "--max-chars", paramLabel = "N", description = "read at most N characters of the corpus")
    private Long maxChars;
    @Option(names = "--tokenizer", paramLabel = "K", description = "char, char-normalised (lower case, 40"
            + " characters, as in the JKU handout) or bpe (GPT-2's byte-pair encoding, re-indexed to the ids used)")
    private String tokenizerKind;

    @Option(names = "--steps", paramLabel = "N", description = "optimizer steps")
    private Integer steps;

    @Option(names = "--optimizer", paramLabel = "O", defaultValue = "adamw",
            description = "adamw (default), adam or sgd (momentum 0.9)")
    private String optimizerName;
    @Option(names = "--warmup", paramLabel = "N", description = "warm-up steps (default: the preset's, at most a"
            + " tenth of the steps)")
    private Integer warmup;
    @Option(names = "--grad-accum", paramLabel = "K", defaultValue = "1",
            description = "micro-batches per step (default 1)")
    private int gradAccum;
    @Option(names = "--clip", paramLabel = "X", defaultValue = "1.0",
            description = "clip the gradients' global norm to X (default 1.0; 0: no clipping)")
    private double clip;

    @Option(names = "--eval-interval", paramLabel = "N", description = "steps between loss estimates")
    private Integer evalInterval;
    @Option(names = "--eval-batches", paramLabel = "N", description = "batches per loss estimate")
    private Integer evalBatches;
    @Option(names = "--checkpoint-interval", paramLabel = "N", description = "steps between checkpoints (default:"
            + " the evaluation interval)")
    private Integer checkpointInterval;
    @Option(names = "--seed", paramLabel = "S", description = "the seed of the weights, batches and dropout"
            + " (default 1337)")
    private Long seed;
    @Option(names = "--dtype", paramLabel = "T", converter = CommandLines.DataTypeName.class,
            description = "float32 (default, as PyTorch trains) or float64; sample and eval use the run's")
    private String dtype;
    @Option(names = "--sample-tokens", paramLabel = "N", defaultValue = "200",
            description = "how much text to print at the end (default 200; 0: none)")
    private int sampleTokens;

    @Override
    public void run() {
        Preset chosen = preset != null ? preset : Preset.TINY;
        RunDirectory run = new RunDirectory(runFolder != null ? runFolder : Path.of("runs", chosen.name()));
        RunDirectory.RunInfo info;
        Tokenizer tokenizer;
        String text;
        if (resume) {
            // The data, the tokenizer and the model's shape are the run's; only the training options may change.
            info = run.readInfo();
            for (String fixed : FIXED_BY_THE_RUN) {
                if (spec.commandLine().getParseResult().hasMatchedOption(fixed)) {
                    throw new UsageException(fixed + " cannot change when resuming; " + run.info() + " fixes it");
                }
            }
            text = text(info.corpus(), info.maxChars());
            tokenizer = Tokenizer.load(run.tokenizer());
        } else {
            if (Files.exists(run.info())) {
                throw new UsageException(run.dir() + " already holds a run: add --resume to continue it,"
                        + " or choose another folder with --run");
            }
            long runSeed = or(seed, 1337L);
            String runCorpus = or(corpus, chosen.corpus());
            long runMaxChars = or(maxChars, chosen.maxChars());
            text = text(runCorpus, runMaxChars);
            tokenizer = fit(or(tokenizerKind, chosen.tokenizer()), text);
            GPTConfig shape = modelOptions.shape(tokenizer.vocabSize(), ModelOptions.positive("--block-size",
                    or(modelOptions.blockSize, chosen.blockSize())), chosen.nLayer(), chosen.nHead(), chosen.nEmbd(),
                    chosen.dropout(), runSeed);
            info = new RunDirectory.RunInfo(chosen.name(), runCorpus, runMaxChars, tokenizer.kind(), shape, runSeed,
                    or(dtype, "float32"));
        }
        // Resuming without --preset: the training defaults are those of the preset the run started with.
        Preset p = preset != null ? preset : Preset.named(info.preset());
        long runSeed = info.seed();
        GPTConfig shape = info.model();
        int[] tokens = tokenizer.encode(text);
        Split split = Split.of(tokens, 0.9);
        System.out.printf("corpus %s: %,d characters → %,d %s tokens (vocabulary %d); %,d for training,"
                + " %,d held out%n",
                info.corpus(), text.length(), tokens.length, tokenizer.kind(), tokenizer.vocabSize(),
                split.train().length, split.validation().length);

        Precision.use(info.type()); // the parameters and every operation on them, for the rest of the command
        GPT model = new GPT(shape);
        double peakLr = or(modelOptions.lr, p.learningRate());
        int runSteps = or(steps, p.steps());
        int interval = or(evalInterval, p.evalInterval());
        TrainerConfig config = TrainerConfig.builder()
                .steps(runSteps)
                .batchSize(or(modelOptions.batchSize, p.batchSize()))
                .blockSize(shape.blockSize())
                .gradAccumulationSteps(gradAccum)
                .maxLr(peakLr).minLr(peakLr / 10)
                .warmupSteps(or(warmup, Math.min(p.warmupSteps(), runSteps / 10)))
                .clipNorm(clip)
                .evalInterval(interval)
                .evalBatches(or(evalBatches, p.evalBatches()))
                .checkpointDir(run.checkpoint())
                .checkpointInterval(or(checkpointInterval, interval))
                .outputDir(run.dir())
                .seed(runSeed)
                .build();
        Optimizer optimizer = optimizer(optimizerName, model, peakLr, or(modelOptions.weightDecay, p.weightDecay()));
        Random batchRng = new Random(runSeed);
        Trainer trainer = new Trainer(model, optimizer, config,
                Batches.sampler(split.train(), config.batchSize(), config.blockSize(), batchRng),
                Batches.sampler(split.validation(), config.batchSize(), config.blockSize(), new Random(runSeed + 1)));

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

        if (sampleTokens > 0) {
            System.out.println();
            SampleCommand.printSamples(new RunDirectory.Trained(info, tokenizer, model), null,
                    sampleTokens, SampleCommand.defaultOptions(runSeed));
        }
    }

    /** The option's value when it was given, else the preset's. */

    /** The corpus's text, cut to at most maxChars characters. */
    static String text(String corpus, long maxChars) {
        if (maxChars <= 0) {
            throw new UsageException("--max-chars must be positive, got " + maxChars);
        }
        String text = corpus.equals("python") ? Corpus.pythonSource(maxChars) : Corpus.named(corpus);
        return text.length() > maxChars ? text.substring(0, (int) maxChars) : text;
    }

    private static Tokenizer fit(String kind, String text) {
        return switch (kind) {
            case "char" -> CharTokenizer.fit(text);
            case "char-normalised" -> CharTokenizer.fit(text, true);
            case "bpe" -> BpeTokenizer.fit(text);
            default -> throw new UsageException("--tokenizer must be char, char-normalised or bpe, got '"
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
            default -> throw new UsageException("--optimizer must be adamw, adam or sgd, got '" + name + "'");
        };
    }
}
