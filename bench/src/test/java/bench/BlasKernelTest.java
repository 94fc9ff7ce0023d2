package bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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
    void theRowsJvmsHaveTheKernelInTheirEnvironment() throws Exception {
        assertThat(exitOf(new ThisJvm.Blas(null, "SkylakeX"), "SkylakeX")).isEqualTo(42);
        assertThat(exitOf(new ThisJvm.Blas(null, "Haswell"), "SkylakeX")).isEqualTo(1);
        assertThat(exitOf(ThisJvm.Blas.UNCHANGED, String.valueOf(System.getenv("OPENBLAS_CORETYPE"))))
                .as("no kernel chosen: the environment is this JVM's").isEqualTo(42);
    }

    private static int exitOf(ThisJvm.Blas blas, String expected) throws Exception {
        Process p = ThisJvm.process(EchoKernel.class, List.of(expected), blas, null).inheritIO().start();
        return p.waitFor();
    }

    /** Exits 42 when OPENBLAS_CORETYPE is the argument ("null": not set), else 1. */
    static final class EchoKernel {
        public static void main(String[] args) {
            System.exit(args[0].equals(String.valueOf(System.getenv("OPENBLAS_CORETYPE"))) ? 42 : 1);
        }
    }
}
