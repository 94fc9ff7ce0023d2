package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provided parts of Problem 8.4 (Python's strings, the score's format, the checks) and the reference's fast path. */
class BleuProvidedTest {

    @Test
    void pythonWhitespaceIsWiderThanJavas() {
        assertThat(PythonStrings.split(" a\u00a0b\u202fc\u2007d\u0085e\u001cf\u3000g \t")).containsExactly("a", "b",
                "c", "d", "e", "f", "g");
        assertThat(PythonStrings.split("zero\u200bwidth")).containsExactly("zero\u200bwidth");
        assertThat(PythonStrings.split("")).isEmpty();
        assertThat(PythonStrings.split("   ")).isEmpty();
        assertThat(PythonStrings.rstrip("a b \u00a0\r\n")).isEqualTo("a b");
        assertThat(PythonStrings.rstrip(" \t")).isEmpty();
    }

    @Test
    void formatRoundsTheExactBinaryValueHalfToEvenAsPythonDoes() {
        assertThat(BleuScore.fixed(0.125, 2)).isEqualTo("0.12");     // an exact tie: to even
        assertThat(BleuScore.fixed(0.375, 2)).isEqualTo("0.38");
        assertThat(BleuScore.fixed(2.675, 2)).isEqualTo("2.67");     // 2.67499999… in binary
        assertThat(BleuScore.fixed(1.0005, 3)).isEqualTo("1.000");   // 1.000499999…
        assertThat(BleuScore.fixed(100.0, 2)).isEqualTo("100.00");
        assertThat(BleuScore.fixed(0.0, 1)).isEqualTo("0.0");
        BleuScore b = new BleuScore(48.530827, new double[] {82.35294, 50.0, 45.45454, 37.5}, 0.94285,
                new BleuStatistics(17, 18, new long[] {14, 7, 5, 3}, new long[] {17, 14, 11, 8}));
        assertThat(b.format()).isEqualTo(
                "BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)");
        assertThat(b.ratio()).isEqualTo(17.0 / 18);
        assertThat(new BleuScore(0, new double[4], 1, BleuStatistics.ZERO).ratio()).isZero();
    }

    @Test
    void statisticsAddUpAndCopyTheirArrays() {
        long[] counts = {1, 2, 3, 4};
        BleuStatistics s = new BleuStatistics(5, 6, counts, new long[] {5, 4, 3, 2});
        counts[0] = 99;
        assertThat(s.count(1)).isEqualTo(1);
        assertThat(s.plus(s)).isEqualTo(new BleuStatistics(10, 12, new long[] {2, 4, 6, 8}, new long[] {10, 8, 6, 4}));
        assertThatThrownBy(() -> new BleuStatistics(0, 0, new long[3], new long[4]))
                .hasMessageContaining("4 orders");
    }

    @Test
    void badCorporaAreClearErrors() {
        assertThatThrownBy(() -> Bleu.corpus(List.of("a"), List.of())).hasMessageContaining("at least one reference");
        assertThatThrownBy(() -> Bleu.corpus(List.of("a", "b"), List.of(List.of("a"))))
                .hasMessageContaining("reference stream 1 has 1 sentences but there are 2 hypotheses");
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> Bleu.corpus(withNull, List.of(List.of("a")))).hasMessageContaining("hypothesis 1 is"
                + " null");
        assertThatThrownBy(() -> Bleu.sentenceStatistics(List.of("a"), List.of()))
                .hasMessageContaining("at least one reference");
    }

    /** The 13a rules as four regex replacements (Java's replaceAll scans as Python's re.sub does). */
    private static String regex13a(String line) {
        line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        line = line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        String s = " " + line + " ";
        s = s.replaceAll("([ !\"#$%&()*+/:;<=>?@\\[\\\\\\]^_`{|}~])", " $1 ");
        s = s.replaceAll("([^0-9])([\\.,])", "$1 $2 ");
        s = s.replaceAll("([\\.,])([^0-9])", " $1 $2");
        s = s.replaceAll("([0-9])(-)", "$1 $2 ");
        return String.join(" ", PythonStrings.split(s));
    }

    @Test
    void theReferenceTokenizerIsTheRegexesOfSacrebleu() {
        String alphabet = "ab1 .,-'\"(&;<>/_\u00a0\u00e4\u2014\n";
        java.util.Random random = new java.util.Random(84);
        for (int trial = 0; trial < 20_000; trial++) {
            StringBuilder line = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                line.append(random.nextInt(20) == 0 ? "\uD83D\uDE42" : random.nextInt(25) == 0 ? "&amp;"
                        : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            assertThat(Bleu.tokenize13a(line.toString())).as("tokenize13a(%s)", line).isEqualTo(regex13a(
                    line.toString()));
        }
    }

    @Test
    void theFastPathAndThePlainMapsAgree() {
        // More than 65,534 distinct reference tokens take the plain path; the same sentence with a small reference
        // takes the fast path. Both must count what the maps count.
        List<String> hyp = List.of("a", "b", "a", "b", "c", "a", "b");
        List<String> big = new ArrayList<>(List.of("x", "a", "b", "a", "b", "c"));
        for (int i = 0; i < 70_000; i++) {
            big.add("w" + i);
        }
        BleuStatistics plain = Bleu.sentenceStatistics(hyp, List.of(big));
        BleuStatistics fast = Bleu.sentenceStatistics(hyp, List.of(List.of("x", "a", "b", "a", "b", "c")));
        assertThat(plain.counts()).containsExactly(5, 4, 3, 2);
        assertThat(fast.counts()).containsExactly(plain.counts());
        assertThat(fast.totals()).containsExactly(plain.totals());
    }
}
