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
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The kit's side of {@code bench}: the work of each row, warmed up in a JVM of its own, then timed one round at a
 * time when asked ({@link RowProcess}), as the PyTorch script next to this class (torch_bench.py) times its side.
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
 * The child's protocol, one line each way: it prints {@code ready} once warmed up; then {@code round} times one
 * round and answers {@code round WALL_TOKENS_PER_S CPU_TOKENS_PER_S}; {@code peak} answers {@code peak BYTES} (the
 * process's peak resident memory); {@code breakdown} (training only) answers {@code breakdown TEXT}, where a step's
 * time and operations go ({@link StepBreakdown}); {@code quit} ends it.
 */
final class KitBench {
    static final GPTConfig JKU = new GPTConfig(40, 64, 4, 4, 128, 0.0, true, true, 1337);
    static final int JKU_BATCH = 12;
    static final GPTConfig STANFORD = new GPTConfig(12_038, 256, 6, 6, 384, 0.0, true, true, 1337);
    private static final int WARMUP_STEPS = 5;
    private static final int WARMUP_TOKENS = 32;

    /** A measured rate: tokens per second of wall-clock time and of the process's CPU time. */
    record Rate(double wall, double cpu) {
    }

    /** A row's work, built and warmed up: {@link #round()} does one timed round's work. */
    interface Work {
        long tokens();

        void round();
    }

    private KitBench() {
    }

    /** The child's command line for a row: {@code ROW STEPS NEW_TOKENS DTYPE}. */
    static List<String> arguments(String row, int steps, int newTokens, String dtype) {
        return List.of(row, String.valueOf(steps), String.valueOf(newTokens), dtype);
    }

    /** The child's entry: builds and warms up the row's work, then answers the commands of the class comment. */
    public static void main(String[] args) throws java.io.IOException {
        int steps = Integer.parseInt(args[1]), newTokens = Integer.parseInt(args[2]);
        try (Precision.Scope ignored = Precision.use(Precision.parse(args[3]))) {
            // As the command line runs: ND4J's checks of every operation only for the first scopes.
            NativeMemory.checkFirstScopesOnly(3);
            Work work = switch (args[0]) {
                case "train" -> training(steps);
                case "naive" -> sampling(false, newTokens);
                case "cached" -> sampling(true, newTokens);
                default -> throw new IllegalArgumentException("unknown row " + args[0]);
            };
            System.out.println("ready");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                switch (line) {
                    case "round" -> {
                        Rate r = timed(work);
                        System.out.println("round " + r.wall() + " " + r.cpu());
                    }
                    case "peak" -> System.out.println("peak " + Machine.peakMemory());
                    case "breakdown" -> System.out.println("breakdown " + StepBreakdown.measure(10).describe());
                    default -> System.out.println("unknown " + line);
                }
            }
        }
    }

    /** Training at the JKU configuration; a round is {@code steps} steps. */
    static Work training(int steps) {
        GPT model = new GPT(JKU);
        Random rng = new Random(1337);
        int[] data = rng.ints(50_000, 0, JKU.vocabSize()).toArray();
        TrainerConfig config = TrainerConfig.builder().steps(Integer.MAX_VALUE / 2).batchSize(JKU_BATCH)
                .blockSize(JKU.blockSize()).constantLr(1e-3).clipNorm(1.0).evalInterval(0).quiet(true)
                .seed(1337).build();
        AdamW optimizer = new AdamW(ParamGroups.forWeightDecay(model, 0.1), 1e-3, Adam.DEFAULT_BETA,
                Adam.DEFAULT_GAMMA, Adam.DEFAULT_EPS);
        Trainer trainer = new Trainer(model, optimizer, config,
                Batches.sampler(data, JKU_BATCH, JKU.blockSize(), rng),
                Batches.sampler(data, JKU_BATCH, JKU.blockSize(), new Random(1338)))
                .logTo(new PrintStream(OutputStream.nullOutputStream())).redrawInPlace(false);
        trainer.train(WARMUP_STEPS);
        return new Work() {
            @Override
            public long tokens() {
                return (long) steps * JKU_BATCH * JKU.blockSize();
            }

            @Override
            public void round() {
                trainer.train(trainer.step() + steps);
            }
        };
    }

    /** Sampling at the 305B configuration, naive or with the KV cache; a round is {@code newTokens} tokens. */
    static Work sampling(boolean cached, int newTokens) {
        GPT model = new GPT(STANFORD);
        Sampler sampler = cached ? new CachedSampler() : new NaiveSampler();
        int[] prompt = {0};
        SamplingOptions options = SamplingOptions.sampling(1.0, 0, 1337);
        sampler.generate(model, prompt, WARMUP_TOKENS, options);
        return new Work() {
            @Override
            public long tokens() {
                return newTokens;
            }

            @Override
            public void round() {
                NativeMemory.collectGarbage(); // each round starts from a clean heap, as the Trainer's steps do
                sampler.generate(model, prompt, newTokens, options);
            }
        };
    }

    private static Rate timed(Work work) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime(), wall = System.nanoTime();
        work.round();
        double wallSeconds = (System.nanoTime() - wall) / 1e9, cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        return new Rate(work.tokens() / wallSeconds, cpuSeconds > 0 ? work.tokens() / cpuSeconds : Double.NaN);
    }
}
