package hw.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * A named training configuration: the data, the model's shape and the optimisation. {@code tiny} trains in about
 * a minute on two cores; {@code jku} and {@code 305b} are the handouts' configurations (each option can still be
 * overridden on the command line).
 *
 * @param corpus      "python", "english" or a file (see {@link hw.data.Corpus#named})
 * @param maxChars    how much of the corpus to read
 * @param tokenizer   "char", "char-normalised" or "bpe"
 * @param blockSize   the context length
 * @param batchSize   sequences per optimizer step
 * @param steps       optimizer steps
 * @param learningRate the peak learning rate (AdamW, linear warm-up then cosine decay to a tenth of it)
 */
record Preset(String name, String description, String corpus, long maxChars, String tokenizer, int nLayer,
        int nHead, int nEmbd, int blockSize, double dropout, int batchSize, int steps, double learningRate,
        int warmupSteps, double weightDecay, int evalInterval, int evalBatches) {

    static final Preset TINY = new Preset("tiny",
            "2 layers, 2 heads, width 64, context 32, characters of Python source (about a minute)",
            "python", 400_000, "char", 2, 2, 64, 32, 0.0, 16, 600, 3e-3, 30, 0.01, 100, 4);
    static final Preset JKU = new Preset("jku", "the JKU handout's model: 4 layers, 4 heads, width 128, context 64,"
            + " normalised characters of English text", "english", 1_000_000, "char-normalised", 4, 4, 128, 64, 0.1,
            32, 2000, 1e-3, 100, 0.1, 200, 10);
    static final Preset STANFORD = new Preset("305b", "the 305B handout's model: 6 layers, 6 heads, width 384,"
            + " context 256, GPT-2 BPE tokens of Python source", "python", 4_000_000, "bpe", 6, 6, 384, 256, 0.2,
            32, 5000, 3e-4, 200, 0.1, 500, 20);

    private static final Preset[] ALL = {TINY, JKU, STANFORD};

    static Preset named(String name) {
        for (Preset p : ALL) {
            if (p.name.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new UsageException("unknown preset '" + name + "'; presets: " + names());
    }

    /** The value of {@code --preset}: a preset by name. */
    static final class Named implements CommandLine.ITypeConverter<Preset> {
        @Override
        public Preset convert(String name) {
            try {
                return named(name);
            } catch (UsageException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static String names() {
        return Arrays.stream(ALL).map(Preset::name).collect(Collectors.joining(", "));
    }

    /** Each preset's name and description, in order, for the usage text. */
    static Map<String, String> descriptions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (var p : ALL) {
            out.put(p.name, p.description);
        }
        return out;
    }
}
