package hw.data;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * One id per character: the vocabulary is the distinct characters (Unicode code points) of the text it was fitted
 * on, sorted by code point, so id 0 is the smallest character (often '\n'). With normalisation (the JKU
 * exercise's preprocessing, see {@link #normalise}) every text is normalised before it is encoded, and the
 * vocabulary has at most 40 characters.
 */
public final class CharTokenizer implements Tokenizer {
    /** The characters {@link #normalise} keeps. */
    public static final String NORMALISED_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 .!?";

    private final int[] characters; // sorted distinct code points; id i is characters[i]
    private final boolean normalising;

    private CharTokenizer(int[] characters, boolean normalising) {
        this.characters = characters;
        this.normalising = normalising;
    }

    /** The vocabulary of {@code text}'s distinct characters, as they are (no normalisation). */
    public static CharTokenizer fit(String text) {
        return fit(text, false);
    }

    /**
     * The vocabulary of the distinct characters of {@code text} — of {@code normalise(text)} if {@code normalise},
     * in which case {@link #encode} normalises every text too (and decode(encode(s)) is normalise(s)).
     */
    public static CharTokenizer fit(String text, boolean normalise) {
        String seen = normalise ? normalise(text) : text;
        if (seen.isEmpty()) {
            throw new IllegalArgumentException("CharTokenizer: cannot fit a vocabulary on an empty text");
        }
        return new CharTokenizer(seen.codePoints().distinct().sorted().toArray(), normalise);
    }

    /**
     * The JKU exercise's normalisation, which leaves 40 characters ({@link #NORMALISED_ALPHABET}):
     * <ol>
     *   <li>lower case ({@link String#toLowerCase(Locale)} with {@link Locale#ROOT}, like Python's {@code str.lower});</li>
     *   <li>every character other than a–z, 0–9, space, '.', '!' and '?' becomes a space — newlines, tabs,
     *       other punctuation and accented letters included;</li>
     *   <li>each run of spaces becomes a single space (leading and trailing spaces stay, one each).</li>
     * </ol>
     * For example {@code "Hello,\n  World!"} becomes {@code "hello world!"}.
     */
    public static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean afterSpace = false;
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            boolean kept = c < 128 && c != ' ' && NORMALISED_ALPHABET.indexOf(c) >= 0;
            if (kept) {
                out.append((char) c);
                afterSpace = false;
            } else if (!afterSpace) {
                out.append(' ');
                afterSpace = true;
            }
        }
        return out.toString();
    }

    @Override
    public int[] encode(String text) {
        String s = normalising ? normalise(text) : text;
        int[] ids = new int[s.codePointCount(0, s.length())];
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int id = Arrays.binarySearch(characters, c);
            if (id < 0) {
                throw new IllegalArgumentException("CharTokenizer: the character " + TokenizerFiles.describe(c)
                        + " at position " + n + (normalising ? " of the normalised text" : "") + " is not in the"
                        + " vocabulary of " + characters.length + " characters; fit the tokenizer on a text that"
                        + " contains it");
            }
            ids[n++] = id;
            i += Character.charCount(c);
        }
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder(ids.length);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= characters.length) {
                throw new IllegalArgumentException("CharTokenizer: id " + ids[i] + " at position " + i
                        + " is outside the vocabulary [0, " + characters.length + ")");
            }
            out.appendCodePoint(characters[ids[i]]);
        }
        return out.toString();
    }

    @Override
    public int vocabSize() {
        return characters.length;
    }

    @Override
    public String kind() {
        return "char";
    }

    /** The vocabulary as a string: character i is id i. */
    public String characters() {
        return new String(characters, 0, characters.length);
    }

    /** Whether {@link #encode} normalises its text first. */
    public boolean normalising() {
        return normalising;
    }

    /** {@code {"kind": "char", "normalise": false, "characters": "\n !\"#..."}}. */
    @Override
    public void save(Path file) {
        JsonObject json = new JsonObject();
        json.addProperty("kind", kind());
        json.addProperty("normalise", normalising);
        json.addProperty("characters", characters());
        TokenizerFiles.write(file, json);
    }

    static CharTokenizer fromJson(JsonObject json) {
        if (!json.has("characters") || !json.get("characters").isJsonPrimitive()) {
            throw new IllegalArgumentException("no \"characters\" string");
        }
        int[] chars = json.get("characters").getAsString().codePoints().toArray();
        if (chars.length == 0) {
            throw new IllegalArgumentException("\"characters\" is empty");
        }
        for (int i = 1; i < chars.length; i++) {
            if (chars[i] <= chars[i - 1]) {
                throw new IllegalArgumentException("\"characters\" must be distinct and sorted by code point, but "
                        + TokenizerFiles.describe(chars[i]) + " follows " + TokenizerFiles.describe(chars[i - 1]));
            }
        }
        boolean normalise = json.has("normalise") && json.get("normalise").getAsBoolean();
        return new CharTokenizer(chars, normalise);
    }

    @Override
    public String toString() {
        return "CharTokenizer(" + characters.length + " characters" + (normalising ? ", normalising" : "") + ")";
    }
}
