package hw.translate;

/**
 * The ids that are not text: padding, the end of the German source and the end of the English target. A
 * translation example reads {@code German tokens, germanEos, English tokens, englishEos, pad, pad, …}.
 *
 * @param pad        fills a row after the English end; never predicted (weight 0)
 * @param germanEos  ends the source: from here on the model writes English
 * @param englishEos ends the target: generation stops when the model picks it
 */
public record SpecialIds(int pad, int germanEos, int englishEos) {

    public SpecialIds {
        if (pad < 0 || germanEos < 0 || englishEos < 0 || pad == germanEos || pad == englishEos
                || germanEos == englishEos) {
            throw new IllegalArgumentException("SpecialIds: need three distinct non-negative ids, got pad = " + pad
                    + ", germanEos = " + germanEos + ", englishEos = " + englishEos);
        }
    }
}
