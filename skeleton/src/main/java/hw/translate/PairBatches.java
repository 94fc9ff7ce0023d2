package hw.translate;

import hw.data.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Training batches in epochs: each epoch visits the pairs in a fresh random order, B at a time, collated to
 * [B, maxLength] ({@link Collate#collate}) and handed to the trainer as a {@link Batch} with the weight-0 labels
 * ignored ({@link TranslationBatch#asBatch()}). The last pairs of an epoch that do not fill a batch wait for a later
 * epoch. Deterministic for a seed, so a fresh sampler replays the same batches (as resuming needs).
 */
public final class PairBatches implements Supplier<Batch> {
    private final List<EncodedPair> pairs;
    private final int batchSize;
    private final int maxLength;
    private final SpecialIds specials;
    private final Random rng;
    private final int[] order;
    private int position;

    public PairBatches(List<EncodedPair> pairs, int batchSize, int maxLength, SpecialIds specials, long seed) {
        if (pairs.size() < batchSize || batchSize < 1) {
            throw new IllegalArgumentException("PairBatches: " + pairs.size() + " pairs cannot fill a batch of "
                    + batchSize);
        }
        this.pairs = List.copyOf(pairs);
        this.batchSize = batchSize;
        this.maxLength = maxLength;
        this.specials = specials;
        this.rng = new Random(seed);
        this.order = new int[pairs.size()];
        this.position = order.length; // shuffle at the first call
    }

    /** Full batches per epoch. */
    public int batchesPerEpoch() {
        return pairs.size() / batchSize;
    }

    @Override
    public Batch get() {
        return next().asBatch();
    }

    /** The next batch as the collated arrays. */
    public TranslationBatch next() {
        if (position + batchSize > order.length) {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int i = order.length - 1; i > 0; i--) { // Fisher–Yates
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            position = 0;
        }
        List<EncodedPair> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            batch.add(pairs.get(order[position++]));
        }
        return Collate.collate(batch, maxLength, specials);
    }

    /**
     * The pairs of {@code sentences} as ids, keeping those whose row fits in maxLength (German, English, both
     * ends): training on a cut source would teach the model to translate words it was not shown.
     */
    public static List<EncodedPair> encodeFitting(SubwordTokenizer tokenizer, List<TranslationPair> sentences,
            int maxLength) {
        List<EncodedPair> out = new ArrayList<>();
        for (TranslationPair p : sentences) {
            EncodedPair e = new EncodedPair(tokenizer.encode(p.german()), tokenizer.encode(p.english()));
            if (e.length() <= maxLength) {
                out.add(e);
            }
        }
        return out;
    }
}
