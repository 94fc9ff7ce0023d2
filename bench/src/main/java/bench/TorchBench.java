package bench;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch side of {@code bench}: runs torch_bench.py (a resource beside this class) with a Python that has
 * torch, and reads the one JSON line it prints. Torch is optional: without it the benchmark reports the kit's
 * side alone. On Debian, {@code apt-get install python3-torch libopenblas0-pthread} provides it for
 * {@code /usr/bin/python3} (without OpenBLAS, torch multiplies with the reference BLAS, 25× slower).
 */
final class TorchBench {
    private static final String SCRIPT = "torch_bench.py";

    /**
     * What the script measured: torch's version, the BLAS library it multiplies with, and, per row, the best
     * tokens/s and the peak RSS.
     */
    record Result(String version, String blas, Map<String, KitBench.Rate> rows) {
        /** False when torch runs on the reference BLAS (Debian's default without OpenBLAS): far below its speed. */
        boolean fastBlas() {
            String b = blas.toLowerCase(java.util.Locale.ROOT);
            return b.contains("openblas") || b.contains("mkl") || b.contains("blis") || b.contains("unknown");
        }
    }

    private TorchBench() {
    }

    /** The first of the candidates (or the given command) whose Python imports torch; null when none does. */
    static String findPython(String given) {
        List<String> candidates = given != null ? List.of(given) : List.of("python3", "/usr/bin/python3");
        for (String python : candidates) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // no such program: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /**
     * Runs the script once per row, as the kit runs each row in a fresh JVM (so each peak RSS is that row's), and
     * returns what it measured. {@code kernel}: the OpenBLAS kernel the kit's rows were given, or null.
     */
    static Result run(String python, List<String> rows, int trainSteps, int repeat, int newTokens, String dtype,
            String kernel) throws IOException, InterruptedException {
        Path script = Files.createTempFile("torch_bench", ".py");
        try {
            try (InputStream in = TorchBench.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IOException(SCRIPT + " is missing from the class path (rebuild the kit)");
                }
                Files.write(script, in.readAllBytes());
            }
            String version = null, blas = "unknown";
            Map<String, KitBench.Rate> measured = new LinkedHashMap<>();
            for (String row : rows) {
                System.out.println("  PyTorch: " + row + " …");
                List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--rows", row,
                        "--train-steps", String.valueOf(trainSteps), "--repeat", String.valueOf(repeat),
                        "--new-tokens", String.valueOf(newTokens), "--dtype", dtype));
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
                pb.environment().put("OMP_NUM_THREADS", "1"); // one thread, as the kit
                if (kernel != null) {
                    pb.environment().put(BlasKernel.CORETYPE, kernel); // the kernel the kit's rows run
                }
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (p.waitFor() != 0) {
                    throw new IOException(SCRIPT + " failed (exit " + p.exitValue() + "): " + out);
                }
                Result r = parse(out.substring(out.lastIndexOf('\n') + 1));
                version = r.version();
                blas = r.blas();
                measured.putAll(r.rows());
            }
            return new Result(version, blas, measured);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static Result parse(String line) throws IOException {
        try {
            JsonObject o = new Gson().fromJson(line, JsonObject.class);
            Map<String, KitBench.Rate> rows = new LinkedHashMap<>();
            for (Map.Entry<String, com.google.gson.JsonElement> e : o.getAsJsonObject("rows").entrySet()) {
                JsonObject r = e.getValue().getAsJsonObject();
                rows.put(e.getKey(), new KitBench.Rate(r.get("tokens_per_s").getAsDouble(),
                        r.get("cpu_tokens_per_s").getAsDouble(), r.get("peak_rss").getAsLong()));
            }
            return new Result(o.get("torch").getAsString(), o.has("blas") ? o.get("blas").getAsString() : "unknown",
                    rows);
        } catch (JsonParseException | NullPointerException | IllegalStateException | ClassCastException e) {
            throw new IOException(SCRIPT + " printed something other than its JSON line: " + line, e);
        }
    }
}
