package bench;

import java.util.Map;
import java.util.Set;

/**
 * Picks OpenBLAS's kernel for a CPU that ND4J's OpenBLAS (0.3.19) does not know, for the bench's child JVMs.
 *
 * <p>OpenBLAS chooses its kernel once, when it loads, from the CPU's family, and reads {@code OPENBLAS_CORETYPE}
 * to override that. Version 0.3.19 predates AMD's AVX-512 CPUs (Zen 4, Zen 5): it gives them its AVX2 "Zen" or
 * its SSE "Barcelona" kernel, where the "SkylakeX" kernel fits (newer OpenBLAS releases, such as the 0.3.21
 * PyTorch uses on Debian, pick an AVX-512 kernel there themselves). Measured on a 2-core EPYC (Zen 4): SkylakeX's
 * products are 10–15% faster and its batched attention products 35%, and the kit trains 3–14% faster (paired runs).
 *
 * <p>The variable must be in the environment when the library loads, which a running JVM cannot change, so it is
 * set in the environment of the JVMs the bench starts for its rows ({@link ThisJvm}); the bench's own JVM does not
 * multiply. A user's own {@code OPENBLAS_CORETYPE} is always kept: setting it (to any kernel, e.g. {@code Zen})
 * turns this off. The homework's command line never chooses: it runs on OpenBLAS's own choice or the user's.
 */
final class BlasKernel {
    static final String CORETYPE = "OPENBLAS_CORETYPE";

    private BlasKernel() {
    }

    /**
     * The kernel for the child JVMs on this machine, or null to leave OpenBLAS's (or the user's) choice: besides
     * {@link #preferred}, a fitting kernel whenever OpenBLAS, loaded from {@code library} (null: ND4J's), picks one
     * older than the CPU (0.3.19 and 0.3.21 both take an Intel Xeon of family 6, model 207, for a "Prescott", an SSE3
     * kernel of 2004: training ran 3.4× slower on PyTorch's side than with SkylakeX, 11,054 against 3,270 tokens/s).
     */
    static String forChildJvms(BlasLibrary.SystemOpenBlas library) {
        String preferred = preferred(Machine.cpuInfo("vendor_id"), Machine.cpuFlags(), System.getenv());
        if (preferred != null || System.getenv().containsKey(CORETYPE)) {
            return preferred;
        }
        return Machine.betterKernel(Machine.probeBlasCore(new ThisJvm.Blas(library, null)), Machine.cpuFlags());
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
}
