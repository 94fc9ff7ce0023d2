package hw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlasKernelTest {
    private static final Set<String> AVX512 = Set.of("avx2", "fma", "avx512f", "avx512dq", "avx512cd", "avx512bw",
            "avx512vl");
    private static final Set<String> AVX2 = Set.of("avx2", "fma");

    @Test
    void anAmdCpuWithAvx512GetsSkylakeXUnlessTheUserNamedAKernel() {
        assertThat(BlasKernel.preferred("AuthenticAMD", AVX512, Map.of())).isEqualTo("SkylakeX");
        assertThat(BlasKernel.preferred("AuthenticAMD", AVX512, Map.of("OPENBLAS_CORETYPE", "Zen")))
                .as("the user's choice is kept").isNull();
        assertThat(BlasKernel.preferred("AuthenticAMD", AVX2, Map.of())).as("no AVX-512: OpenBLAS's Zen fits").isNull();
        assertThat(BlasKernel.preferred("GenuineIntel", AVX512, Map.of())).as("0.3.19 knows Intel's").isNull();
        assertThat(BlasKernel.preferred(null, Set.of(), Map.of())).as("not Linux: nothing to read").isNull();
    }

    @Test
    void theSecondJvmHasTheKernelInItsEnvironmentAndItsStatusIsReturned() {
        OptionalInt status = BlasKernel.runWith("SkylakeX", EchoKernel.class, new String[] {"SkylakeX"});
        assertThat(status).hasValue(42);
        assertThat(BlasKernel.runWith("Haswell", EchoKernel.class, new String[] {"SkylakeX"})).hasValue(1);
    }

    /** Exits 42 when OPENBLAS_CORETYPE and the kit's marker both name the kernel given as the argument, else 1. */
    static final class EchoKernel {
        public static void main(String[] args) {
            boolean set = args[0].equals(System.getenv("OPENBLAS_CORETYPE"))
                    && args[0].equals(System.getenv(BlasKernel.CHOSEN_BY_KIT));
            System.exit(set ? 42 : 1);
        }
    }
}
