package bench;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import hw.cli.CommandLines;
import hw.cli.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: the kit's training and sampling speed next to PyTorch's on the same work ({@link KitBench},
 * torch_bench.py), with the machine it ran on, as a table and as one JSON line appended to a file. Each row's two
 * sides run in processes of their own ({@link RowProcess}) that warm up, then time one round at a time, in turn —
 * kit, PyTorch, kit, PyTorch, … — so that each pair ran under the same conditions on a machine whose speed drifts;
 * the ratio is the median of the pairs' ratios, with their minimum and maximum. The kit's JVMs run on the OpenBLAS
 * library and kernel chosen for this machine ({@link ThisJvm.Blas}), PyTorch's on the same kernel.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = CommandLines.Version.class,
        description = {"The kit's speed next to PyTorch's on the same work, one thread each, in interleaved pairs"
            + " of rounds.", "",
            "rows: train   training tokens/s, the JKU handout's model, batches of 12",
            "      naive   sampling tokens/s without the KV cache, the 305B handout's model",
            "      cached  sampling tokens/s with the KV cache, same model"},
        subcommands = BleuBenchmark.class)
final class BenchCommand implements Runnable {
    private static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("train", "training, JKU config (V 40, T 64, C 128, 4 layers, 4 heads, batch 12, no dropout)");
        ROWS.put("naive", "naive sampling, 305B config (V 12,038, context 256, C 384, 6 layers, 6 heads)");
        ROWS.put("cached", "KV-cached sampling, 305B config");
    }

    @Option(names = "--rows", paramLabel = "LIST", split = ",", defaultValue = "train,naive,cached",
            description = "which rows, comma-separated (default ${DEFAULT-VALUE})")
    private List<String> rows;
    @Option(names = "--train-steps", paramLabel = "N", defaultValue = "20",
            description = "training steps per timed round (default ${DEFAULT-VALUE})")
    private int steps;
    @Option(names = "--pairs", paramLabel = "N", defaultValue = "5",
            description = "timed rounds per side and row, after a warm-up, kit and PyTorch in turn (default"
                    + " ${DEFAULT-VALUE})")
    private int pairs;
    @Option(names = "--new-tokens", paramLabel = "N", defaultValue = "255",
            description = "tokens to sample after a one-token prompt (default ${DEFAULT-VALUE})")
    private int newTokens;
    @Option(names = "--python", paramLabel = "CMD", description = "a Python with torch (default: python3, else"
            + " /usr/bin/python3; Debian: apt-get install python3-torch libopenblas0-pthread)")
    private String python;
    @Option(names = "--dtype", paramLabel = "T", defaultValue = "float32", converter = CommandLines.DataTypeName.class,
            description = "float32 (default, PyTorch's default too) or float64, both sides")
    private String dtype;
    @Option(names = "--no-torch", description = "the kit's side only")
    private boolean noTorch;
    @Option(names = "--classes", paramLabel = "DIR", description = "time another implementation of the homework:"
            + " a directory of its compiled hw classes, in place of the reference's (see --target)")
    private Path classes;
    @Option(names = "--target", paramLabel = "T", defaultValue = "reference", description = "reference (default), or"
            + " filled-skeleton: the skeleton with the reference's answers in its TODOs, compiled into"
            + " bench/target/filled-skeleton (so the provided code holds no fast path of the reference's own)")
    private String target;
    @Option(names = "--json", paramLabel = "FILE", defaultValue = "runs/bench.jsonl",
            description = "append the results as one JSON line (default ${DEFAULT-VALUE})")
    private Path jsonFile;

    /** One row's measurements: each side's rounds (in pairs when both ran), peak RSS, and the step breakdown. */
    record RowResult(String row, List<KitBench.Rate> kit, List<KitBench.Rate> torch, long kitPeak, long torchPeak,
            String breakdown) {
        boolean paired() {
            return !torch.isEmpty();
        }

        double kitMedian() {
            return median(kit.stream().mapToDouble(KitBench.Rate::wall).toArray());
        }

        double torchMedian() {
            return paired() ? median(torch.stream().mapToDouble(KitBench.Rate::wall).toArray()) : Double.NaN;
        }

        /** kit / PyTorch of each pair, wall-clock. */
        double[] ratios() {
            double[] r = new double[Math.min(kit.size(), torch.size())];
            for (int i = 0; i < r.length; i++) {
                r[i] = kit.get(i).wall() / torch.get(i).wall();
            }
            return r;
        }

        /** kit / PyTorch of each pair, per second of CPU time. */
        double[] cpuRatios() {
            double[] r = new double[Math.min(kit.size(), torch.size())];
            for (int i = 0; i < r.length; i++) {
                r[i] = kit.get(i).cpu() / torch.get(i).cpu();
            }
            return r;
        }
    }

    @Override
    public void run() {
        for (String r : rows) {
            if (!ROWS.containsKey(r)) {
                throw new UsageException("--rows takes a comma-separated list of " + ROWS.keySet()
                        + ", not '" + r + "'");
            }
        }
        positive("--train-steps", steps);
        positive("--pairs", pairs);
        positive("--new-tokens", newTokens);
        if (newTokens + 1 > KitBench.STANFORD.blockSize()) {
            throw new UsageException("--new-tokens must leave the prompt room in the context of "
                    + KitBench.STANFORD.blockSize() + ": at most " + (KitBench.STANFORD.blockSize() - 1));
        }
        Path implementation = implementation();
        ThisJvm.Blas blas = ThisJvm.Blas.forThisMachine();
        Machine machine = Machine.describe(blas);
        String torchPython = noTorch ? null : TorchBench.findPython(python);
        double loadBefore = loadAverage();
        System.out.println("bench on " + machine.summary() + "; Java " + Runtime.version());
        String advice = machine.blasAdvice();
        if (advice != null) {
            System.out.println(advice);
        }
        System.out.printf(Locale.ROOT, "%d timed rounds per side after a warm-up%s; training %d steps a round,"
                + " sampling %d new tokens after a 1-token prompt; %s on both sides; load average %.1f%n", pairs,
                torchPython == null ? "" : ", kit and PyTorch in turn", steps, newTokens, dtype, loadBefore);
        if (implementation != null) {
            System.out.println("the kit's side runs the classes in " + implementation + " (" + target + ")");
        }
        System.out.println(torchPython == null ? "PyTorch: not found (no --python, and neither python3 nor"
                + " /usr/bin/python3 imports torch): the kit's side only" : "PyTorch: " + torchPython
                + ", one thread");

        List<RowResult> results = new ArrayList<>();
        TorchBench.Info torch = null;
        try {
            Path script = torchPython == null ? null : TorchBench.script();
            for (String r : rows) {
                System.out.println("  " + r + " …");
                RowResult result = measure(r, blas, implementation, torchPython, script);
                results.add(result);
                if (result.paired() && torch == null) {
                    torch = torchInfo;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        if (torch != null) {
            System.out.println("PyTorch " + torch.version() + "'s BLAS: " + torch.blas());
            if (!torch.fastBlas()) {
                System.out.println("note: PyTorch multiplies with the reference BLAS, not OpenBLAS, so its figures are"
                        + " far below its speed; on Debian: apt-get install libopenblas0-pthread");
            }
        }
        double loadAfter = loadAverage();
        System.out.println();
        System.out.print(table(results));
        System.out.printf(Locale.ROOT, "load average: %.1f before, %.1f after, on %d cores%n", loadBefore, loadAfter,
                machine.cores());
        String json = json(machine, steps, pairs, newTokens, dtype, target, results, torch, loadBefore, loadAfter);
        append(jsonFile, json);
        System.out.println("appended to " + jsonFile);
    }

    private TorchBench.Info torchInfo;

    /** One row: both sides warmed up, then {@code pairs} rounds each, in turn. */
    private RowResult measure(String row, ThisJvm.Blas blas, Path implementation, String torchPython, Path script)
            throws IOException {
        List<KitBench.Rate> kit = new ArrayList<>(), torch = new ArrayList<>();
        long torchPeak = -1;
        String breakdown = null;
        try (RowProcess k = RowProcess.start("the kit's " + row + " row", ThisJvm.process(KitBench.class,
                KitBench.arguments(row, steps, newTokens, dtype), blas, implementation))) {
            RowProcess t = null;
            try {
                if (torchPython != null) {
                    try {
                        t = RowProcess.start("PyTorch's " + row + " row", TorchBench.serving(torchPython, script, row,
                                steps, newTokens, dtype, blas.kernel()));
                        torchInfo = TorchBench.parse(t.readyLine());
                    } catch (IOException e) {
                        System.out.println("PyTorch's side failed, so the kit's is shown alone: " + e.getMessage());
                        t = null;
                    }
                }
                for (int i = 0; i < pairs; i++) {
                    kit.add(k.round());
                    if (t != null) {
                        torch.add(t.round());
                    }
                }
                if (t != null) {
                    torchPeak = t.peak();
                }
            } finally {
                if (t != null) {
                    t.close();
                }
            }
            long kitPeak = k.peak();
            if (row.equals("train")) {
                breakdown = k.ask("breakdown");
            }
            return new RowResult(row, kit, torch, kitPeak, torchPeak, breakdown);
        }
    }

    /** The directory of the kit's classes to time, or null for the reference on the class path. */
    private Path implementation() {
        if (classes != null && !target.equals("reference")) {
            throw new UsageException("give --classes or --target, not both");
        }
        if (classes != null) {
            if (!Files.isDirectory(classes.resolve("hw"))) {
                throw new UsageException("--classes " + classes + ": no hw/ directory of compiled classes there");
            }
            return classes.toAbsolutePath();
        }
        return switch (target) {
            case "reference" -> null;
            case "filled-skeleton" -> FilledSkeleton.build(Path.of("skeleton"), Path.of("reference"),
                    Path.of("bench", "target", "filled-skeleton"));
            default -> throw new UsageException("--target is reference or filled-skeleton, not '" + target + "'");
        };
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void positive(String option, int value) {
        if (value <= 0) {
            throw new UsageException(option + " must be positive, got " + value);
        }
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The table: median tokens/s of each side, the pairs' ratios (median, min–max), and each side's peak RSS. */
    static String table(List<RowResult> results) {
        StringBuilder s = new StringBuilder();
        for (RowResult r : results) {
            s.append(String.format(Locale.ROOT, "%-7s %s%n", r.row(), ROWS.get(r.row())));
        }
        s.append(String.format(Locale.ROOT, "%n%-7s %11s %11s %7s %15s %9s %11s%n", "row", "kit tok/s",
                "torch tok/s", "ratio", "min–max", "cpu ratio", "peak RSS"));
        Map<String, RowResult> byRow = new LinkedHashMap<>();
        for (RowResult r : results) {
            byRow.put(r.row(), r);
            double[] ratios = r.ratios();
            s.append(String.format(Locale.ROOT, "%-7s %11s %11s %7s %15s %9s %11s%n", r.row(), rate(r.kitMedian()),
                    r.paired() ? rate(r.torchMedian()) : "—", r.paired() ? ratio(median(ratios)) : "—",
                    r.paired() ? ratio(Arrays.stream(ratios).min().orElse(Double.NaN)) + "–"
                            + ratio(Arrays.stream(ratios).max().orElse(Double.NaN)) : "—",
                    r.paired() ? ratio(median(r.cpuRatios())) : "—",
                    mib(r.kitPeak()) + (r.paired() ? " / " + mib(r.torchPeak()) : "")));
        }
        if (byRow.containsKey("naive") && byRow.containsKey("cached")) {
            RowResult n = byRow.get("naive"), c = byRow.get("cached");
            s.append(String.format(Locale.ROOT, "%-12s kit %s, PyTorch %s%n", "cached/naive",
                    ratio(c.kitMedian() / n.kitMedian()), n.paired() && c.paired()
                            ? ratio(c.torchMedian() / n.torchMedian()) : "—"));
        }
        s.append("(tok/s: medians per second of wall-clock time; ratio: kit / PyTorch, the median of the pairs'"
                + " ratios, with their min–max; cpu ratio: the same per second of each process's CPU time; peak RSS:"
                + " kit / PyTorch, in MiB)\n");
        for (RowResult r : results) {
            if (r.breakdown() != null) {
                s.append("kit, ").append(r.breakdown()).append('\n');
            }
        }
        return s.toString();
    }

    private static String rate(double r) {
        return Double.isNaN(r) ? "—" : r >= 100 ? String.format(Locale.ROOT, "%,.0f", r)
                : String.format(Locale.ROOT, "%.1f", r);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "?" : String.valueOf(bytes >> 20);
    }

    static String json(Machine machine, int steps, int pairs, int newTokens, String dtype, String target,
            List<RowResult> results, TorchBench.Info torch, double loadBefore, double loadAfter) {
        JsonObject o = new JsonObject();
        o.addProperty("time", Instant.now().toString());
        JsonObject m = new JsonObject();
        m.addProperty("cores", machine.cores());
        m.addProperty("cpu", machine.cpu());
        m.addProperty("openblas_core", machine.blasCore());
        m.addProperty("omp_num_threads", machine.blasThreads());
        m.addProperty("openblas_library", machine.blasLibrary());
        m.addProperty("openblas_core_chosen_by", machine.chooser().isEmpty() ? null : machine.chooser());
        m.addProperty("java", Runtime.version().toString());
        m.addProperty("load_average_before", loadBefore);
        m.addProperty("load_average_after", loadAfter);
        m.addProperty("torch", torch == null ? null : torch.version());
        m.addProperty("torch_blas", torch == null ? null : torch.blas());
        o.add("machine", m);
        o.addProperty("train_steps", steps);
        o.addProperty("pairs", pairs);
        o.addProperty("new_tokens", newTokens);
        o.addProperty("dtype", dtype);
        o.addProperty("target", target);
        JsonArray out = new JsonArray();
        for (RowResult r : results) {
            JsonObject j = new JsonObject();
            j.addProperty("row", r.row());
            j.addProperty("work", ROWS.get(r.row()));
            j.add("kit_tokens_per_s", rates(r.kit(), false));
            j.add("kit_cpu_tokens_per_s", rates(r.kit(), true));
            j.addProperty("kit_peak_rss", r.kitPeak());
            if (r.paired()) {
                j.add("torch_tokens_per_s", rates(r.torch(), false));
                j.add("torch_cpu_tokens_per_s", rates(r.torch(), true));
                j.addProperty("torch_peak_rss", r.torchPeak());
                double[] ratios = r.ratios();
                j.addProperty("ratio_median", median(ratios));
                j.addProperty("ratio_min", Arrays.stream(ratios).min().orElse(Double.NaN));
                j.addProperty("ratio_max", Arrays.stream(ratios).max().orElse(Double.NaN));
                j.addProperty("cpu_ratio_median", median(r.cpuRatios()));
            }
            if (r.breakdown() != null) {
                j.addProperty("step_breakdown", r.breakdown());
            }
            out.add(j);
        }
        o.add("rows", out);
        return new Gson().toJson(o);
    }

    private static JsonArray rates(List<KitBench.Rate> rates, boolean cpu) {
        JsonArray a = new JsonArray();
        rates.forEach(r -> a.add(cpu ? r.cpu() : r.wall()));
        return a;
    }

    private static void append(Path file, String line) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
