package hw.model;

import hw.nn.Dropout;
import hw.nn.Embedding;
import hw.nn.Functions;
import hw.nn.Init;
import hw.nn.LayerNorm;
import hw.nn.Linear;
import hw.nn.Module;
import hw.tensor.GradMode;
import hw.tensor.Shapes;
import hw.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A decoder-only transformer language model (GPT-2's architecture): token ids [B, T] → logits [B, T, V] for the
 * next token at every position.
 *
 * <pre>
 *     x = dropout(tokenEmbedding(ids) + positionEmbedding(0 … T−1))   [B, T, C]
 *     x = block_n(… block_1(x))                                       [B, T, C]
 *     logits = lmHead(finalNorm(x))                                   [B, T, V]
 * </pre>
 *
 * With {@link GPTConfig#tieWeights()} there is no separate head: the logits are finalNorm(x)·Eᵀ, E being the
 * token embedding matrix [V, C], which then is one parameter serving two purposes. The constructor initialises
 * every parameter with {@link #initWeights} (Problem 4.4), seeded by the configuration. A model whose weights
 * will be loaded anyway can skip that with {@code new GPT(config, false)}: its layers keep their own random
 * initial values (so Problem 4.5's tests do not need Problem 4.4).
 *
 * <p>For sampling, {@link #forward(int[][], boolean) forward(ids, true)} reads new tokens through every layer's
 * KV cache (Problem 7): the cache already holds {@link #cachedLength()} tokens, and the new ones continue the
 * sequence at the next positions. Each layer's cache holds at most blockSize positions, as many as the position
 * table has; {@link #clearCache()} empties them all.
 */
public class GPT extends Module implements LanguageModel {
    private final GPTConfig config;
    private final Embedding tokenEmbedding;
    private final Embedding positionEmbedding;
    private final Dropout dropout;
    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Linear lmHead; // null when tied

    /** What {@link #forward(int[][], int[][])} returns: logits [B, T, V] and the mean loss (a scalar). */
    public record Output(Tensor logits, Tensor loss) {
    }

    /** A GPT with GPT-2's initialisation ({@link #initWeights}), seeded by the configuration. */
    public GPT(GPTConfig config) {
        this(config, true);
    }

    /**
     * @param initialise whether to apply {@link #initWeights}; without it each layer keeps the initial values its
     *                   own constructor drew (e.g. for a model whose weights are loaded next)
     */
    public GPT(GPTConfig config, boolean initialise) {
        this.config = config;
        Random rng = new Random(config.seed());
        int c = config.nEmbd();
        this.tokenEmbedding = registerModule("tokenEmbedding", new Embedding(config.vocabSize(), c, rng));
        this.positionEmbedding = registerModule("positionEmbedding", new Embedding(config.blockSize(), c, rng));
        this.dropout = registerModule("dropout", new Dropout(config.dropout(), rng.nextLong()));
        for (int i = 0; i < config.nLayer(); i++) {
            blocks.add(registerModule("blocks." + i, new TransformerBlock(c, config.nHead(), config.dropout(),
                    config.bias(), config.blockSize(), rng)));
        }
        this.finalNorm = registerModule("finalNorm", new LayerNorm(c));
        this.lmHead = config.tieWeights() ? null
                : registerModule("lmHead", new Linear(c, config.vocabSize(), false, rng));
        if (initialise) {
            initWeights(new Random(config.seed()));
        }
    }

    public GPTConfig config() {
        return config;
    }

    @Override
    public int vocabSize() {
        return config.vocabSize();
    }

    @Override
    public int blockSize() {
        return config.blockSize();
    }

    /** The token embedding E, [V, C] (with tied weights, also the LM head). */
    public Embedding tokenEmbedding() {
        return tokenEmbedding;
    }

    /** The learned position embedding, [blockSize, C]. */
    public Embedding positionEmbedding() {
        return positionEmbedding;
    }

    public List<TransformerBlock> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    public LayerNorm finalNorm() {
        return finalNorm;
    }

    /** The LM head, [C, V] without bias; {@code null} when the weights are tied (the head is then Eᵀ). */
    public Linear lmHead() {
        return lmHead;
    }

    /**
     * Problem 4.4 — GPT-2's initialisation, drawing from {@code rng} only (so a seed fixes everything):
     *
     * <ul>
     *   <li>every Linear weight and every Embedding table from N(0, 0.02²);</li>
     *   <li>except the last layer of each residual branch — each block's {@link MultiHeadAttention#outputProjection()}
     *       and {@link FeedForward#down()} — from N(0, (0.02/√(2·nLayer))²), so the residual stream's variance
     *       does not grow with depth;</li>
     *   <li>every Linear bias 0; every LayerNorm weight 1 and bias 0.</li>
     * </ul>
     * {@link #modules()} lists every module; {@link Init} fills a parameter in place.
     */
    public void initWeights(Random rng) {
        // BEGIN SOLUTION Problem 4.4 (GPT.initWeights)
        for (Module m : modules()) {
            if (m instanceof Linear linear) {
                Init.normal(linear.weight(), 0.02, rng);
                if (linear.bias() != null) {
                    Init.constant(linear.bias(), 0.0);
                }
            } else if (m instanceof Embedding embedding) {
                Init.normal(embedding.weight(), 0.02, rng);
            } else if (m instanceof LayerNorm norm) {
                Init.constant(norm.weight(), 1.0);
                Init.constant(norm.bias(), 0.0);
            }
        }
        double residualStd = 0.02 / Math.sqrt(2.0 * config.nLayer());
        for (TransformerBlock block : blocks) {
            Init.normal(block.attention().outputProjection().weight(), residualStd, rng);
            Init.normal(block.feedForward().down().weight(), residualStd, rng);
        }
        // END SOLUTION
    }

    /** ids [B, T] → logits [B, T, V], without the KV cache (positions 0 … T−1). */
    @Override
    public Tensor forward(int[][] ids) {
        return forward(ids, false);
    }

    /**
     * Problem 4.5 — the forward pass: ids [B, T] → logits [B, T, V] (see the class comment). The positions are
     * given: 0 … T−1, or with the KV cache the T positions after the cached ones ({@link #cachedPositions},
     * Problem 7.2); the same for every sequence of the batch, their embedding [T, C] broadcasts over B. Pass
     * {@code useKvCache} on to every block. With tied weights the head is the token embedding's table,
     * transposed.
     *
     * <p>Needs Problems 3.4, 4.3 and 2.4 first: it is built from the first two (and from what they need), and the
     * loss of {@code forward(ids, targets)} is the third's cross-entropy.
     */
    public Tensor forward(int[][] ids, boolean useKvCache) {
        checkIds(ids, useKvCache);
        int time = ids[0].length;
        int[] positions = useKvCache ? cachedPositions(time) : range(0, time);
        // BEGIN SOLUTION Problem 4.5 (GPT.forward)
        Tensor x = tokenEmbedding.forward(ids).add(positionEmbedding.forward(positions)); // [B, T, C]
        x = dropout.forward(x);
        for (TransformerBlock block : blocks) {
            x = block.forward(x, useKvCache);                                             // [B, T, C]
        }
        x = finalNorm.forward(x);
        return lmHead == null ? x.matmul(tokenEmbedding.weight().transpose(0, 1)) : lmHead.forward(x); // [B, T, V]
        // END SOLUTION
    }

    /**
     * Problem 7.2 — the positions of {@code time} new tokens read with the KV cache, which already holds
     * {@link #cachedLength()} tokens of the sequence at positions 0 … cached−1. The new ones continue it, at
     * cached … cached + time − 1; restarting at 0 would give each new token the position embedding of the
     * sequence's start. (The caller has checked that they fit in the blockSize positions.)
     *
     * <p>Needs Problems 4.5 and 7.1 first: the positions are read by your forward pass, whose attention caches.
     */
    protected int[] cachedPositions(int time) {
        // BEGIN SOLUTION Problem 7.2 (GPT.cachedPositions)
        int cached = cachedLength();
        return range(cached, cached + time);
        // END SOLUTION
    }

    /** from, from + 1, …, to − 1. */
    protected static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    /**
     * The number of tokens in the KV cache (that of the first layer: the layers append together). 0 when the
     * cache is empty; at most {@link #blockSize()}.
     */
    public int cachedLength() {
        return blocks.get(0).attention().cachedLength();
    }

    /** Empties every layer's KV cache (before reading a new sequence through it). */
    public void clearCache() {
        for (TransformerBlock block : blocks) {
            block.attention().clearCache();
        }
    }

    /** {@link #forward(int[][])} for ids in a tensor [B, T] (any numeric type, e.g. LONG). */
    public Tensor forward(Tensor ids) {
        return forward(toIdMatrix(ids));
    }

    /** The logits and the mean cross-entropy of predicting {@code targets} [B, T] (the next tokens). */
    @Override
    public Output forward(int[][] ids, int[][] targets) {
        Tensor logits = forward(ids);
        if (targets.length != ids.length) {
            throw new IllegalArgumentException("GPT: " + targets.length + " target rows for " + ids.length
                    + " sequences");
        }
        int time = ids[0].length;
        int[] flat = new int[ids.length * time];
        for (int b = 0; b < targets.length; b++) {
            if (targets[b].length != time) {
                throw new IllegalArgumentException("GPT: target row " + b + " has " + targets[b].length
                        + " ids, the sequences have " + time);
            }
            System.arraycopy(targets[b], 0, flat, b * time, time);
        }
        return new Output(logits, Functions.crossEntropy(logits, flat));
    }

    /** {@link #forward(int[][], int[][])} for ids and targets in tensors [B, T]. */
    public Output forward(Tensor ids, Tensor targets) {
        return forward(toIdMatrix(ids), toIdMatrix(targets));
    }

    private void checkIds(int[][] ids, boolean useKvCache) {
        if (ids.length == 0 || ids[0].length == 0) {
            throw new IllegalArgumentException("GPT: needs at least one sequence of at least one token");
        }
        int time = ids[0].length;
        for (int b = 0; b < ids.length; b++) {
            if (ids[b].length != time) {
                throw new IllegalArgumentException("GPT: sequence " + b + " has " + ids[b].length
                        + " tokens, sequence 0 has " + time + "; a batch needs equal lengths");
            }
            for (int t = 0; t < time; t++) {
                if (ids[b][t] < 0 || ids[b][t] >= config.vocabSize()) {
                    throw new IllegalArgumentException("GPT: token id " + ids[b][t] + " at [" + b + ", " + t
                            + "] is outside the vocabulary [0, " + config.vocabSize() + ")");
                }
            }
        }
        if (time > config.blockSize()) {
            throw new IllegalArgumentException("GPT: a context of " + time + " tokens is longer than the "
                    + config.blockSize() + " positions this model has (blockSize); crop it to the last "
                    + config.blockSize() + " tokens");
        }
        if (useKvCache && GradMode.isEnabled()) {
            throw new IllegalStateException("GPT: the KV cache is for inference only; run with gradients disabled"
                    + " (try (var s = GradMode.disabled()) { ... })");
        }
        int cached = useKvCache ? cachedLength() : 0;
        if (cached + time > config.blockSize()) {
            throw new IllegalStateException("GPT: the KV cache holds " + cached + " tokens, so " + time + " more"
                    + " would need positions up to " + (cached + time - 1) + ", but this model has positions 0 … "
                    + (config.blockSize() - 1) + " only (blockSize = " + config.blockSize() + "); clearCache() and"
                    + " read the last tokens again");
        }
    }

    private static int[][] toIdMatrix(Tensor ids) {
        if (ids.rank() != 2) {
            throw new IllegalArgumentException("GPT: ids need shape [B, T], got " + Shapes.show(ids.shape()));
        }
        int rows = (int) ids.size(0), cols = (int) ids.size(1);
        double[] flat = ids.toDoubleArray();
        int[][] out = new int[rows][cols];
        for (int i = 0; i < flat.length; i++) {
            out[i / cols][i % cols] = (int) flat[i];
        }
        return out;
    }
}
