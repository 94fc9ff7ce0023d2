package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a benchmark ran on: the cores, the CPU model, the BLAS threads, and which of OpenBLAS's kernels it picked
 * for this CPU (OpenBLAS chooses one per CPU family at load time: a CPU it does not recognise gets a slower
 * generic one, which explains many "slow machine" reports). Also this process's peak resident memory.
 *
 * @param cores       processors Java sees
 * @param cpu         the CPU's model name
 * @param blasCore    OpenBLAS's kernel, e.g. SkylakeX, Haswell ("unknown" when it could not be read)
 * @param blasThreads OMP_NUM_THREADS ("unset" when not set)
 * @param blasLibrary which OpenBLAS ND4J multiplies with in the rows' JVMs ({@link BlasLibrary#describe})
 * @param chooser     who chose the kernel when OpenBLAS did not ("" when it did)
 */
record Machine(int cores, String cpu, String blasCore, String blasThreads, String blasLibrary, String chooser) {

    /** This machine, as the rows' JVMs see it on {@code blas}. */
    static Machine describe(ThisJvm.Blas blas) {
        String threads = System.getenv("OMP_NUM_THREADS");
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), probeBlasCore(blas),
                threads == null ? "unset" : threads, BlasLibrary.describe(blas.library()), kernelChooser(blas));
    }

    /** One line for the benchmark's header. */
    String summary() {
        return cores + " cores, " + cpu + ", OpenBLAS core " + blasCore + (chooser.isEmpty() ? "" : " (" + chooser
                + ")") + ", OMP_NUM_THREADS " + blasThreads + "; " + blasLibrary;
    }

    /** Who chose the kernel, when OpenBLAS did not: the bench ({@link BlasKernel}) or the user's variable. */
    private static String kernelChooser(ThisJvm.Blas blas) {
        if (blas.kernel() != null) {
            return "chosen by the bench: OpenBLAS does not know this CPU and picks an older kernel";
        }
        return System.getenv(BlasKernel.CORETYPE) != null ? "set by OPENBLAS_CORETYPE" : "";
    }

    /** The flags OpenBLAS's SkylakeX kernels need. */
    static final Set<String> AVX512 = Set.of("avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl");
    private static final Set<String> AVX512_KERNELS = Set.of("SkylakeX", "Cooperlake", "SapphireRapids");
    private static final Set<String> AVX2_KERNELS = Set.of("Haswell", "Zen");

    /**
     * A note when OpenBLAS picked a kernel older than the CPU (null otherwise, and when OPENBLAS_CORETYPE chose it).
     * OpenBLAS 0.3.19 does not know CPUs newer than itself: on an AMD Zen 5 it falls back to "Barcelona", an SSE
     * kernel from 2007 (measured: training 40% slower than with Haswell's), where SkylakeX's fits. On AMD's AVX-512
     * CPUs the bench names the kernel for its rows itself ({@link BlasKernel}), so this hint is for the others, and
     * for the homework's command line, which never chooses.
     */
    String blasAdvice() {
        return chooser.isEmpty() ? blasAdvice(blasCore, cpuFlags(), null) : null;
    }

    static String blasAdvice(String core, Set<String> cpuFlags, String forced) {
        String better = forced != null ? null : betterKernel(core, cpuFlags);
        return better == null ? null : "note: OpenBLAS picked its " + core + " kernel, older than this CPU (it does"
                + " not know it); OPENBLAS_CORETYPE=" + better + " before the command multiplies faster (on PyTorch's"
                + " side as well; never name a kernel the CPU lacks: the process crashes)";
    }

    /**
     * The kernel that fits this CPU when OpenBLAS picked an older one ({@code core}; "unknown" when it could not be
     * read): SkylakeX on AVX-512, Haswell on AVX2 with FMA; null when {@code core} already fits or nothing better
     * exists.
     */
    static String betterKernel(String core, Set<String> cpuFlags) {
        if (core.equals("unknown") || AVX512_KERNELS.contains(core)) {
            return null;
        }
        return cpuFlags.containsAll(AVX512) ? "SkylakeX"
                : cpuFlags.containsAll(Set.of("avx2", "fma")) && !AVX2_KERNELS.contains(core) ? "Haswell" : null;
    }

    static Set<String> cpuFlags() {
        String flags = cpuInfo("flags");
        return flags == null ? Set.of() : new java.util.HashSet<>(List.of(flags.split("\\s+")));
    }

    private static String cpuModel() {
        String model = cpuInfo("model name");
        return model == null ? System.getProperty("os.arch") : model;
    }

    /** The first value of a field of /proc/cpuinfo, or null (not Linux, or no such field). */
    static String cpuInfo(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith(field)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no such file
        }
        return null;
    }

    /**
     * OpenBLAS says which kernel it picked only when it loads with OPENBLAS_VERBOSE=2, and only on standard
     * output, which Java cannot read from inside: so a short child JVM on the rows' library and kernel loads ND4J
     * that way and we read its output. OPENBLAS_CORETYPE, when set, forces the kernel (in the child too).
     */
    static String probeBlasCore(ThisJvm.Blas blas) {
        try {
            ProcessBuilder pb = ThisJvm.process(LoadNd4j.class, List.of(), blas, null).redirectErrorStream(true);
            pb.environment().put("OPENBLAS_VERBOSE", "2");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("Core: (\\S+)").matcher(out);
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** The child {@link #probeBlasCore} starts: it loads ND4J (and so OpenBLAS) and multiplies two small matrices. */
    static final class LoadNd4j {
        public static void main(String[] args) {
            org.nd4j.linalg.factory.Nd4j.ones(2, 2).mmul(org.nd4j.linalg.factory.Nd4j.ones(2, 2));
        }
    }

    // ------------------------------------------------------------------------------------------ peak memory

    /** This process's peak resident memory in bytes (VmHWM), or -1 when unknown. */
    static long peakMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
