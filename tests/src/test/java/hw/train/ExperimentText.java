package hw.train;

import java.util.Random;
import java.util.TreeSet;

/**
 * The text of the Adam-versus-SGD experiment, as token ids. To train on another text, change {@link #tokens()}:
 * the experiment reads nothing else (the vocabulary size is the largest id + 1).
 *
 * <p>The text is generated: a few thousand characters of short sentences from a small grammar (fixed seed), so it
 * has structure a tiny model learns within a hundred steps — spelling, spaces, sentence ends.
 */
final class ExperimentText {
    private static final String[] SUBJECTS = {"the old sailor", "a small fox", "my sister", "the baker", "our teacher",
        "a tired horse", "the quiet child", "his neighbour", "the farmer", "a young cook"};
    private static final String[] VERBS = {"carries", "watches", "paints", "finds", "mends", "sells", "hides",
        "counts", "washes", "follows"};
    private static final String[] OBJECTS = {"the red boat", "a loaf of bread", "the garden gate", "two green apples",
        "an old lamp", "the heavy nets", "a wooden box", "the morning paper", "a basket of eggs", "the brass key"};
    private static final String[] ENDINGS = {"before dawn", "near the river", "after supper", "in the rain",
        "by the harbour", "every sunday", "without a word", "at the market"};

    private static final String TEXT = text();
    private static final String VOCABULARY = vocabulary(TEXT);

    private ExperimentText() {
    }

    /** The text: about 6,000 characters. */
    static String text() {
        Random random = new Random(6_2024);
        StringBuilder s = new StringBuilder();
        while (s.length() < 6000) {
            s.append(pick(random, SUBJECTS)).append(' ').append(pick(random, VERBS)).append(' ')
                    .append(pick(random, OBJECTS));
            if (random.nextInt(3) > 0) {
                s.append(' ').append(pick(random, ENDINGS));
            }
            s.append(random.nextInt(5) == 0 ? ".\n" : ". ");
        }
        return s.toString();
    }

    /** The text as ids: each character's position in {@link #vocabulary()}. */
    static int[] tokens() {
        int[] ids = new int[TEXT.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = VOCABULARY.indexOf(TEXT.charAt(i));
        }
        return ids;
    }

    /** The distinct characters, sorted. */
    static String vocabulary() {
        return VOCABULARY;
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String vocabulary(String text) {
        TreeSet<Character> chars = new TreeSet<>();
        for (char c : text.toCharArray()) {
            chars.add(c);
        }
        StringBuilder s = new StringBuilder();
        chars.forEach(s::append);
        return s.toString();
    }
}
