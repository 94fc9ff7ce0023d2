package hw.translate;

/** A translation pair as token ids, without any special id: the German source and the English target. */
public record EncodedPair(int[] german, int[] english) {

    public EncodedPair {
        if (german == null || english == null) {
            throw new IllegalArgumentException("EncodedPair: the German and the English ids must not be null");
        }
    }

    /** The row this pair needs before padding: both sentences and both end-of-sequence ids. */
    public int length() {
        return german.length + english.length + 2;
    }
}
