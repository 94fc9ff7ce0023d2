package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.Label;

/**
 * Each stopping limit of Problem 8.3 where it alone decides: maxNewTokens with room left in the row, and blockSize
 * with maxNewTokens far away. (With "ein Hund" and blockSize 12 both limits fall on the same token.)
 */
@Todo("8.3")
@Label("Problem 8.3 GreedyTranslator.generate")
class GreedyTranslatorLimitsTest {
    /** GreedyTranslatorTest's tokenizer: its scripted model has this vocabulary. */
    private static final SubwordTokenizer TOKENIZER = SubwordTokenizer.learn(List.of(
            new TranslationPair("ein Hund läuft", "a dog runs"), new TranslationPair("zwei Katzen", "two cats")), 24);

    private static void expectTokens(String what, int blockSize, String german, int maxNewTokens, int expectedCount) {
        GreedyTranslatorTest.ScriptedTranslator model = new GreedyTranslatorTest.ScriptedTranslator(8310 + blockSize, blockSize, 1000);
        int[] prompt = GreedyTranslator.prompt(TOKENIZER.encode(german), blockSize, TOKENIZER.specials());
        List<Integer> english = GreedyTranslatorTest.naiveGreedy(model, prompt, maxNewTokens, true);
        assertThat(english).as("the greedy answer's length (the test's own arithmetic)").hasSize(expectedCount);
        String expected = TOKENIZER.decode(english.stream().mapToInt(Integer::intValue).toArray());
        assertThat(GreedyTranslator.translate(model, TOKENIZER, german, maxNewTokens))
                .as("%s: \"%s\" (a prompt of %d ids, blockSize %d, maxNewTokens %d) by a model that never writes the"
                        + " English end; expected the %d tokens %s", what, german, prompt.length, blockSize,
                        maxNewTokens, expectedCount, english)
                .isEqualTo(expected);
    }

    @Example
    @Label("stops after maxNewTokens though the row has room for more, and at blockSize though maxNewTokens is far")
    @Points(1)
    void eachLimitAlone() {
        int prompt = TOKENIZER.encode("ein Hund").length + 1;
        expectTokens("maxNewTokens 4 decides", 24, "ein Hund", 4, 4);
        expectTokens("blockSize 16 decides", 16, "ein Hund", 50, 16 - prompt);
    }
}
