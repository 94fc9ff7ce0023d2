package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

@Todo("8.4")
@Label("Problem 8.4 Bleu.sentenceStatistics")
class SentenceStatisticsTest {
    static final Map<String, String> MISTAKES = new LinkedHashMap<>();

    static {
        MISTAKES.put("clip_none", "unclipped matches: a hypothesis n-gram may match at most as often as it occurs in"
                + " one reference (\"the the the\" against \"the cat\" matches once)");
        MISTAKES.put("clip_sum", "matches clipped by the sum over the references: clip by the most that any single"
                + " reference has");
        MISTAKES.put("clip_first", "matches clipped by the first reference only: take the maximum over all of them");
        MISTAKES.put("clip_set", "each distinct n-gram matched once: count repeats, up to the clip");
        MISTAKES.put("shortest_reference", "refLength is the shortest reference: it is the closest one");
        MISTAKES.put("average_reference", "refLength is the average reference length: it is the closest one");
        MISTAKES.put("longer_on_tie_reference", "refLength on a tie is the longer reference: it is the shorter");
    }

    /** [hyp_len, ref_len, counts 1-4, totals 1-4], as the fixture stores a sentence's statistics. */
    static long[] flat(BleuStatistics s) {
        long[] out = new long[2 + 2 * Bleu.MAX_ORDER];
        out[0] = s.hypLength();
        out[1] = s.refLength();
        System.arraycopy(s.counts(), 0, out, 2, Bleu.MAX_ORDER);
        System.arraycopy(s.totals(), 0, out, 2 + Bleu.MAX_ORDER, Bleu.MAX_ORDER);
        return out;
    }

    @Example
    @Label("lengths, clipped matches and totals of one sentence against its references (vs sacreBLEU)")
    @Points(2)
    void knownStatistics() {
        for (BleuFixture f : BleuFixture.section("sentences")) {
            List<String> hyp = f.texts("hypothesis");
            List<List<String>> refs = f.textRows("references");
            long[] actual = flat(Bleu.sentenceStatistics(hyp, refs));
            assertThat(actual).as("sentenceStatistics(%s, %s) as [hypLength, refLength, counts 1-4, totals 1-4]%s",
                    hyp, refs, f.diagnose("stats", actual, MISTAKES)).isEqualTo(f.longs("stats"));
        }
    }

    @Property(tries = 60, seed = "8403")
    @Label("adding a reference never lowers the clipped matches; matches never exceed the totals")
    @Points(1)
    void anotherReferenceNeverLowersMatches(@ForAll @Size(max = 9) List<@IntRange(max = 3) Integer> hypothesis,
            @ForAll @Size(min = 1, max = 3) List<@Size(max = 9) List<@IntRange(max = 3) Integer>> references,
            @ForAll @Size(max = 9) List<@IntRange(max = 3) Integer> extra) {
        List<String> hyp = words(hypothesis);
        List<List<String>> refs = new ArrayList<>(references.stream().map(SentenceStatisticsTest::words).toList());
        BleuStatistics before = Bleu.sentenceStatistics(hyp, refs);
        refs.add(words(extra));
        BleuStatistics after = Bleu.sentenceStatistics(hyp, refs);
        for (int n = 1; n <= Bleu.MAX_ORDER; n++) {
            assertThat(after.count(n)).as("order-%d matches of %s against %s (before adding %s: %s)", n, hyp, refs,
                    words(extra), before).isGreaterThanOrEqualTo(before.count(n));
            assertThat(after.count(n)).as("order-%d matches of %s against %s: at most the order's total", n, hyp,
                    refs).isLessThanOrEqualTo(after.total(n));
            assertThat(after.total(n)).as("order-%d total of %s (L − n + 1 n-grams)", n, hyp)
                    .isEqualTo(Math.max(0, hyp.size() - n + 1));
        }
        assertThat(Arrays.stream(refs.stream().mapToInt(List::size).toArray()).anyMatch(r -> r == after.refLength()))
                .as("refLength %d of %s is one of the references' lengths", after.refLength(), refs).isTrue();
    }

    static List<String> words(List<Integer> ids) {
        return ids.stream().map(i -> new String[] {"the", "cat", "sat", "mat"}[i]).toList();
    }
}
