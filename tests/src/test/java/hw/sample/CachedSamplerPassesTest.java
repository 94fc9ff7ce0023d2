package hw.sample;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import hw.model.GPTConfig;
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
        CachedSamplerTest.Spy gpt = new CachedSamplerTest.Spy(new GPTConfig(11, 8, 2, 2, 8, 0.0, true, true, 7305));
        int[] prompt = {5, 6, 7};
        int[] tokens = new CachedSampler().generate(gpt, prompt, 4, SamplingOptions.greedyDecoding());
        assertThat(tokens).as("prompt [5, 6, 7] and 4 new tokens").hasSize(7).startsWith(prompt);
        List<String> expected = List.of(new CachedSamplerTest.Call(3, true, 0).shape(),
                new CachedSamplerTest.Call(1, true, 3).shape(), new CachedSamplerTest.Call(1, true, 4).shape(),
                new CachedSamplerTest.Call(1, true, 5).shape());
        assertThat(gpt.calls.stream().map(CachedSamplerTest.Call::shape).toList())
                .as("forward passes (tokens read, use the cache, tokens cached before) for 4 new tokens after a prompt"
                        + " of 3, blockSize 8: the prefill gives the first token, one pass per further token, and the"
                        + " last token needs no logits after it")
                .containsExactlyElementsOf(expected);

        assertThat(new CachedSampler().generate(gpt, prompt, 0, SamplingOptions.greedyDecoding()))
                .as("0 new tokens after the prompt [5, 6, 7]").containsExactly(prompt);
    }
}
