package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubwordTokenizerTest {
    private static final List<TranslationPair> PAIRS = List.of(
            new TranslationPair("Ein Hund läuft über die Wiese.", "A dog runs across the meadow."),
            new TranslationPair("Zwei Hunde laufen.", "Two dogs run."),
            new TranslationPair("Ein Mann läuft, ein Hund bellt.", "A man runs, a dog barks."));

    @Test
    void specialIdsComeFirstAndDecodeToNothing() {
        SubwordTokenizer t = SubwordTokenizer.learn(PAIRS, 80);
        assertThat(t.specials()).isEqualTo(new SpecialIds(0, 1, 2));
        assertThat(t.show(SubwordTokenizer.GERMAN_EOS)).isEqualTo("</de>");
        assertThat(t.show(SubwordTokenizer.ENGLISH_EOS)).isEqualTo("</en>");
        int[] dog = t.encode("Hund");
        int[] withEnds = new int[dog.length + 2];
        System.arraycopy(dog, 0, withEnds, 0, dog.length);
        withEnds[dog.length] = SubwordTokenizer.ENGLISH_EOS;
        withEnds[dog.length + 1] = SubwordTokenizer.PAD;
        assertThat(t.decode(withEnds)).isEqualTo("Hund");
        assertThat(t.vocabSize()).isLessThanOrEqualTo(80);
    }

    @Test
    void encodingRoundTripsAndMergesFrequentPieces() {
        SubwordTokenizer t = SubwordTokenizer.learn(PAIRS, 500); // more than enough: every piece becomes one id
        for (TranslationPair p : PAIRS) {
            assertThat(t.decode(t.encode(p.german()))).isEqualTo(p.german());
            assertThat(t.decode(t.encode(p.english()))).isEqualTo(p.english());
        }
        assertThat(t.encode("Ein Hund").length).as("words of the training text become one piece each").isEqualTo(2);
        assertThat(t.vocabSize()).as("merging stops when every piece is one symbol").isLessThan(500);
        assertThat(t.encode("Ein   Hund ").length).isEqualTo(t.encode("Ein Hund").length);
        assertThat(t.encode("Hund.").length).as("the full stop is a piece of its own")
                .isEqualTo(t.encode("Hund").length + 1);
    }

    @Test
    void aCharacterNeverSeenIsUnknown() {
        SubwordTokenizer t = SubwordTokenizer.learn(PAIRS, 60);
        assertThat(t.encode("Ω")).containsExactly(SubwordTokenizer.UNKNOWN);
        assertThatThrownBy(() -> t.decode(new int[] {t.vocabSize()})).hasMessageContaining("outside the vocabulary");
    }

    @Test
    void learningIsDeterministicAndTheFileRoundTrips(@TempDir Path tmp) {
        SubwordTokenizer a = SubwordTokenizer.learn(PAIRS, 70), b = SubwordTokenizer.learn(PAIRS, 70);
        assertThat(a.mergeList()).isEqualTo(b.mergeList());
        a.save(tmp.resolve("tok.json"));
        SubwordTokenizer loaded = SubwordTokenizer.load(tmp.resolve("tok.json"));
        assertThat(loaded.vocabSize()).isEqualTo(a.vocabSize());
        for (TranslationPair p : PAIRS) {
            assertThat(loaded.encode(p.german())).isEqualTo(a.encode(p.german()));
        }
    }

    @Test
    void badFilesAndSizesAreClearErrors(@TempDir Path tmp) throws Exception {
        assertThatThrownBy(() -> SubwordTokenizer.load(tmp.resolve("none.json"))).hasMessageContaining("no such");
        Files.writeString(tmp.resolve("bad.json"), "{\"kind\": \"char\"}");
        assertThatThrownBy(() -> SubwordTokenizer.load(tmp.resolve("bad.json")))
                .hasMessageContaining("not a translation tokenizer file");
        assertThatThrownBy(() -> SubwordTokenizer.learn(PAIRS, 10)).hasMessageContaining("cannot hold");
        assertThatThrownBy(() -> SubwordTokenizer.learn(List.of(), 10)).hasMessageContaining("no pairs");
    }
}
