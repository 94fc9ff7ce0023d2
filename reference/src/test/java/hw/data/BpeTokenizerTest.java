package hw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTokenizerTest {

    @Test
    void r50kIsGpt2sEncoding() {
        assertThat(BpeTokenizer.encodeR50k("Hello world")).containsExactly(15496, 995);
        assertThat(BpeTokenizer.encodeR50k(" the\n")).containsExactly(262, 198);
        assertThat(BpeTokenizer.decodeR50k(new int[] {15496, 995})).isEqualTo("Hello world");
        assertThat(BpeTokenizer.encodeR50k("<|endoftext|>")).as("special tokens are plain text").hasSizeGreaterThan(1);
    }

    @Test
    void fitReindexesTheTokensSeenInIncreasingR50kOrder() {
        BpeTokenizer t = BpeTokenizer.fit("Hello world Hello world");
        // r50k: "Hello" 15496, " world" 995, " Hello" 18435.
        assertThat(t.r50kIds()).containsExactly(995, 15496, 18435);
        assertThat(t.vocabSize()).isEqualTo(3);
        assertThat(t.kind()).isEqualTo("bpe");
        assertThat(t.encode("Hello world Hello")).containsExactly(1, 0, 2);
        assertThat(t.toR50k(new int[] {1, 0, 2})).containsExactly(15496, 995, 18435);
        assertThat(t.decode(new int[] {2, 0, 0})).isEqualTo(" Hello world world");
    }

    @Test
    void encodeAndDecodeRoundTripTheCorpus() {
        String text = Corpus.pythonSource(200_000);
        BpeTokenizer t = BpeTokenizer.fit(text);
        int[] ids = t.encode(text);
        assertThat(t.decode(ids)).isEqualTo(text);
        assertThat(ids.length).isEqualTo(BpeTokenizer.encodeR50k(text).length);
        assertThat(Arrays.stream(ids).distinct().count()).as("every compact id is used").isEqualTo(t.vocabSize());
        assertThat(t.vocabSize()).isBetween(1000, 10_000);
    }

    @Test
    void tokensTheFittedTextLackedAndBadIdsAreClearErrors() {
        BpeTokenizer t = BpeTokenizer.fit("Hello world");
        assertThatThrownBy(() -> t.encode("Hello moon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("' moon'").hasMessageContaining("token position 1")
                .hasMessageContaining("r50k id");
        assertThatThrownBy(() -> t.decode(new int[] {0, 2})).hasMessageContaining("id 2 at position 1")
                .hasMessageContaining("[0, 2)");
        assertThatThrownBy(() -> BpeTokenizer.decodeR50k(new int[] {50_257})).hasMessageContaining("50257");
        assertThatThrownBy(() -> BpeTokenizer.fit("")).hasMessageContaining("empty");
    }

    @Test
    void saveAndLoadRoundTrip(@TempDir Path dir) {
        String text = Corpus.pythonSource(30_000);
        BpeTokenizer t = BpeTokenizer.fit(text);
        Path file = dir.resolve("bpe.json");
        t.save(file);
        Tokenizer back = Tokenizer.load(file);
        assertThat(back).isInstanceOf(BpeTokenizer.class);
        assertThat(((BpeTokenizer) back).r50kIds()).containsExactly(t.r50kIds());
        assertThat(back.encode(text)).containsExactly(t.encode(text));
    }
}
