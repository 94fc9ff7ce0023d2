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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: the kit's training and sampling speed next to PyTorch's on the same work ({@link KitBench},
 * torch_bench.py), with the machine it ran on, as a table and as one JSON line appended to a file. Each row runs in
 * a JVM of its own, on the OpenBLAS library and kernel chosen for this machine ({@link ThisJvm.Blas}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = CommandLines.Version.class,
        description = {"The kit's speed next to PyTorch's on the same work, one thread each.", "",
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
    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "timed rounds per row, after a warm-up; the best counts (default ${DEFAULT-VALUE})")
    private int repeat;
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
    @Option(names = "--json", paramLabel = "FILE", defaultValue = "runs/bench.jsonl",
            description = "append the results as one JSON line (default ${DEFAULT-VALUE})")
    private Path jsonFile;

    @Override
    public void run() {
        for (String r : rows) {
            if (!ROWS.containsKey(r)) {
                throw new UsageException("--rows takes a comma-separated list of " + ROWS.keySet()
                        + ", not '" + r + "'");
            }
        }
        positive("--train-steps", steps);
        positive("--repeat", repeat);
        positive("--new-tokens", newTokens);
        if (newTokens + 1 > KitBench.STANFORD.blockSize()) {
            throw new UsageException("--new-tokens must leave the prompt room in the context of "
                    + KitBench.STANFORD.blockSize() + ": at most " + (KitBench.STANFORD.blockSize() - 1));
        }
        ThisJvm.Blas blas = ThisJvm.Blas.forThisMachine();
        Machine machine = Machine.describe(blas);
        String torchPython = noTorch ? null : TorchBench.findPython(python);
        System.out.println("bench on " + machine.summary() + "; Java " + Runtime.version());
        String advice = machine.blasAdvice();
        if (advice != null) {
            System.out.println(advice);
        }
        System.out.println("the best of " + repeat + " timed rounds after a warm-up; training " + steps
                + " steps a round, sampling " + newTokens + " new tokens after a 1-token prompt; " + dtype
                + " on both sides");
        System.out.println(torchPython == null ? "PyTorch: not found (no --python, and neither python3 nor"
                + " /usr/bin/python3 imports torch): the kit's side only" : "PyTorch: " + torchPython
                + ", one thread");

        Map<String, KitBench.Rate> kit = new LinkedHashMap<>();
        TorchBench.Result torch = null;
        try {
            for (String r : rows) {
                System.out.println("  kit: " + r + " …");
                kit.put(r, KitBench.inChildJvm(r, steps, repeat, newTokens, dtype, blas));
            }
            if (torchPython != null) {
                try {
                    torch = TorchBench.run(torchPython, rows, steps, repeat, newTokens, dtype, blas.kernel());
                } catch (IOException e) {
                    System.out.println("PyTorch's side failed, so the kit's is shown alone: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bench: interrupted", e);
        }
        if (torch != null) {
            System.out.println("PyTorch's BLAS: " + torch.blas());
            if (!torch.fastBlas()) {
                System.out.println("note: PyTorch multiplies with the reference BLAS, not OpenBLAS, so its figures are"
                        + " far below its speed; on Debian: apt-get install libopenblas0-pthread");
            }
        }
        System.out.println();
        System.out.print(table(kit, torch));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (load > machine.cores()) {
            System.out.printf(Locale.ROOT, "note: the load average was %.1f on %d cores; other processes slowed"
                    + " the wall-clock rates: the CPU-time rates are the steadier comparison%n", load,
                    machine.cores());
        }
        String json = json(machine, rows, steps, repeat, newTokens, dtype, kit, torch, load);
        append(jsonFile, json);
        System.out.println("appended to " + jsonFile + ":");
        System.out.println(json);
    }

    private static void positive(String option, int value) {
        if (value <= 0) {
            throw new UsageException(option + " must be positive, got " + value);
        }
    }

    /** The table: tokens/s of wall-clock and of CPU time, PyTorch's, their ratio, and each side's peak RSS. */
    static String table(Map<String, KitBench.Rate> kit, TorchBench.Result torch) {
        StringBuilder s = new StringBuilder();
        ROWS.forEach((id, label) -> {
            if (kit.containsKey(id)) {
                s.append(String.format(Locale.ROOT, "%-7s %s%n", id, label));
            }
        });
        s.append(String.format(Locale.ROOT, "%n%-7s %12s %12s %7s %11s %11s %8s %13s%n", "row", "kit tok/s",
                "torch tok/s", "ratio", "kit cpu", "torch cpu", "ratio", "peak RSS"));
        kit.forEach((id, k) -> {
            KitBench.Rate t = torch == null ? null : torch.rows().get(id);
            s.append(String.format(Locale.ROOT, "%-7s %12s %12s %7s %11s %11s %8s %13s%n", id, rate(k.wall()),
                    t == null ? "—" : rate(t.wall()), t == null ? "—" : ratio(k.wall() / t.wall()), rate(k.cpu()),
                    t == null ? "—" : rate(t.cpu()), t == null ? "—" : ratio(k.cpu() / t.cpu()),
                    mib(k.peakBytes()) + (t == null ? "" : " / " + mib(t.peakBytes()))));
        });
        if (kit.containsKey("naive") && kit.containsKey("cached")) {
            KitBench.Rate tn = torch == null ? null : torch.rows().get("naive");
            KitBench.Rate tc = torch == null ? null : torch.rows().get("cached");
            s.append(String.format(Locale.ROOT, "%-7s %12s %12s%n", "cached/naive",
                    ratio(kit.get("cached").wall() / kit.get("naive").wall()),
                    tn == null || tc == null ? "—" : ratio(tc.wall() / tn.wall())));
        }
        s.append("(tok/s: per second of wall-clock time; cpu: per second of the process's CPU time; ratio: kit /"
                + " PyTorch; peak RSS: kit / PyTorch, in MiB)\n");
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

    static String json(Machine machine, List<String> rows, int steps, int repeat, int newTokens, String dtype,
            Map<String, KitBench.Rate> kit, TorchBench.Result torch, double load) {
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
        m.addProperty("load_average", load);
        m.addProperty("torch", torch == null ? null : torch.version());
        m.addProperty("torch_blas", torch == null ? null : torch.blas());
        o.add("machine", m);
        o.addProperty("train_steps", steps);
        o.addProperty("repeat", repeat);
        o.addProperty("new_tokens", newTokens);
        o.addProperty("dtype", dtype);
        JsonArray out = new JsonArray();
        for (String id : rows) {
            KitBench.Rate k = kit.get(id);
            KitBench.Rate t = torch == null ? null : torch.rows().get(id);
            JsonObject r = new JsonObject();
            r.addProperty("row", id);
            r.addProperty("work", ROWS.get(id));
            r.addProperty("kit_tokens_per_s", k.wall());
            r.addProperty("kit_cpu_tokens_per_s", k.cpu());
            r.addProperty("kit_peak_rss", k.peakBytes());
            r.addProperty("torch_tokens_per_s", t == null ? null : t.wall());
            r.addProperty("torch_cpu_tokens_per_s", t == null ? null : t.cpu());
            r.addProperty("torch_peak_rss", t == null ? null : t.peakBytes());
            r.addProperty("ratio", t == null ? null : k.wall() / t.wall());
            r.addProperty("cpu_ratio", t == null ? null : k.cpu() / t.cpu());
            out.add(r);
        }
        o.add("rows", out);
        return new Gson().toJson(o);
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
