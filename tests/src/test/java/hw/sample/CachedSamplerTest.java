package hw.sample;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import hw.model.GPT;
import hw.testkit.ScriptedGpt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The sampling loop, graded on a stand-in GPT ({@link ScriptedGpt}: logits a fixed function of the context it has
 * read, a cache that is a list of tokens), so that this problem needs neither the student's GPT (Problem 4) nor
 * their KV cache (7.1 and 7.2). The speed test, {@link CachedSamplerSpeedTest}, runs a real GPT.
 */
@Todo("7.3")
@Label("Problem 7.3 CachedSampler")
class CachedSamplerTest {

    @Property(tries = 10, seed = "7301")
    @Label("for the same seed it picks exactly the naive sampler's tokens: temperature, top-k, greedy; prompts and"
            + " runs longer than blockSize")
    @Points(4)
    void sameTokensAsNaive(@ForAll @IntRange(min = 1, max = 9) int promptLength,
            @ForAll @IntRange(min = 2, max = 12) int newTokens, @ForAll @IntRange(min = 0, max = 2) int temperatureChoice,
            @ForAll @IntRange(min = 0, max = 2) int topKChoice, @ForAll boolean greedy,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        GPT gpt = new ScriptedGpt(seed, 11, 6, 6.0);
        int[] prompt = new Random(seed).ints(promptLength, 0, 11).toArray();
        SamplingOptions options = new SamplingOptions(new double[] {0.7, 1.0, 1.6}[temperatureChoice],
                new int[] {0, 1, 3}[topKChoice], greedy, seed);
        expectSameAsNaive(gpt, prompt, newTokens, options);
    }

    @Example
    @Label("a run of 4 × blockSize tokens: after the cache fills up, every step still matches the naive sampler")
    @Points(1)
    void longRun() {
        GPT gpt = new ScriptedGpt(7302, 11, 5, 6.0);
        expectSameAsNaive(gpt, new int[] {4, 2}, 20, SamplingOptions.sampling(1.0, 0, 7302));
    }

    @Example
    @Label("sampling twice gives the same tokens: the cache is empty after every sample")
    @Points(1)
    void twice() {
        ScriptedGpt gpt = new ScriptedGpt(7303, 11, 8, 6.0);
        SamplingOptions options = SamplingOptions.sampling(1.0, 0, 5);
        Sampler cached = new CachedSampler();
        int[] first = cached.generate(gpt, new int[] {1, 2, 3}, 4, options);
        assertThat(gpt.cachedLength()).as("the model's cachedLength() after a sample: the sampler empties the cache"
                + " with clearCache()").isEqualTo(0);
        int[] second = cached.generate(gpt, new int[] {1, 2, 3}, 4, options);
        assertThat(second).as("the same sample drawn a second time (prompt [1, 2, 3], 4 tokens, seed 5)")
                .containsExactly(first);
        expectSameAsNaive(gpt, new int[] {9, 9}, 5, options);
    }

    @Example
    @Label("after one prefill it reads one new token per step through the cache, in eval mode without gradients,"
            + " and leaves the model's mode as it was")
    @Points(2)
    void oneTokenPerStep() {
        ScriptedGpt gpt = new ScriptedGpt(7304, 11, 8, 6.0);
        int[] prompt = {5, 6, 7};
        int newTokens = 9; // 3 + 9 = 12 > blockSize 8: the last steps overflow
        new CachedSampler().generate(gpt, prompt, newTokens, SamplingOptions.sampling(1.0, 0, 1));
        assertThat(gpt.isTraining()).as("the model's mode after sampling from a model in training mode").isTrue();
        assertThat(gpt.calls).as("forward passes of the model: each one is (tokens read, use the cache, tokens cached"
                + " before)").isNotEmpty();
        assertThat(gpt.inference).as("each forward pass %s ran in eval mode (dropout would change the tokens) with"
                + " gradients off", gpt.calls).containsOnly(true);
        // Up to blockSize tokens the whole sequence stays in the cache: the prompt in one prefill, then one token
        // per forward pass.
        List<String> expected = new ArrayList<>();
        expected.add("(3 tokens, cache true, 0 cached)");
        for (int cached = 3; cached < 8; cached++) {
            expected.add("(1 tokens, cache true, " + cached + " cached)");
        }
        assertThat(gpt.calls.size()).as("forward passes for %d new tokens: %s", newTokens, gpt.calls)
                .isGreaterThanOrEqualTo(expected.size());
        assertThat(gpt.calls.subList(0, expected.size()))
                .as("the first forward passes (tokens read, use the cache, tokens cached before) for the prompt"
                        + " %s and blockSize 8: one prefill of the prompt, then the new token alone each step until"
                        + " the cache holds blockSize tokens; all passes: %s", Arrays.toString(prompt), gpt.calls)
                .containsExactlyElementsOf(expected);

        gpt.calls.clear();
        gpt.eval();
        new CachedSampler().generate(gpt, prompt, 2, SamplingOptions.greedyDecoding());
        assertThat(gpt.isTraining()).as("the model's mode after sampling from a model in eval mode").isFalse();
    }

    static void expectSameAsNaive(GPT gpt, int[] prompt, int newTokens, SamplingOptions options) {
        int[] naive = new NaiveSampler().generate(gpt, prompt, newTokens, options);
        int[] cached = new CachedSampler().generate(gpt, prompt, newTokens, options);
        if (Arrays.equals(naive, cached)) {
            return;
        }
        int blockSize = gpt.blockSize();
        String where;
        if (cached.length != naive.length) {
            where = "it returned " + cached.length + " tokens, expected the prompt's " + prompt.length + " and "
                    + newTokens + " new ones";
        } else {
            int first = 0;
            while (naive[first] == cached[first]) {
                first++;
            }
            where = "the first difference is token " + first + " (" + cached[first] + " instead of " + naive[first]
                    + ")";
            if (first < prompt.length) {
                where += ": the prompt must come back unchanged";
            } else if (first == prompt.length) {
                where += ", the first new token: the logits after the prefill (the prompt's last " + blockSize
                        + " tokens at most, read at once) differ";
            } else if (first <= blockSize) {
                where += ", from a single-token step with the cache (the sequence is still within blockSize = "
                        + blockSize + ")";
            } else {
                where += ", after the sequence outgrew blockSize = " + blockSize + " (the naive sampler reads the"
                        + " last " + blockSize + " tokens at positions 0 … " + (blockSize - 1) + ")";
            }
        }
        throw new AssertionError("cached vs naive sampler, a stand-in GPT (V = " + gpt.vocabSize() + ", blockSize = "
                + blockSize + "), prompt "
                + Arrays.toString(prompt) + ", " + newTokens + " new tokens, " + options + ": " + where
                + "\n  naive:  " + Arrays.toString(naive) + "\n  cached: " + Arrays.toString(cached));
    }
}
