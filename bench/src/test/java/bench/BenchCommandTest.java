package bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench's reporting (the measurements themselves are the benchmark's job, not a unit test's). */
class BenchCommandTest {
    private static final Machine MACHINE = new Machine(2, "Some CPU", "SkylakeX", "1", "OpenBLAS 0.3.19, ND4J's own",
            "");

    private static Map<String, KitBench.Rate> kit() {
        Map<String, KitBench.Rate> kit = new LinkedHashMap<>();
        kit.put("naive", new KitBench.Rate(10, 12, 600L << 20));
        kit.put("cached", new KitBench.Rate(80, 90, 500L << 20));
        return kit;
    }

    @Test
    void readsTheTorchScriptsLine() throws IOException {
        TorchBench.Result r = TorchBench.parse("{\"torch\": \"1.13.0\", \"dtype\": \"float32\", \"rows\": {\"naive\":"
                + " {\"tokens_per_s\": 20.5, \"cpu_tokens_per_s\": 21.0, \"peak_rss\": 314572800}}}");
        assertThat(r.version()).isEqualTo("1.13.0");
        assertThat(r.blas()).as("an older script's line has no BLAS").isEqualTo("unknown");
        TorchBench.Result slow = TorchBench.parse("{\"torch\": \"1.13.0\", \"blas\":"
                + " \"/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0\", \"rows\": {}}");
        assertThat(slow.fastBlas()).as("the reference BLAS is flagged").isFalse();
        assertThat(TorchBench.parse("{\"torch\": \"2.1\", \"blas\": \"/usr/lib/libopenblasp-r0.3.21.so\","
                + " \"rows\": {}}").fastBlas()).isTrue();
        assertThat(r.rows().get("naive")).isEqualTo(new KitBench.Rate(20.5, 21.0, 300L << 20));
        assertThatThrownBy(() -> TorchBench.parse("Traceback (most recent call last):"))
                .isInstanceOf(IOException.class).hasMessageContaining("JSON");
    }

    @Test
    void theTableShowsRatiosWhenTorchRanAndDashesWhenNot() {
        TorchBench.Result torch = new TorchBench.Result("1.13", "libopenblas.so.0",
                Map.of("naive", new KitBench.Rate(20, 24, 300L << 20),
                        "cached", new KitBench.Rate(100, 120, 300L << 20)));
        String with = BenchCommand.table(kit(), torch);
        assertThat(with).contains("0.50×").contains("0.80×").contains("600 / 300").contains("8.00×").contains("5.00×");
        String without = BenchCommand.table(kit(), null);
        assertThat(without).contains("—").doesNotContain("0.50×").contains("600");
    }

    @Test
    void theJsonLineHasTheMachineAndEveryRow() {
        String line = BenchCommand.json(MACHINE, List.of("naive", "cached"), 20, 3, 255, "float32", kit(), null,
                1.5);
        assertThat(line).doesNotContain("\n");
        JsonObject o = new Gson().fromJson(line, JsonObject.class);
        assertThat(o.getAsJsonObject("machine").get("openblas_core").getAsString()).isEqualTo("SkylakeX");
        assertThat(o.getAsJsonObject("machine").get("cores").getAsInt()).isEqualTo(2);
        assertThat(o.getAsJsonObject("machine").get("openblas_library").getAsString()).contains("0.3.19");
        assertThat(o.get("dtype").getAsString()).isEqualTo("float32");
        assertThat(o.getAsJsonArray("rows")).hasSize(2);
        assertThat(o.getAsJsonArray("rows").get(1).getAsJsonObject().get("kit_tokens_per_s").getAsDouble())
                .isEqualTo(80.0);
    }

    @Test
    void badOptionsAreOneLineUsageErrors() {
        assertThat(bench("--rows", "train,fast").err()).contains("fast");
        assertThat(bench("--new-tokens", "300").err()).contains("at most 255");
        assertThat(bench("--repeat", "0").err()).contains("--repeat must be positive");
        assertThat(bench("--dtype", "int8").err()).contains("--dtype: must be float32 or float64");
        assertThat(bench("--reapet", "2").err()).contains("unknown option --reapet", "--repeat");
        assertThat(bench("bleu", "0").err()).contains("from 1 to 200,000,000");
        assertThat(bench("bleu", "lots").err()).contains("TOKENS", "whole number");
        for (String[] args : new String[][] {{"--rows", "train,fast"}, {"--repeat", "x"}, {"bleu", "0"}}) {
            Ran r = bench(args);
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        }
        Ran help = bench("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--rows", "--no-torch", "bleu");
        assertThat(bench("bleu", "--help").out()).contains("TOKENS");
    }

    @Test
    void theJsonLineSaysWhoChoseTheKernel() {
        Machine chosen = new Machine(2, "Some CPU", "SkylakeX", "1", "OpenBLAS 0.3.19, ND4J's own",
                "chosen by the bench");
        JsonObject o = new Gson().fromJson(BenchCommand.json(chosen, List.of(), 20, 3, 255, "float32", kit(), null,
                0.5), JsonObject.class);
        assertThat(o.getAsJsonObject("machine").get("openblas_core_chosen_by").getAsString())
                .isEqualTo("chosen by the bench");
        assertThat(chosen.summary()).contains("SkylakeX (chosen by the bench)");
        assertThat(chosen.blasAdvice()).as("no hint when the kernel was named").isNull();
    }

    private record Ran(int status, String out, String err) {
    }

    private static Ran bench(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Bench.run(args);
            return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aCpuOnAnOlderOpenBlasKernelGetsTheHint() {
        java.util.Set<String> avx512 = java.util.Set.of("avx2", "fma", "avx512f", "avx512dq", "avx512cd", "avx512bw",
                "avx512vl");
        java.util.Set<String> avx2 = java.util.Set.of("avx2", "fma");
        assertThat(Machine.blasAdvice("Barcelona", avx512, null)).contains("OPENBLAS_CORETYPE=SkylakeX");
        assertThat(Machine.blasAdvice("Haswell", avx512, null)).contains("OPENBLAS_CORETYPE=SkylakeX");
        assertThat(Machine.blasAdvice("Barcelona", avx2, null)).contains("OPENBLAS_CORETYPE=Haswell");
        assertThat(Machine.blasAdvice("Cooperlake", avx512, null)).as("already an AVX-512 kernel").isNull();
        assertThat(Machine.blasAdvice("Zen", avx2, null)).as("already an AVX2 kernel").isNull();
        assertThat(Machine.blasAdvice("Prescott", java.util.Set.of("sse3"), null)).as("nothing better").isNull();
        assertThat(Machine.blasAdvice("Barcelona", avx512, "Barcelona")).as("OPENBLAS_CORETYPE chose it").isNull();
    }
}
