package bench;

import hw.cli.CommandLines;
import hw.cli.UsageException;
import hw.translate.Bleu;
import hw.translate.BleuScore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bench bleu [TOKENS]}: how long {@link Bleu#corpus} takes on a generated corpus of about TOKENS hypothesis
 * tokens (sentences of 4 to 40 words from a vocabulary of 30,000 made-up words with a Zipf-like distribution,
 * punctuation and numbers; one reference per sentence, an edited copy of it). Prints the tokens, the seconds (best
 * and each of the timed runs, after a warm-up) and the machine. It runs in the bench's own JVM: BLEU multiplies
 * nothing.
 */
@Command(name = "bleu", mixinStandardHelpOptions = true, versionProvider = CommandLines.Version.class,
        description = "Time corpus BLEU (hw.translate.Bleu) on a generated corpus.")
final class BleuBenchmark implements Runnable {
    private static final long MAX_TOKENS = 200_000_000;
    private static final int RUNS = 3;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TOKENS", defaultValue = "1_000_000",
            description = "hypothesis tokens in the corpus, 1 to 200,000,000 (default 1,000,000)")
    private long tokens;

    @Override
    public void run() {
        if (tokens < 1 || tokens > MAX_TOKENS) {
            throw new UsageException("bleu: TOKENS must be from 1 to 200,000,000, got " + tokens);
        }
        run(tokens);
    }

    static void run(long tokens) {
        List<List<String>> corpus = corpus(tokens, new Random(8_4));
        List<String> hyps = corpus.get(0);
        List<List<String>> refs = List.of(corpus.get(1));
        Bleu.corpus(hyps.subList(0, Math.min(hyps.size(), 20_000)), List.of(refs.get(0).subList(0,
                Math.min(hyps.size(), 20_000)))); // warm-up: the JIT compiles the loops
        double[] seconds = new double[RUNS];
        BleuScore score = null;
        long cpuStart = processCpuNanos();
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime();
            score = Bleu.corpus(hyps, refs);
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        double cpuPerRun = (processCpuNanos() - cpuStart) / 1e9 / RUNS;
        double best = Arrays.stream(seconds).min().orElseThrow();
        System.out.printf("bleu benchmark: %,d hypothesis tokens and %,d reference tokens (13a) in %,d sentences, one"
                + " reference stream%n", score.hypLength(), score.refLength(), hyps.size());
        System.out.printf("  %s%n", score.format());
        System.out.printf("  Bleu.corpus: %.3f s (best of %d after a warm-up; runs %s s), %.2f M hypothesis tokens/s%n",
                best, RUNS, Arrays.toString(Arrays.stream(seconds).map(s -> Math.round(s * 1000) / 1000.0).toArray()),
                score.hypLength() / best / 1e6);
        System.out.printf("  CPU time of the process: %.3f s per run (all threads, GC included)%n", cpuPerRun);
        System.out.printf("  machine: %d cores, %s, %s %s, Java %s, load average %s%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), loadAverage());
    }

    /** Hypotheses (element 0) and references (element 1) with about {@code tokens} words in the hypotheses. */
    static List<List<String>> corpus(long tokens, Random random) {
        String[] vocabulary = new String[30_000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = word(i, random);
        }
        String[] punctuation = {",", ";", ":", "!", "?", "(", ")", "\"", "-"};
        List<String> hyps = new ArrayList<>(), refs = new ArrayList<>();
        long words = 0;
        while (words < tokens) {
            int length = 4 + random.nextInt(37);
            List<String> sentence = new ArrayList<>(length);
            for (int t = 0; t < length; t++) {
                double u = random.nextDouble();
                int rank = (int) Math.min(vocabulary.length - 1, Math.floor(Math.pow(vocabulary.length, u * u)) - 1);
                String w = u > 0.97 ? String.format("%,d", random.nextInt(100_000))
                        : u > 0.93 ? punctuation[random.nextInt(punctuation.length)] : vocabulary[rank];
                sentence.add(w);
            }
            words += length;
            hyps.add(String.join(" ", sentence) + ".");
            List<String> edited = new ArrayList<>(length + 4);
            for (String w : sentence) {
                double u = random.nextDouble();
                if (u >= 0.1) { // dropped otherwise
                    edited.add(u < 0.25 ? vocabulary[random.nextInt(200)] : w);
                }
                if (u > 0.93) {
                    edited.add(vocabulary[random.nextInt(1000)]);
                }
            }
            refs.add(String.join(" ", edited) + (random.nextBoolean() ? "." : "!"));
        }
        return List.of(hyps, refs);
    }

    private static String word(int i, Random random) {
        String letters = "abcdefghijklmnopqrstuvwxyzäöüß";
        StringBuilder w = new StringBuilder();
        for (int k = 0; k < 2 + (i % 9); k++) {
            w.append(letters.charAt(random.nextInt(letters.length())));
        }
        return (i % 17 == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w.toString()) + (i % 5 == 0 ? "-"
                + i % 13 : "");
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** The 1-minute load average: on a shared machine it says how far to trust the seconds. */
    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format("%.2f", load);
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture below has to do
        }
        return "CPU model unknown";
    }
}
