package bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVMs the bench starts, each like this one (its java, options and class path) but multiplying with the
 * OpenBLAS library and kernel the bench chose ({@link Blas}).
 */
final class ThisJvm {
    private ThisJvm() {
    }

    /**
     * What the child JVMs multiply with.
     *
     * @param library the system's OpenBLAS for them to load ({@link BlasLibrary}), or null: ND4J's own
     * @param kernel  the OpenBLAS kernel to name for them ({@link BlasKernel}), or null: OpenBLAS's own choice
     */
    record Blas(BlasLibrary.SystemOpenBlas library, String kernel) {
        /** ND4J's library on OpenBLAS's (or the user's) kernel: what every JVM outside the bench runs. */
        static final Blas UNCHANGED = new Blas(null, null);

        /** The choice on this machine: looks at ldconfig's libraries, the CPU and the environment. */
        static Blas forThisMachine() {
            return new Blas(BlasLibrary.forChildJvms(), BlasKernel.forChildJvms());
        }
    }

    /** A process running {@code mainClass} with {@code args} in a JVM like this one, on {@code blas}. */
    static ProcessBuilder process(Class<?> mainClass, List<String> args, Blas blas) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(BlasLibrary.jvmOptions(blas.library()));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (blas.kernel() != null) {
            pb.environment().put(BlasKernel.CORETYPE, blas.kernel());
        }
        return pb;
    }
}
