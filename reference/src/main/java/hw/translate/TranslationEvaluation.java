package hw.translate;

import hw.model.GPT;
import hw.tensor.NativeMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Translates a set of pairs' German sentences and scores the English against the references with corpus BLEU. */
public final class TranslationEvaluation {

    /** The hypotheses, one per pair, and their BLEU against the pairs' English. */
    public record Result(List<String> hypotheses, BleuScore bleu, double seconds) {
    }

    private TranslationEvaluation() {
    }

    /** Greedy translations of every pair's German ({@link GreedyTranslator}), scored; written to {@code file}. */
    public static Result evaluate(GPT model, SubwordTokenizer tokenizer, List<TranslationPair> pairs,
            int maxNewTokens, Path file) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("TranslationEvaluation: no pairs to translate");
        }
        long start = System.nanoTime();
        List<String> hypotheses = new ArrayList<>(pairs.size());
        List<String> references = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            hypotheses.add(GreedyTranslator.translate(model, tokenizer, pairs.get(i).german(), maxNewTokens));
            references.add(pairs.get(i).english());
            if (i % 50 == 49) {
                NativeMemory.collectGarbage();
            }
        }
        BleuScore bleu = Bleu.corpus(hypotheses, List.of(references));
        if (file != null) {
            write(file, hypotheses);
        }
        return new Result(hypotheses, bleu, (System.nanoTime() - start) / 1e9);
    }

    /** Writes one sentence per line (UTF-8). */
    public static void write(Path file, List<String> lines) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
