package hw.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Picks OpenBLAS's kernel for a CPU that ND4J's OpenBLAS (0.3.19) does not know, before OpenBLAS loads.
 *
 * <p>OpenBLAS chooses its kernel once, when it loads, from the CPU's family, and reads {@code OPENBLAS_CORETYPE}
 * to override that. Version 0.3.19 predates AMD's AVX-512 CPUs (Zen 4, Zen 5): it gives them its AVX2 "Zen" or
 * its SSE "Barcelona" kernel, where the "SkylakeX" kernel fits (newer OpenBLAS releases, such as the 0.3.21
 * PyTorch uses on Debian, pick an AVX-512 kernel there themselves). Measured on a 2-core EPYC (Zen 4): SkylakeX's
 * products are 10–15% faster and its batched attention products 35%, and the kit trains 3–14% faster (paired runs).
 * The second JVM costs 0.09 s at start-up.
 *
 * <p>The variable must be in the environment when the library loads, which a running JVM cannot change, so the
 * command line's {@code main} starts itself once more with it set ({@link #relaunch}). A user's own
 * {@code OPENBLAS_CORETYPE} is always kept: setting it (to any kernel, e.g. {@code Zen}) turns this off.
 */
final class BlasKernel {
    /** Set in the relaunched JVM's environment, naming the kernel the kit chose (so a report can say who chose). */
    static final String CHOSEN_BY_KIT = "GPT_KIT_BLAS_KERNEL";
    private static final String CORETYPE = "OPENBLAS_CORETYPE";

    private BlasKernel() {
    }

    /**
     * The kernel to force for this CPU, or null to leave OpenBLAS's own choice: SkylakeX for an AMD CPU with
     * AVX-512 when the environment names no kernel. Intel's AVX-512 CPUs are left alone: 0.3.19 knows them.
     */
    static String preferred(String vendor, Set<String> cpuFlags, Map<String, String> env) {
        if (env.containsKey(CORETYPE) || !"AuthenticAMD".equals(vendor)) {
            return null;
        }
        return cpuFlags.containsAll(Machine.AVX512) ? "SkylakeX" : null;
    }

    /**
     * Runs {@code mainClass} with {@code args} in a JVM like this one (same options and class path) with
     * {@link #preferred the preferred kernel} set, and returns its exit status; empty when there is no kernel to
     * set, under a debugger, or when the JVM cannot be started: the caller then runs the command itself.
     */
    static OptionalInt relaunch(Class<?> mainClass, String[] args) {
        String kernel = preferred(Machine.cpuInfo("vendor_id"), Machine.cpuFlags(), System.getenv());
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean debugged = jvmOptions.stream()
                .anyMatch(o -> o.startsWith("-agentlib:jdwp") || o.startsWith("-Xrunjdwp"));
        // Under a debugger the command stays in the JVM being debugged (a second one could not take its port).
        return kernel == null || debugged ? OptionalInt.empty() : runWith(kernel, mainClass, args);
    }

    /** {@link #relaunch} with a given kernel. */
    static OptionalInt runWith(String kernel, Class<?> mainClass, String[] args) {
        List<String> cmd = ThisJvm.command(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put(CORETYPE, kernel);
        pb.environment().put(CHOSEN_BY_KIT, kernel);
        try {
            return OptionalInt.of(pb.start().waitFor());
        } catch (IOException e) {
            return OptionalInt.empty(); // no second JVM: run here, on OpenBLAS's own choice
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }
}
