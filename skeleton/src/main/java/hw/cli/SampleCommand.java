package hw.cli;

import hw.data.Tokenizer;
import hw.sample.CachedSampler;
import hw.sample.NaiveSampler;
import hw.sample.Sampler;
import hw.sample.SamplerComparison;
import hw.sample.SamplingOptions;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sample}: text from a trained run, unprompted and prompted; {@code --compare} times the two samplers. */
@Command(name = "sample", mixinStandardHelpOptions = true, versionProvider = CommandLines.Version.class,
        description = "Print text from a trained run: an unprompted sample, then a prompted one.")
final class SampleCommand implements Runnable {
    @Option(names = "--run", paramLabel = "DIR", defaultValue = "runs/tiny",
            description = "the run folder (default ${DEFAULT-VALUE})")
    private Path runFolder;
    @Option(names = "--prompt", paramLabel = "TEXT",
            description = "the text to continue (default: \"def \" for Python, \"The \" for English)")
    private String prompt;
    @Option(names = "--tokens", paramLabel = "N", description = "new tokens per sample (default 300; with --compare,"
            + " enough to fill the context window)")
    private Integer tokens;
    @Option(names = "--temperature", paramLabel = "X", defaultValue = "0.8",
            description = "below 1 is safer, above 1 wilder (default ${DEFAULT-VALUE})")
    private double temperature;
    @Option(names = "--top-k", paramLabel = "K", defaultValue = "0",
            description = "sample among the K most likely tokens only (default 0: all)")
    private int topK;
    @Option(names = "--greedy", description = "always the most likely token")
    private boolean greedy;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "fixes the sample (default"
            + " ${DEFAULT-VALUE})")
    private long seed;
    @Option(names = "--naive", description = "use the sampler without a KV cache (same tokens, slower)")
    private boolean naive;
    @Option(names = "--compare", description = "time the naive and the cached sampler side by side")
    private boolean compare;

    @Override
    public void run() {
        int count = tokens != null ? tokens : 300;
        if (count <= 0) {
            throw new UsageException("--tokens must be positive, got " + count);
        }
        RunDirectory.Trained trained = new RunDirectory(runFolder).load();
        SamplingOptions options = greedy ? SamplingOptions.greedyDecoding()
                : SamplingOptions.sampling(temperature, topK, seed);
        if (compare) {
            compare(trained, prompt, tokens != null ? count : 0, options);
            return;
        }
        Sampler sampler = naive ? new NaiveSampler() : new CachedSampler();
        printSamples(trained, prompt, count, options, sampler);
    }

    /**
     * Times the two samplers. By default the prompt and the new tokens fill the context window exactly: that is
     * where a cache pays. Past the window both re-read the whole window at every step (see CachedSampler).
     */
    private static void compare(RunDirectory.Trained trained, String prompt, int tokens, SamplingOptions options) {
        int[] ids = prompt == null ? startToken(trained.tokenizer()) : encodePrompt(trained.tokenizer(), prompt);
        int window = trained.info().model().blockSize();
        int newTokens = tokens > 0 ? tokens : Math.max(1, window - ids.length);
        System.out.println("timing the naive and the cached sampler: " + ids.length + " prompt tokens, " + newTokens
                + " new, context window " + window + " (after a warm-up; the fastest of three runs)");
        if (ids.length + newTokens > window) {
            System.out.println("note: past the window both samplers re-read the last " + window + " tokens at every"
                    + " step, so the cache saves only the first " + Math.max(0, window - ids.length) + " tokens' work");
        }
        System.out.println(SamplerComparison.compare(trained.model(), ids, newTokens, options).describe());
    }

    /** Sampling as {@code sample} does by default: temperature 0.8, all tokens, the given seed. */
    static SamplingOptions defaultOptions(long seed) {
        return SamplingOptions.sampling(0.8, 0, seed);
    }

    static void printSamples(RunDirectory.Trained trained, String prompt, int tokens, SamplingOptions options) {
        printSamples(trained, prompt, tokens, options, new CachedSampler());
    }

    /** Prints an unprompted sample, then one that continues {@code prompt} (a default one when null). */
    static void printSamples(RunDirectory.Trained trained, String prompt, int tokens, SamplingOptions options,
            Sampler sampler) {
        Tokenizer tokenizer = trained.tokenizer();
        if (prompt == null) {
            int[] start = startToken(tokenizer);
            System.out.println("---- unprompted (" + tokens + " tokens) ----");
            System.out.println(tokenizer.decode(generated(sampler.generate(trained.model(), start, tokens, options),
                    start.length)));
            prompt = trained.info().corpus().equals("python") ? "def " : "The ";
        }
        int[] ids = encodePrompt(tokenizer, prompt);
        System.out.println("---- prompt: " + quote(prompt) + " (" + tokens + " tokens) ----");
        // Another seed than the unprompted sample's, so the two do not share their random draws.
        SamplingOptions prompted = options.greedy() ? options : options.withSeed(options.seed() + 1);
        System.out.println(tokenizer.decode(sampler.generate(trained.model(), ids, tokens, prompted)));
    }

    /** What an unprompted sample starts from: a line break when the vocabulary has one, else token 0. */
    private static int[] startToken(Tokenizer tokenizer) {
        try {
            int[] newline = tokenizer.encode("\n");
            if (newline.length == 1) {
                return newline;
            }
        } catch (IllegalArgumentException notInVocabulary) {
            // fall through
        }
        return new int[] {0};
    }

    private static int[] encodePrompt(Tokenizer tokenizer, String prompt) {
        if (prompt.isEmpty()) {
            throw new UsageException("--prompt is empty; leave it out for an unprompted sample");
        }
        try {
            return tokenizer.encode(prompt);
        } catch (IllegalArgumentException e) {
            throw new UsageException("the prompt cannot be encoded with this run's tokenizer: "
                    + e.getMessage());
        }
    }

    private static int[] generated(int[] all, int promptLength) {
        return java.util.Arrays.copyOfRange(all, promptLength, all.length);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }
}
