package hw.train;

import hw.data.CharTokenizer;
import hw.data.Corpus;

/**
 * The text of the Adam-versus-SGD experiment, as token ids: the start of the kit's embedded English corpus
 * ({@link Corpus#englishText()}), normalised to the JKU handout's small alphabet ({@link CharTokenizer#normalise})
 * so a tiny model learns spelling and spaces within a hundred steps. To train on another text, change
 * {@link #tokens()}: the experiment reads nothing else (the vocabulary size is the largest id + 1).
 */
final class ExperimentText {
    private static final int CHARACTERS = 20_000;
    private static final String TEXT = CharTokenizer.normalise(Corpus.englishText()).substring(0, CHARACTERS);
    private static final CharTokenizer TOKENIZER = CharTokenizer.fit(TEXT);

    private ExperimentText() {
    }

    /** The text: 20,000 characters. */
    static String text() {
        return TEXT;
    }

    /** The text as ids: each character's position in {@link #vocabulary()}. */
    static int[] tokens() {
        return TOKENIZER.encode(TEXT);
    }

    /** The distinct characters, sorted. */
    static String vocabulary() {
        return TOKENIZER.characters();
    }
}
