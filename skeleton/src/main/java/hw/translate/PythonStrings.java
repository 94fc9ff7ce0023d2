package hw.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * The two string operations of Python that sacreBLEU's BLEU relies on, with Python's idea of whitespace (which is
 * wider than {@link Character#isWhitespace}: it includes the no-break spaces U+00A0, U+2007, U+202F and U+0085).
 * Matching it exactly is what makes the token counts agree with sacreBLEU on any Unicode text.
 */
public final class PythonStrings {
    private PythonStrings() {
    }

    /** Python's {@code str.isspace()} for one code point. */
    public static boolean isWhitespace(int c) {
        if (c > 0x20 && c < 0x85) { // the usual case, decided at once
            return false;
        }
        return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    /** Python's {@code line.split()}: the maximal runs of non-whitespace, in order ({@code ""} gives none). */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < line.length(); i++) {
            if (isWhitespace(line.charAt(i))) { // no whitespace lies outside the BMP: chars suffice
                if (start >= 0) {
                    out.add(line.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            out.add(line.substring(start));
        }
        return out;
    }

    /** Python's {@code line.rstrip()}: without its trailing whitespace. */
    public static String rstrip(String line) {
        int end = line.length();
        while (end > 0 && isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end);
    }
}
