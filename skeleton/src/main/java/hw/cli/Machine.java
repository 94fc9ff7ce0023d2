package hw.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 */
record Machine(int cores, String cpu, String blasCore, String blasThreads) {

    static Machine describe() {
        String threads = System.getenv("OMP_NUM_THREADS");
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), probeBlasCore(),
                threads == null ? "unset" : threads);
    }

    /** One line for the benchmark's header. */
    String summary() {
        return cores + " cores, " + cpu + ", OpenBLAS core " + blasCore + ", OMP_NUM_THREADS " + blasThreads;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    /**
     * OpenBLAS says which kernel it picked only when it loads with OPENBLAS_VERBOSE=2, and only on standard
     * output, which Java cannot read from inside: so a short child JVM loads ND4J that way and we read its
     * output. OPENBLAS_CORETYPE, when set, forces the kernel (in the child too).
     */
    private static String probeBlasCore() {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoadNd4j.class.getName()));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
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
