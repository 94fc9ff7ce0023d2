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

        /** The choice on this machine: looks at ldconfig's libraries, the CPU, the environment and OpenBLAS's pick. */
        static Blas forThisMachine() {
            BlasLibrary.SystemOpenBlas library = BlasLibrary.forChildJvms();
            return new Blas(library, BlasKernel.forChildJvms(library));
        }
    }

    /**
     * A process running {@code mainClass} with {@code args} in a JVM like this one, on {@code blas}; with
     * {@code implementation} (a directory of compiled hw classes, or null), those classes in place of the
     * reference's.
     */
    static ProcessBuilder process(Class<?> mainClass, List<String> args, Blas blas, Path implementation) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(BlasLibrary.jvmOptions(blas.library()));
        cmd.addAll(List.of("-cp", classPath(System.getProperty("java.class.path"), implementation),
                mainClass.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (blas.kernel() != null) {
            pb.environment().put(BlasKernel.CORETYPE, blas.kernel());
        }
        return pb;
    }

    /** {@code classPath} with the reference's entry (its jar or classes) replaced by {@code implementation}. */
    static String classPath(String classPath, Path implementation) {
        if (implementation == null) {
            return classPath;
        }
        List<String> out = new ArrayList<>();
        boolean replaced = false;
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            boolean reference = p.getFileName() != null && (p.getFileName().toString().startsWith("reference-")
                    && p.getFileName().toString().endsWith(".jar") || p.endsWith(Path.of("reference", "target",
                    "classes")));
            if (reference) {
                out.add(implementation.toString());
                replaced = true;
            } else {
                out.add(entry);
            }
        }
        if (!replaced) {
            throw new IllegalStateException("the reference is not on the class path, so it cannot be replaced by "
                    + implementation);
        }
        return String.join(java.io.File.pathSeparator, out);
    }
}
