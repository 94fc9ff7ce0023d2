package bench;

import hw.data.Batches;
import hw.model.GPT;
import hw.model.GPTConfig;
import hw.optim.Adam;
import hw.optim.AdamW;
import hw.optim.ParamGroups;
import hw.sample.CachedSampler;
import hw.sample.NaiveSampler;
import hw.sample.Sampler;
import hw.sample.SamplingOptions;
import hw.tensor.NativeMemory;
import hw.tensor.Precision;
import hw.train.Trainer;
import hw.train.TrainerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The kit's side of {@code bench}: the work of each row, timed the same way as the PyTorch script next to this
 * class (torch_bench.py) times it — a warm-up, then the best of {@code repeat} timed rounds.
 *
 * <ul>
 *   <li><b>train</b>: the JKU handout's model (V 40, T 64, C 128, 4 layers, 4 heads, no dropout), batches of 12
 *       random windows of random tokens, through {@link Trainer} with AdamW and clipping as {@code train} runs
 *       it;</li>
 *   <li><b>naive</b> / <b>cached</b>: the 305B handout's model (V 12,038, context 256, C 384, 6 layers, 6 heads),
 *       randomly initialised, sampling {@code newTokens} tokens after a one-token prompt without and with the KV
 *       cache.</li>
 * </ul>
 *
 * Each row runs in a JVM of its own ({@link #inChildJvm}), so its peak resident memory is its own and no row
 * inherits another's heap, JIT state or native arenas.
 */
final class KitBench {
    static final GPTConfig JKU = new GPTConfig(40, 64, 4, 4, 128, 0.0, true, true, 1337);
    static final int JKU_BATCH = 12;
    static final GPTConfig STANFORD = new GPTConfig(12_038, 256, 6, 6, 384, 0.0, true, true, 1337);
    private static final int WARMUP_STEPS = 3;
    private static final int WARMUP_TOKENS = 16;

    /** A measured rate: tokens per second of wall-clock time and of this process's CPU time, and the peak RSS. */
    record Rate(double wall, double cpu, long peakBytes) {
        Rate best(Rate other) {
            return new Rate(Math.max(wall, other.wall), Math.max(cpu, other.cpu), Math.max(peakBytes, other.peakBytes));
        }
    }

    private KitBench() {
    }

    /**
     * Runs one row in a fresh JVM with this JVM's options and class path, multiplying with {@code blas}, and reads
     * what it measured.
     */
    static Rate inChildJvm(String row, int steps, int repeat, int newTokens, String dtype, ThisJvm.Blas blas)
            throws IOException, InterruptedException {
        List<String> args = List.of(row, String.valueOf(steps), String.valueOf(repeat), String.valueOf(newTokens),
                dtype);
        Process p = ThisJvm.process(KitBench.class, args, blas).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IOException("the kit's " + row + " row failed (exit " + p.exitValue() + ")" + (out.isEmpty()
                    ? "" : ": " + out));
        }
        String[] f = out.substring(out.lastIndexOf('\n') + 1).split(" ");
        return new Rate(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Long.parseLong(f[2]));
    }

    /**
     * The child's entry: {@code ROW STEPS REPEAT NEW_TOKENS DTYPE}; prints "wall cpu peakBytes" on its last line.
     */
    public static void main(String[] args) {
        int steps = Integer.parseInt(args[1]), repeat = Integer.parseInt(args[2]);
        int newTokens = Integer.parseInt(args[3]);
        try (Precision.Scope ignored = Precision.use(Precision.parse(args[4]))) {
            Rate r = switch (args[0]) {
                case "train" -> training(steps, repeat);
                case "naive" -> sampling(false, newTokens, repeat);
                case "cached" -> sampling(true, newTokens, repeat);
                default -> throw new IllegalArgumentException("unknown row " + args[0]);
            };
            System.out.println(r.wall() + " " + r.cpu() + " " + r.peakBytes());
        }
    }

    /** Training tokens per second at the JKU configuration. */
    static Rate training(int steps, int repeat) {
        GPT model = new GPT(JKU);
        Random rng = new Random(1337);
        int[] data = rng.ints(50_000, 0, JKU.vocabSize()).toArray();
        TrainerConfig config = TrainerConfig.builder().steps(WARMUP_STEPS + steps * repeat).batchSize(JKU_BATCH)
                .blockSize(JKU.blockSize()).constantLr(1e-3).clipNorm(1.0).evalInterval(0).quiet(true)
                .seed(1337).build();
        AdamW optimizer = new AdamW(ParamGroups.forWeightDecay(model, 0.1), 1e-3, Adam.DEFAULT_BETA,
                Adam.DEFAULT_GAMMA, Adam.DEFAULT_EPS);
        Trainer trainer = new Trainer(model, optimizer, config,
                Batches.sampler(data, JKU_BATCH, JKU.blockSize(), rng),
                Batches.sampler(data, JKU_BATCH, JKU.blockSize(), new Random(1338)))
                .logTo(new PrintStream(OutputStream.nullOutputStream())).redrawInPlace(false);
        trainer.train(WARMUP_STEPS);
        Rate best = null;
        long tokens = (long) steps * JKU_BATCH * JKU.blockSize();
        for (int round = 0; round < repeat; round++) {
            int until = trainer.step() + steps;
            Rate r = timed(tokens, () -> trainer.train(until));
            best = best == null ? r : best.best(r);
        }
        return withPeak(best);
    }

    /** Sampling tokens per second at the 305B configuration, naive or with the KV cache. */
    static Rate sampling(boolean cached, int newTokens, int repeat) {
        GPT model = new GPT(STANFORD);
        Sampler sampler = cached ? new CachedSampler() : new NaiveSampler();
        int[] prompt = {0};
        SamplingOptions options = SamplingOptions.sampling(1.0, 0, 1337);
        sampler.generate(model, prompt, WARMUP_TOKENS, options);
        Rate best = null;
        for (int round = 0; round < repeat; round++) {
            NativeMemory.collectGarbage(); // each round starts from a clean heap, as the Trainer's steps do
            Rate r = timed(newTokens, () -> sampler.generate(model, prompt, newTokens, options));
            best = best == null ? r : best.best(r);
        }
        return withPeak(best);
    }

    private static Rate timed(long tokens, Runnable work) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime(), wall = System.nanoTime();
        work.run();
        double wallSeconds = (System.nanoTime() - wall) / 1e9, cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        return new Rate(tokens / wallSeconds, cpuSeconds > 0 ? tokens / cpuSeconds : Double.NaN, 0);
    }

    private static Rate withPeak(Rate r) {
        return new Rate(r.wall(), r.cpu(), Machine.peakMemory());
    }
}
