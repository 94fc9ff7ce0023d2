package hw.translate;

import hw.model.GPT;
import hw.nn.Module;
import hw.sample.NextToken;
import hw.tensor.Tensor;
import java.util.Arrays;

/**
 * Translates one German sentence at a time with a trained model: the German ids and the German end are the
 * prompt, and the model writes English after it, always its most likely next token, until it writes the English
 * end.
 */
public final class GreedyTranslator {
    private GreedyTranslator() {
    }

    /**
     * The English translation of {@code german}: at most {@code maxNewTokens} tokens, and never a row longer than
     * the model's blockSize (prompt and English together, as in training).
     */
    public static String translate(GPT model, SubwordTokenizer tokenizer, String german, int maxNewTokens) {
        if (model == null || tokenizer == null || german == null) {
            throw new IllegalArgumentException("GreedyTranslator: needs a model, a tokenizer and a sentence");
        }
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("GreedyTranslator: maxNewTokens must be ≥ 1, got " + maxNewTokens);
        }
        if (model.blockSize() < 3) {
            throw new IllegalArgumentException("GreedyTranslator: a blockSize of " + model.blockSize() + " leaves no"
                    + " room for a German token, the German end and an English token");
        }
        if (model.vocabSize() != tokenizer.vocabSize()) {
            throw new IllegalArgumentException("GreedyTranslator: the model has " + model.vocabSize() + " token ids,"
                    + " the tokenizer " + tokenizer.vocabSize() + "; they must be the ones it was trained with");
        }
        int[] prompt = prompt(tokenizer.encode(german), model.blockSize(), tokenizer.specials());
        try (Module.Inference ignored = Module.inference(model)) {
            model.clearCache();
            try {
                return generate(model, tokenizer, prompt, maxNewTokens);
            } finally {
                model.clearCache();
            }
        }
    }

    /**
     * The prompt: the German ids followed by the German end. A source longer than blockSize − 2 tokens keeps its
     * last blockSize − 2 (as {@link Collate#collate} cuts from the start), so one English token and its end fit.
     */
    public static int[] prompt(int[] german, int blockSize, SpecialIds specials) {
        int keep = Math.min(german.length, blockSize - 2);
        int[] out = Arrays.copyOfRange(german, german.length - keep, german.length + 1);
        out[keep] = specials.germanEos();
        return out;
    }

    /**
     * Problem 8.3 — greedy decoding with the KV cache of Problem 7. The cache is empty, the model is in evaluation
     * mode with gradients off, and {@code prompt} (German ids and the German end, at most blockSize − 1 ids) fits.
     *
     * <ol>
     *   <li>Read the whole prompt in one forward pass with the cache ({@link GPT#forward(int[][], boolean)},
     *       [1, p]); its last position's logits give the first English token.</li>
     *   <li>Pick the token with the largest logit ({@link NextToken#argmax}; the lowest id on a tie).</li>
     *   <li>Stop when it is the English end ({@link SpecialIds#englishEos()}, not part of the translation), when
     *       {@code maxNewTokens} tokens have been picked, or when the row — prompt and English — has blockSize
     *       ids (a model that never learned to stop must not run past its positions).</li>
     *   <li>Otherwise feed only the new token, [1, 1], with the cache, and pick again.</li>
     * </ol>
     * Return the English tokens picked (without the end), decoded with {@code tokenizer}.
     *
     * <p>Classic mistakes: decoding the prompt with the answer; keeping the English end in the text or not
     * stopping there; feeding the whole sequence again with the cache (the cache then holds it twice); sampling
     * instead of taking the argmax; reading past blockSize.
     */
    static String generate(GPT model, SubwordTokenizer tokenizer, int[] prompt, int maxNewTokens) {
        // TODO Problem 8.3 (GreedyTranslator.generate): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 8.3 (GreedyTranslator.generate)");
    }

    /** The logits of the last position of logits [1, T, V], as an array [V]. */
    public static double[] lastRow(Tensor logits) {
        long time = logits.size(1);
        return logits.data().get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.point(time - 1),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup().toDoubleVector();
    }
}
