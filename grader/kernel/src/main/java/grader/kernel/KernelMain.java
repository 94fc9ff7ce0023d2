package grader.kernel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Starts the kernel on the connection file Jupyter passes ({@code java ... grader.kernel.KernelMain
 * {connection_file}}, the kernelspec that {@code grader kernel} writes). Every message handler is in place before
 * the first socket is bound, so a request that arrives while the kernel starts (Jupyter sends kernel_info at once)
 * waits in its socket instead of finding no handler.
 */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KernelMain CONNECTION_FILE (Jupyter starts the kernel; see grader kernel)");
            System.exit(2);
        }
        KernelConnectionProperties connection = KernelConnectionProperties.parse(
                Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        JupyterConnection jupyter = new JupyterConnection(connection);
        JavaKernel kernel = JavaKernel.create(System.getProperty("grader.kernel.name", "java"),
                Path.of("").toAbsolutePath());
        kernel.becomeHandlerForConnection(jupyter);
        jupyter.connect();
        jupyter.waitUntilClose();
        System.exit(0); // a thread a cell left running must not keep the kernel alive after shutdown
    }
}
