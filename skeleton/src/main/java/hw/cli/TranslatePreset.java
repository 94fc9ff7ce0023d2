package hw.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * A named translation configuration: the model's shape, the vocabulary and the optimisation. {@code numbers} is
 * the default, for the embedded task; {@code multi30k} is for {@code --data} (Multi30k), sized for a CPU.
 */
record TranslatePreset(String name, String description, int vocabSize, int nLayer, int nHead, int nEmbd,
        int blockSize, double dropout, int batchSize, int epochs, double learningRate, double weightDecay,
        int evalSentences) {

    static final TranslatePreset NUMBERS = new TranslatePreset("numbers", "the embedded task: 2 layers, 4 heads,"
            + " width 64, context 32, 500 subwords, 1 epoch (a few minutes)", 500, 2, 4, 64, 32, 0.0, 32, 1, 3e-3,
            0.01, 200);
    static final TranslatePreset MULTI30K = new TranslatePreset("multi30k", "for --data (Multi30k): 2 layers,"
            + " 4 heads, width 96, context 48, 3,000 subwords, dropout 0.1, 1 epoch (sized for a shared CPU)", 3000, 2,
            4, 96, 48, 0.1, 32, 1, 2e-3, 0.1, 1000);

    private static final TranslatePreset[] ALL = {NUMBERS, MULTI30K};

    static TranslatePreset named(String name) {
        for (TranslatePreset p : ALL) {
            if (p.name.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new UsageException("unknown translate preset '" + name + "'; presets: " + names());
    }

    /** The value of {@code --preset}: a preset by name. */
    static final class Named implements CommandLine.ITypeConverter<TranslatePreset> {
        @Override
        public TranslatePreset convert(String name) {
            try {
                return named(name);
            } catch (UsageException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static String names() {
        return Arrays.stream(ALL).map(TranslatePreset::name).collect(Collectors.joining(", "));
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
