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

    private static List<BenchCommand.RowResult> results(boolean withTorch) {
        List<KitBench.Rate> none = List.of();
        return List.of(
                new BenchCommand.RowResult("naive", List.of(new KitBench.Rate(10, 12), new KitBench.Rate(12, 13),
                        new KitBench.Rate(8, 9)), withTorch ? List.of(new KitBench.Rate(20, 24),
                        new KitBench.Rate(20, 26), new KitBench.Rate(10, 12)) : none, 600L << 20,
                        withTorch ? 300L << 20 : -1, null),
                new BenchCommand.RowResult("cached", List.of(new KitBench.Rate(80, 90), new KitBench.Rate(80, 90),
                        new KitBench.Rate(80, 90)), withTorch ? List.of(new KitBench.Rate(100, 120),
                        new KitBench.Rate(100, 120), new KitBench.Rate(100, 120)) : none, 500L << 20,
                        withTorch ? 300L << 20 : -1, null));
    }

    @Test
    void readsTheTorchScriptsReadyLine() throws IOException {
        TorchBench.Info r = TorchBench.parse("{\"torch\": \"1.13.0\"}");
        assertThat(r.version()).isEqualTo("1.13.0");
        assertThat(r.blas()).as("a line without BLAS").isEqualTo("unknown");
        TorchBench.Info slow = TorchBench.parse("{\"torch\": \"1.13.0\", \"blas\":"
                + " \"/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0\"}");
        assertThat(slow.fastBlas()).as("the reference BLAS is flagged").isFalse();
        assertThat(TorchBench.parse("{\"torch\": \"2.1\", \"blas\": \"/usr/lib/libopenblasp-r0.3.21.so\"}")
                .fastBlas()).isTrue();
        assertThatThrownBy(() -> TorchBench.parse("Traceback (most recent call last):"))
                .isInstanceOf(IOException.class).hasMessageContaining("JSON");
    }

    @Test
    void theTableShowsThePairsMedianRatioWithItsRangeWhenTorchRanAndDashesWhenNot() {
        String with = BenchCommand.table(results(true));
        // naive pairs: 10/20, 12/20, 8/10 → median 0.60, min 0.50, max 0.80; medians 10 and 20
        assertThat(with).contains("0.60×").contains("0.50×–0.80×").contains("600 / 300").contains("0.80×")
                .contains("cached/naive").contains("kit 8.00×, PyTorch 5.00×");
        String without = BenchCommand.table(results(false));
        assertThat(without).contains("—").doesNotContain("0.60×").contains("600");
    }

    @Test
    void theJsonLineHasTheMachineAndEveryRoundOfEveryRow() {
        String line = BenchCommand.json(MACHINE, 20, 3, 255, "float32", "reference", results(true),
                new TorchBench.Info("1.13", "libopenblas"), 1.5, 2.5);
        assertThat(line).doesNotContain("\n");
        JsonObject o = new Gson().fromJson(line, JsonObject.class);
        assertThat(o.getAsJsonObject("machine").get("openblas_core").getAsString()).isEqualTo("SkylakeX");
        assertThat(o.getAsJsonObject("machine").get("cores").getAsInt()).isEqualTo(2);
        assertThat(o.getAsJsonObject("machine").get("openblas_library").getAsString()).contains("0.3.19");
        assertThat(o.getAsJsonObject("machine").get("load_average_after").getAsDouble()).isEqualTo(2.5);
        assertThat(o.get("dtype").getAsString()).isEqualTo("float32");
        assertThat(o.getAsJsonArray("rows")).hasSize(2);
        JsonObject naive = o.getAsJsonArray("rows").get(0).getAsJsonObject();
        assertThat(naive.getAsJsonArray("kit_tokens_per_s")).hasSize(3);
        assertThat(naive.get("ratio_median").getAsDouble()).isEqualTo(0.6);
        assertThat(naive.get("ratio_min").getAsDouble()).isEqualTo(0.5);
    }

    @Test
    void anotherImplementationReplacesTheReferenceOnTheClassPath() {
        String cp = String.join(java.io.File.pathSeparator, "/x/bench/target/classes",
                "/x/reference/target/reference-0.1.0-SNAPSHOT.jar", "/m2/nd4j.jar");
        assertThat(ThisJvm.classPath(cp, java.nio.file.Path.of("/y/classes")).split(java.io.File.pathSeparator))
                .containsExactly("/x/bench/target/classes", "/y/classes", "/m2/nd4j.jar");
        assertThat(ThisJvm.classPath(cp, null)).isEqualTo(cp);
    }

    @Test
    void aTodoOfTheSkeletonGetsTheReferencesAnswer() {
        String skeleton = "package a;\n\nimport java.util.List;\n\nclass A {\n    int f() {\n"
                + "        // TODO Problem 1.1 (A.f): your code here.\n"
                + "        throw new UnsupportedOperationException(\"not implemented yet: Problem 1.1 (A.f)\");\n"
                + "    }\n}\n";
        String[] filled = FilledSkeleton.fill(skeleton, Map.of("Problem 1.1 (A.f)", "        return 42;\n"));
        assertThat(filled[1]).isEqualTo("1");
        assertThat(filled[0]).contains("        return 42;\n    }").doesNotContain("TODO", "Unsupported");
        assertThat(FilledSkeleton.withImportsOf(filled[0], "package a;\nimport java.util.List;\nimport java.util.Map;\n"))
                .contains("import java.util.List;\nimport java.util.Map;\n").containsOnlyOnce("import java.util.List;");
    }

    @Test
    void badOptionsAreOneLineUsageErrors() {
        assertThat(bench("--rows", "train,fast").err()).contains("fast");
        assertThat(bench("--new-tokens", "300").err()).contains("at most 255");
        assertThat(bench("--pairs", "0").err()).contains("--pairs must be positive");
        assertThat(bench("--target", "mine").err()).contains("reference or filled-skeleton");
        assertThat(bench("--dtype", "int8").err()).contains("--dtype: must be float32 or float64");
        assertThat(bench("--paris", "2").err()).contains("unknown option --paris", "--pairs");
        assertThat(bench("bleu", "0").err()).contains("from 1 to 200,000,000");
        assertThat(bench("bleu", "lots").err()).contains("TOKENS", "whole number");
        for (String[] args : new String[][] {{"--rows", "train,fast"}, {"--pairs", "x"}, {"bleu", "0"}}) {
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
    void theSummarySaysWhoChoseTheKernel() {
        Machine chosen = new Machine(2, "Some CPU", "SkylakeX", "1", "OpenBLAS 0.3.19, ND4J's own",
                "chosen by the bench");
        JsonObject o = new Gson().fromJson(BenchCommand.json(chosen, 20, 3, 255, "float32", "reference", List.of(),
                null, 0.5, 0.5), JsonObject.class);
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
        assertThat(Machine.betterKernel("Prescott", avx512)).as("an Intel CPU newer than OpenBLAS").isEqualTo(
                "SkylakeX");
        assertThat(Machine.blasAdvice("Barcelona", avx512, "Barcelona")).as("OPENBLAS_CORETYPE chose it").isNull();
    }
}
