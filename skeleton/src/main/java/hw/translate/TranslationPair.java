package hw.translate;

/** One German sentence and its English translation (detokenized text, one line each). */
public record TranslationPair(String german, String english) {

    public TranslationPair {
        if (german == null || english == null) {
            throw new IllegalArgumentException("TranslationPair: the German and the English sentence must not be null");
        }
    }
}
