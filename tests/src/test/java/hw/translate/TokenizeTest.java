package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.Label;

@Todo("8.4")
@Label("Problem 8.4 Bleu.tokenize13a")
class TokenizeTest {
    static final Map<String, String> MISTAKES = new LinkedHashMap<>();

    static {
        MISTAKES.put("whitespace_only", "the line is only split on whitespace: punctuation must become tokens of its"
                + " own (\"mat.\" → \"mat .\")");
        MISTAKES.put("every_period_comma", "every period and comma is split, even between digits: 13a keeps \"3.5\""
                + " and \"1,000\" whole (a period or comma is split from a neighbour only when that is not a digit)");
        MISTAKES.put("all_punctuation", "every non-letter character is split: 13a keeps apostrophes and hyphens"
                + " between letters (\"don't\", \"well-known\") and leaves non-ASCII punctuation alone");
    }

    /** Every fixture line of {@code group}: tokenize13a and the tokens BLEU counts, as sacreBLEU has them. */
    private static void linesOf(String group) {
        int checked = 0;
        for (BleuFixture f : BleuFixture.section("tokenize")) {
            if (!f.text("group").equals(group)) {
                continue;
            }
            String line = f.text("line");
            String actual = Bleu.tokenize13a(line);
            assertThat(actual).as("tokenize13a(%s) (sacreBLEU %s)%s", quoted(line), BleuFixture.sacrebleuVersion(),
                    f.diagnose("tokenized", actual, MISTAKES)).isEqualTo(f.text("tokenized"));
            assertThat(Bleu.tokens(line)).as("Bleu.tokens(%s): the tokens BLEU counts", quoted(line))
                    .isEqualTo(f.texts("tokens"));
            checked++;
        }
        assertThat(checked).as("lines in group " + group).isPositive();
    }

    static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> out.append(c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '"' ? "\\\""
                : c < 0x20 || (c >= 0x7F && c <= 0xA0) || (c >= 0x2000 && c <= 0x200F) || c == 0x202F || c == 0x3000
                        ? String.format("\\u%04X", c) : new String(Character.toChars(c))));
        return out.append('"').toString();
    }

    @Example
    @Label("punctuation: ASCII symbols split off, apostrophes and hyphens between letters kept (vs sacreBLEU)")
    @Points(1)
    void punctuation() {
        linesOf("punctuation");
    }

    @Example
    @Label("numbers: periods and commas between digits kept, a hyphen after a digit split (vs sacreBLEU)")
    @Points(1)
    void numbers() {
        linesOf("numbers");
    }

    @Example
    @Label("unicode: umlauts, non-ASCII punctuation, emoji and CJK as sacreBLEU leaves them")
    @Points(1)
    void unicode() {
        linesOf("unicode");
    }

    @Example
    @Label("whitespace and markup: Python's whitespace (no-break spaces), empty lines, &amp; entities, <skipped>, -\\n")
    @Points(1)
    void whitespaceAndMarkup() {
        linesOf("whitespace");
        linesOf("markup");
    }
}
