package hw.sample;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import hw.testkit.ScriptedGpt;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.Label;

/** The sampling loop's forward passes at its two ends: no token wanted, and after the last token. */
@Todo("7.3")
@Label("Problem 7.3 CachedSampler")
class CachedSamplerPassesTest {

    @Example
    @Label("exactly one prefill and one pass per further token: none after the last token; 0 new tokens give the"
            + " prompt")
    @Points(1)
    void noPassAfterTheLastToken() {
        ScriptedGpt gpt = new ScriptedGpt(7305, 11, 8, 6.0);
        int[] prompt = {5, 6, 7};
        int[] tokens = new CachedSampler().generate(gpt, prompt, 4, SamplingOptions.greedyDecoding());
        assertThat(tokens).as("prompt [5, 6, 7] and 4 new tokens").hasSize(7).startsWith(prompt);
        List<String> expected = List.of("(3 tokens, cache true, 0 cached)", "(1 tokens, cache true, 3 cached)",
                "(1 tokens, cache true, 4 cached)", "(1 tokens, cache true, 5 cached)");
        assertThat(gpt.calls)
                .as("forward passes (tokens read, use the cache, tokens cached before) for 4 new tokens after a prompt"
                        + " of 3, blockSize 8: the prefill gives the first token, one pass per further token, and the"
                        + " last token needs no logits after it")
                .containsExactlyElementsOf(expected);

        assertThat(new CachedSampler().generate(gpt, prompt, 0, SamplingOptions.greedyDecoding()))
                .as("0 new tokens after the prompt [5, 6, 7]").containsExactly(prompt);
    }
}
