package hw.data;

import java.util.Arrays;

/**
 * A text's tokens cut in two: the first part to train on, the rest to measure how well the model does on text it
 * has not seen.
 *
 * @param train      the first ⌊fraction · N⌋ tokens
 * @param validation the remaining tokens
 */
public record Split(int[] train, int[] validation) {

    /**
     * Splits at ⌊trainFraction · N⌋ (as {@code int(0.9 * len(data))} does): training first, validation after, no
     * shuffling, so no window of one part overlaps the other. Each part needs at least 2 tokens (an input and its
     * target); a fraction outside (0, 1) or a split leaving less is an error.
     */
    public static Split of(int[] tokens, double trainFraction) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("Split: the training fraction must be in (0, 1), got " + trainFraction);
        }
        int cut = (int) (trainFraction * tokens.length);
        if (cut < 2 || tokens.length - cut < 2) {
            throw new IllegalArgumentException("Split: " + tokens.length + " tokens split at " + trainFraction
                    + " give " + cut + " training and " + (tokens.length - cut) + " validation tokens; each part"
                    + " needs at least 2 (use a longer text or another fraction)");
        }
        return new Split(Arrays.copyOfRange(tokens, 0, cut), Arrays.copyOfRange(tokens, cut, tokens.length));
    }
}
