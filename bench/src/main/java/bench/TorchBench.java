package bench;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch side of {@code bench}: torch_bench.py (a resource beside this class) run by a Python that has torch,
 * serving one row's rounds ({@link RowProcess}). Torch is optional: without it the benchmark reports the kit's
 * side alone. On Debian, {@code apt-get install python3-torch libopenblas0-pthread} provides it for
 * {@code /usr/bin/python3} (without OpenBLAS, torch multiplies with the reference BLAS, 25× slower).
 */
final class TorchBench {
    private static final String SCRIPT = "torch_bench.py";

    /** What the script says when ready: torch's version and the BLAS library it multiplies with. */
    record Info(String version, String blas) {
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

    /** Writes the script to a temporary file (deleted when the JVM exits) and returns it. */
    static Path script() throws IOException {
        Path script = Files.createTempFile("torch_bench", ".py");
        script.toFile().deleteOnExit();
        try (InputStream in = TorchBench.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException(SCRIPT + " is missing from the class path (rebuild the kit)");
            }
            Files.write(script, in.readAllBytes());
        }
        return script;
    }

    /**
     * The process serving one row on PyTorch's side, one thread, on the OpenBLAS kernel the kit's side runs
     * ({@code kernel}, or null for OpenBLAS's own choice).
     */
    static ProcessBuilder serving(String python, Path script, String row, int trainSteps, int newTokens, String dtype,
            String kernel) {
        ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "--serve", row, "--train-steps",
                String.valueOf(trainSteps), "--new-tokens", String.valueOf(newTokens), "--dtype", dtype);
        pb.environment().put("OMP_NUM_THREADS", "1"); // one thread, as the kit
        if (kernel != null) {
            pb.environment().put(BlasKernel.CORETYPE, kernel);
        }
        return pb;
    }

    /** Reads the JSON of the script's ready line. */
    static Info parse(String json) throws IOException {
        try {
            JsonObject o = new Gson().fromJson(json, JsonObject.class);
            return new Info(o.get("torch").getAsString(), o.has("blas") ? o.get("blas").getAsString() : "unknown");
        } catch (JsonParseException | NullPointerException | IllegalStateException | ClassCastException e) {
            throw new IOException(SCRIPT + " said something other than its JSON when ready: " + json, e);
        }
    }
}
