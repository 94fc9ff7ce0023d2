package hw.cli;

import hw.data.Tokenizer;
import hw.sample.CachedSampler;
import hw.sample.NaiveSampler;
import hw.sample.Sampler;
import hw.sample.SamplerComparison;
import hw.sample.SamplingOptions;
import java.nio.file.Path;
import java.util.Set;

/** {@code sample}: text from a trained run, unprompted and prompted; {@code --compare} times the two samplers. */
final class SampleCommand {
    private static final Set<String> VALUED = Set.of("run", "prompt", "tokens", "temperature", "top-k", "seed");
    private static final Set<String> FLAGS = Set.of("greedy", "naive", "compare", "help");

    private SampleCommand() {
    }

    static void run(String[] args) {
        Options o = Options.parse("sample", args, VALUED, FLAGS);
        if (o.has("help")) {
            System.out.println(help());
            return;
        }
        RunDirectory.Trained trained = new RunDirectory(Path.of(o.text("run", "runs/tiny"))).load();
        SamplingOptions options = o.has("greedy") ? SamplingOptions.greedyDecoding()
                : SamplingOptions.sampling(o.number("temperature", 0.8), o.integer("top-k", 0),
                        o.longInteger("seed", 1));
        int tokens = o.integer("tokens", 300);
        if (tokens <= 0) {
            throw new Options.UsageException("--tokens must be positive, got " + tokens);
        }
        String prompt = o.text("prompt", null);
        if (o.has("compare")) {
            compare(trained, prompt, o.has("tokens") ? tokens : 0, options);
            return;
        }
        Sampler sampler = o.has("naive") ? new NaiveSampler() : new CachedSampler();
        printSamples(trained, prompt, tokens, options, sampler);
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
            throw new Options.UsageException("--prompt is empty; leave it out for an unprompted sample");
        }
        try {
            return tokenizer.encode(prompt);
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException("the prompt cannot be encoded with this run's tokenizer: "
                    + e.getMessage());
        }
    }

    private static int[] generated(int[] all, int promptLength) {
        return java.util.Arrays.copyOfRange(all, promptLength, all.length);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }

    static String help() {
        return """
                sample [options] — print text from a trained run (an unprompted sample, then a prompted one)

                  --run DIR            the run folder (default runs/tiny)
                  --prompt TEXT        the text to continue (default: "def " for Python, "The " for English)
                  --tokens N           new tokens per sample (default 300; with --compare, enough to fill
                                       the context window)
                  --temperature X      below 1 is safer, above 1 wilder (default 0.8)
                  --top-k K            sample among the K most likely tokens only (default 0: all)
                  --greedy             always the most likely token
                  --seed S             fixes the sample (default 1)
                  --naive              use the sampler without a KV cache (same tokens, slower)
                  --compare            time the naive and the cached sampler side by side""";
    }
}
