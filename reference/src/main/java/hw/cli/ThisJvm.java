package hw.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for a second JVM like this one, for the commands that run part of their work in one. */
final class ThisJvm {
    private ThisJvm() {
    }

    /**
     * This JVM's java, its options (heap, collector, -D…, and the OpenBLAS the kit chose: {@link BlasLibrary}) and
     * its class path, running {@code mainClass}.
     */
    static List<String> command(Class<?> mainClass) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(BlasLibrary.jvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        return cmd;
    }
}
