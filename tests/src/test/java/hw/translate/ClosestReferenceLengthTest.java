package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
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
@Label("Problem 8.4 Bleu.closestReferenceLength")
class ClosestReferenceLengthTest {
    static final Map<String, String> MISTAKES = new LinkedHashMap<>();

    static {
        MISTAKES.put("shortest", "the shortest reference instead of the closest one");
        MISTAKES.put("average", "the average reference length instead of the closest one");
        MISTAKES.put("longer_on_tie", "on a tie (two references equally far), the longer one: sacreBLEU takes the"
                + " shorter");
        MISTAKES.put("first", "the first reference's length whatever the others");
    }

    @Example
    @Label("the closest reference length, the shorter on a tie (vs sacreBLEU's _get_closest_ref_len)")
    @Points(1)
    void knownLengths() {
        for (BleuFixture f : BleuFixture.section("closest")) {
            int hyp = (int) f.integer("hyp_len");
            int[] refs = Arrays.stream(f.longs("ref_lens")).mapToInt(Math::toIntExact).toArray();
            int actual = Bleu.closestReferenceLength(hyp, refs);
            assertThat(actual).as("closestReferenceLength(%d, %s)%s", hyp, Arrays.toString(refs),
                    f.diagnose("ref_len", (double) actual, MISTAKES)).isEqualTo(f.integer("ref_len"));
        }
    }

    @Property(tries = 80, seed = "8402")
    @Label("is one of the lengths, none is closer, and none as close is shorter")
    @Points(1)
    void closestAndShorter(@ForAll @IntRange(max = 30) int hyp,
            @ForAll @Size(min = 1, max = 5) List<@IntRange(max = 30) Integer> lengths) {
        int[] refs = lengths.stream().mapToInt(Integer::intValue).toArray();
        int r = Bleu.closestReferenceLength(hyp, refs);
        assertThat(lengths).as("closestReferenceLength(%d, %s) = %d: one of the lengths", hyp, lengths, r).contains(r);
        for (int other : refs) {
            assertThat(Math.abs(hyp - other) > Math.abs(hyp - r)
                    || (Math.abs(hyp - other) == Math.abs(hyp - r) && other >= r))
                    .as("closestReferenceLength(%d, %s) = %d, but %d is closer or as close and shorter", hyp, lengths,
                            r, other).isTrue();
        }
    }
}
