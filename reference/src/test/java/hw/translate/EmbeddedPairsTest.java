package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmbeddedPairsTest {

    @Test
    void numbersInBothLanguages() {
        assertThat(NumberWords.german(21)).isEqualTo("einundzwanzig");
        assertThat(NumberWords.english(21)).isEqualTo("twenty-one");
        assertThat(NumberWords.german(101)).isEqualTo("einhunderteins");
        assertThat(NumberWords.english(101)).isEqualTo("one hundred one");
        assertThat(NumberWords.german(1234)).isEqualTo("eintausendzweihundertvierunddreißig");
        assertThat(NumberWords.english(1234)).isEqualTo("one thousand two hundred thirty-four");
        assertThat(NumberWords.german(7017)).isEqualTo("siebentausendsiebzehn");
        assertThat(NumberWords.english(7017)).isEqualTo("seven thousand seventeen");
        assertThat(NumberWords.german(0)).isEqualTo("null");
    }

    @Test
    void daysAsOrdinals() {
        assertThat(List.of(1, 3, 7, 8, 16, 20, 21, 30, 31).stream().map(NumberWords::germanDay).toList())
                .containsExactly("ersten", "dritten", "siebten", "achten", "sechzehnten", "zwanzigsten",
                        "einundzwanzigsten", "dreißigsten", "einunddreißigsten");
        assertThat(List.of(1, 2, 3, 12, 20, 22, 30).stream().map(NumberWords::englishDay).toList())
                .containsExactly("first", "second", "third", "twelfth", "twentieth", "twenty-second", "thirtieth");
    }

    @Test
    void timesFollowTheGermanIdiom() {
        Set<String> seen = new HashSet<>();
        Random random = new Random(1);
        for (int i = 0; i < 2000; i++) {
            String[] t = EmbeddedPairs.time(random);
            seen.add(t[0] + " = " + t[1]);
        }
        assertThat(seen).contains("um halb acht = at half past seven", "um Viertel vor neun = at a quarter to nine",
                "um ein Uhr = at one o'clock", "um halb eins = at half past twelve",
                "um zehn nach eins = at ten past one");
    }

    @Test
    void theCorpusIsFixedByItsSeedAndItsSplitsAreDisjoint() {
        ParallelCorpus a = EmbeddedPairs.corpus(500, 50, 50, 3), b = EmbeddedPairs.corpus(500, 50, 50, 3);
        assertThat(a.train()).isEqualTo(b.train());
        Set<String> german = new HashSet<>();
        for (List<TranslationPair> split : List.of(a.train(), a.validation(), a.test())) {
            split.forEach(p -> assertThat(german.add(p.german())).as("a German sentence twice: %s", p).isTrue());
        }
        assertThat(a.train()).allSatisfy(p -> {
            assertThat(p.german()).endsWith(".");
            assertThat(p.english()).endsWith(".");
        });
    }
}
