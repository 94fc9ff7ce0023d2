package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

@Todo("8.4")
@Label("Problem 8.4 Bleu.ngramCounts")
class NgramCountsTest {

    @Example
    @Label("counts of every n-gram, orders 1 … maxOrder, as sacreBLEU's extract_all_word_ngrams has them")
    @Points(1)
    void knownCounts() {
        for (BleuFixture f : BleuFixture.section("ngrams")) {
            List<String> tokens = f.texts("tokens");
            int order = (int) f.integer("max_order");
            Map<List<String>, Integer> expected = new HashMap<>();
            f.ngramCounts("counts").forEach(e -> expected.put(e.getKey(), e.getValue()));
            assertThat(Bleu.ngramCounts(tokens, order)).as("ngramCounts(%s, maxOrder %d): keys are token lists,"
                    + " values how often each occurs (repeats counted)", tokens, order).isEqualTo(expected);
        }
    }

    @Property(tries = 60, seed = "8401")
    @Label("a sentence of L tokens has max(0, L − n + 1) n-grams of order n, counted with repeats")
    @Points(1)
    void totalsPerOrder(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 3) Integer> words,
            @ForAll @IntRange(min = 1, max = 5) int maxOrder) {
        List<String> tokens = words.stream().map(w -> "w" + w).toList();
        Map<List<String>, Integer> counts = Bleu.ngramCounts(tokens, maxOrder);
        for (int n = 1; n <= maxOrder; n++) {
            int order = n;
            int total = counts.entrySet().stream().filter(e -> e.getKey().size() == order)
                    .mapToInt(Map.Entry::getValue).sum();
            assertThat(total).as("ngramCounts(%s, %d): the counts of order %d add up to", tokens, maxOrder, n)
                    .isEqualTo(Math.max(0, tokens.size() - n + 1));
        }
        assertThat(counts.keySet()).as("ngramCounts(%s, %d): no n-gram longer than maxOrder or empty", tokens,
                maxOrder).allMatch(g -> g.size() >= 1 && g.size() <= maxOrder);
    }
}
