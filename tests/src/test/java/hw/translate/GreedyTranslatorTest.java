package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import hw.sample.NextToken;
import hw.tensor.GradMode;
import hw.tensor.Tensor;
import hw.testkit.ScriptedGpt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

@Todo("8.3")
@Label("Problem 8.3 GreedyTranslator.generate")
class GreedyTranslatorTest {
    private static final SubwordTokenizer TOKENIZER = SubwordTokenizer.learn(List.of(
            new TranslationPair("ein Hund läuft", "a dog runs"), new TranslationPair("zwei Katzen", "two cats")), 24);
    private static final int EOS = TOKENIZER.specials().englishEos();

    /**
     * The stand-in GPT with the English end scripted: position {@code eosFrom} predicts it, no other position does
     * (so a decoder that does not stop there writes more).
     */
    static final class ScriptedTranslator extends ScriptedGpt {
        final int eosFrom;

        ScriptedTranslator(long seed, int blockSize, int eosFrom) {
            super(seed, TOKENIZER.vocabSize(), blockSize, 1.0);
            this.eosFrom = eosFrom;
        }

        @Override
        protected void script(List<Integer> context, double[] logits) {
            logits[EOS] = context.size() - 1 == eosFrom ? 10 : -10;
        }
    }

    /** The greedy translation computed the slow way: the whole row read again for every token, no cache. */
    static List<Integer> naiveGreedy(ScriptedTranslator model, int[] prompt, int maxNewTokens, boolean stopAtEos) {
        List<Integer> english = new ArrayList<>();
        int limit = Math.min(maxNewTokens, model.blockSize() - prompt.length);
        try (GradMode.Scope ignored = GradMode.disabled()) {
            model.eval();
            while (english.size() < limit) {
                int[] row = Arrays.copyOf(prompt, prompt.length + english.size());
                for (int i = 0; i < english.size(); i++) {
                    row[prompt.length + i] = english.get(i);
                }
                Tensor logits = model.forward(new int[][] {row}, false);
                int next = NextToken.argmax(GreedyTranslator.lastRow(logits));
                if (next == EOS && stopAtEos) {
                    break;
                }
                english.add(next);
            }
            model.train();
        }
        model.calls.clear();
        model.inference.clear();
        return english;
    }

    private static String decode(List<Integer> ids) {
        return TOKENIZER.decode(ids.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void expectTranslation(String what, ScriptedTranslator model, String german, int maxNewTokens) {
        int[] prompt = GreedyTranslator.prompt(TOKENIZER.encode(german), model.blockSize(), TOKENIZER.specials());
        List<Integer> english = naiveGreedy(model, prompt, maxNewTokens, true);
        String expected = decode(english);
        String got = GreedyTranslator.translate(model, TOKENIZER, german, maxNewTokens);
        if (expected.equals(got)) {
            return;
        }
        StringBuilder message = new StringBuilder(what + ": translated \"" + german + "\" (prompt "
                + Arrays.toString(prompt) + ", the English end is id " + EOS + ", maxNewTokens " + maxNewTokens
                + ", blockSize " + model.blockSize() + ") as \"" + got + "\", expected \"" + expected + "\" (ids "
                + english + ")\n  forward passes: " + model.calls);
        List<Integer> withPrompt = new ArrayList<>();
        Arrays.stream(prompt).forEach(withPrompt::add);
        withPrompt.addAll(english);
        if (got.equals(decode(withPrompt))) {
            message.append("\nLikely cause: the prompt is decoded with the translation; return only the new tokens");
        }
        List<Integer> past = naiveGreedy(model, prompt, maxNewTokens, false);
        if (!past.equals(english) && got.equals(decode(past))) {
            message.append("\nLikely cause: decoding did not stop at the English end (id ").append(EOS).append(")");
        }
        throw new AssertionError(message.toString());
    }

    @Property(tries = 15, seed = "8301")
    @Label("picks the argmax at every step and stops at the English end: the same text as greedy decoding without a"
            + " cache")
    @Points(3)
    void sameAsGreedyWithoutCache(@ForAll @IntRange(min = 0, max = 6) int englishTokens,
            @ForAll @IntRange(min = 0, max = 3) int sentence, @ForAll @LongRange(min = 0, max = 10_000) long seed) {
        String german = new String[] {"ein Hund", "zwei Katzen läuft", "ein", "Hund Hund Katzen"}[sentence];
        int promptLength = TOKENIZER.encode(german).length + 1;
        ScriptedTranslator model = new ScriptedTranslator(seed, 24, promptLength - 1 + englishTokens);
        expectTranslation("GreedyTranslator.translate with the English end after " + englishTokens + " tokens",
                model, german, 24);
    }

    @Example
    @Label("reads the prompt once, then only the token just picked, through the KV cache, in inference mode")
    @Points(2)
    void usesTheKvCache() {
        String german = "zwei Katzen";
        int promptLength = TOKENIZER.encode(german).length + 1;
        ScriptedTranslator model = new ScriptedTranslator(8302, 24, promptLength - 1 + 4);
        expectTranslation("GreedyTranslator.translate", model, german, 24);
        List<String> expected = new ArrayList<>();
        expected.add("(" + promptLength + " tokens, cache true, 0 cached)");
        for (int i = 0; i < 4; i++) {
            expected.add("(1 tokens, cache true, " + (promptLength + i) + " cached)");
        }
        assertThat(model.calls).as("the forward passes for a prompt of %d ids and 4 English tokens before the end:"
                + " one prefill of the prompt with the cache, then each picked token alone", promptLength)
                .containsExactlyElementsOf(expected);
        assertThat(model.inference).as("each forward pass ran in eval mode without gradients").containsOnly(true);
        assertThat(model.cachedLength()).as("the KV cache after translating").isZero();
        assertThat(model.isTraining()).as("the model's mode after translating (it was in training mode)").isTrue();
    }

    @Example
    @Label("stops after maxNewTokens, and at blockSize when the model never writes the English end")
    @Points(2)
    void stopsAtTheLimits() {
        String german = "ein Hund";
        int promptLength = TOKENIZER.encode(german).length + 1;
        ScriptedTranslator never = new ScriptedTranslator(8303, 12, 1000);
        expectTranslation("a model that never writes the end, maxNewTokens 3", never, german, 3);
        assertThat(never.calls).as("forward passes for 3 tokens (the last token needs no forward pass after it)")
                .hasSizeBetween(3, 4);
        ScriptedTranslator full = new ScriptedTranslator(8304, 12, 1000);
        expectTranslation("a model that never writes the end, maxNewTokens 50 but blockSize 12 (prompt "
                + promptLength + ", so " + (12 - promptLength) + " tokens fill the row)", full, german, 50);
    }
}
