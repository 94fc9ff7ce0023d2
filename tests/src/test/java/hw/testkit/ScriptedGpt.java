package hw.testkit;

import hw.model.GPT;
import hw.model.GPTConfig;
import hw.tensor.GradMode;
import hw.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A stand-in for a trained GPT, so that the code that drives a GPT (7.3's sampler, 8.3's translator) is graded
 * without Problems 4 and 7: its logits are a fixed pseudo-random function of the whole context read so far (with
 * the cache: the cached tokens and the new ones), its cache is a list of tokens, and it refuses what GPT refuses
 * (the cache with gradients on, more positions than blockSize). It records every forward pass. Being a GPT of one
 * small layer that is never run, it needs none of the student's modules.
 */
public class ScriptedGpt extends GPT {
    private final long seed;
    private final double spread;
    private final List<Integer> cache = new ArrayList<>();
    /** Each forward pass: "(tokens read, cache true|false, tokens cached before)". */
    public final List<String> calls = new ArrayList<>();
    /** Each forward pass: whether it ran in eval mode with gradients off. */
    public final List<Boolean> inference = new ArrayList<>();

    /** @param spread the logits lie in [0, spread): the larger, the more a context changes the next token */
    public ScriptedGpt(long seed, int vocab, int blockSize, double spread) {
        super(new GPTConfig(vocab, blockSize, 1, 1, 4, 0.0, true, true, seed), false);
        this.seed = seed;
        this.spread = spread;
    }

    /** Hook for a script: change the logits that follow {@code context} (its last token is the one just read). */
    protected void script(List<Integer> context, double[] logits) {
    }

    @Override
    public Tensor forward(int[][] ids, boolean useKvCache) {
        if (ids.length != 1) {
            throw new IllegalArgumentException("ScriptedGpt: one sequence at a time, got a batch of " + ids.length);
        }
        if (useKvCache && GradMode.isEnabled()) {
            throw new IllegalStateException("GPT: the KV cache is for inference only; run with gradients disabled");
        }
        int before = useKvCache ? cache.size() : 0;
        calls.add("(" + ids[0].length + " tokens, cache " + useKvCache + ", " + before + " cached)");
        inference.add(!isTraining() && !GradMode.isEnabled());
        if (before + ids[0].length > blockSize()) {
            throw new IllegalStateException("GPT: the KV cache holds " + before + " tokens, so " + ids[0].length
                    + " more would need positions beyond blockSize = " + blockSize());
        }
        List<Integer> context = new ArrayList<>(useKvCache ? cache : List.of());
        int vocab = vocabSize(), time = ids[0].length;
        double[] logits = new double[time * vocab];
        for (int t = 0; t < time; t++) {
            context.add(ids[0][t]);
            long h = seed * 1_000_003L;
            for (int id : context) {
                h = h * 31 + id + 1;
            }
            Random random = new Random(h);
            double[] row = new double[vocab];
            for (int v = 0; v < vocab; v++) {
                row[v] = spread * random.nextDouble();
            }
            script(context, row);
            System.arraycopy(row, 0, logits, t * vocab, vocab);
        }
        if (useKvCache) {
            cache.clear();
            cache.addAll(context);
        }
        return Tensor.of(logits, 1, time, vocab);
    }

    @Override
    public int cachedLength() {
        return cache.size();
    }

    @Override
    public void clearCache() {
        cache.clear();
    }
}
