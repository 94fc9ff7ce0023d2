package hw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharTokenizerTest {

    @Test
    void theVocabularyIsTheSortedDistinctCharacters() {
        CharTokenizer t = CharTokenizer.fit("hello world\n");
        assertThat(t.characters()).isEqualTo("\n dehlorw");
        assertThat(t.vocabSize()).isEqualTo(9);
        assertThat(t.kind()).isEqualTo("char");
        assertThat(t.encode("hello")).containsExactly(4, 3, 5, 5, 6);
        assertThat(t.decode(new int[] {8, 6, 7, 5, 2})).isEqualTo("world");
    }

    @Test
    void encodeAndDecodeRoundTripEveryText() {
        String text = Corpus.pythonSource(100_000) + "emoji \uD83D\uDE00 and café";
        CharTokenizer t = CharTokenizer.fit(text);
        int[] ids = t.encode(text);
        assertThat(ids).hasSize(text.codePointCount(0, text.length()));
        assertThat(t.decode(ids)).isEqualTo(text);
        assertThat(t.characters()).contains("\uD83D\uDE00");
    }

    @Test
    void unknownCharactersAndIdsAreClearErrors() {
        CharTokenizer t = CharTokenizer.fit("abc");
        assertThatThrownBy(() -> t.encode("abé")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'é' (U+00E9)").hasMessageContaining("position 2")
                .hasMessageContaining("3 characters");
        assertThatThrownBy(() -> t.encode("a\nb")).hasMessageContaining("'\\n' (U+000A)");
        assertThatThrownBy(() -> t.decode(new int[] {0, 3})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id 3 at position 1").hasMessageContaining("[0, 3)");
        assertThatThrownBy(() -> CharTokenizer.fit("")).hasMessageContaining("empty");
    }

    @Test
    void normaliseFollowsTheJkuPreprocessing() {
        assertThat(CharTokenizer.normalise("Hello,\n  World!")).isEqualTo("hello world!");
        assertThat(CharTokenizer.normalise("  Dr. Who?  42 (x_y) --- ok")).isEqualTo(" dr. who? 42 x y ok");
        assertThat(CharTokenizer.normalise("Café Straße\tTAB")).isEqualTo("caf stra e tab");
        assertThat(CharTokenizer.normalise("")).isEmpty();
        String english = CharTokenizer.normalise(Corpus.englishText());
        assertThat(english).doesNotContain("  ");
        assertThat(CharTokenizer.normalise(english)).as("idempotent").isEqualTo(english);
        assertThat(english.chars().allMatch(c -> CharTokenizer.NORMALISED_ALPHABET.indexOf(c) >= 0)).isTrue();
        assertThat(CharTokenizer.NORMALISED_ALPHABET).hasSize(40);
    }

    @Test
    void aNormalisingTokenizerNormalisesWhatItEncodes() {
        CharTokenizer t = CharTokenizer.fit(Corpus.englishText(), true);
        assertThat(t.normalising()).isTrue();
        assertThat(t.vocabSize()).isEqualTo(40);
        assertThat(t.characters()).isEqualTo(" !.0123456789?abcdefghijklmnopqrstuvwxyz");
        assertThat(t.decode(t.encode("The END,\nreally!"))).isEqualTo("the end really!");
    }

    @Test
    void saveAndLoadRoundTrip(@TempDir Path dir) throws Exception {
        for (boolean normalise : new boolean[] {false, true}) {
            CharTokenizer t = CharTokenizer.fit("Tab\there, \"quotes\" \\ and \uD83D\uDE00\n", normalise);
            Path file = dir.resolve("char-" + normalise + ".json");
            t.save(file);
            Tokenizer back = Tokenizer.load(file);
            assertThat(back).isInstanceOf(CharTokenizer.class);
            assertThat(((CharTokenizer) back).characters()).isEqualTo(t.characters());
            assertThat(((CharTokenizer) back).normalising()).isEqualTo(normalise);
            assertThat(back.encode("here")).containsExactly(t.encode("here"));
        }
        assertThat(Files.readString(dir.resolve("char-false.json"))).startsWith("{\"kind\":\"char\"");
    }
}
