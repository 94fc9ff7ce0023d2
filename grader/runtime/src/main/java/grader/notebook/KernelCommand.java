package grader.notebook;

import grader.course.Layout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kernel}: installs the notebooks' Java kernel for Jupyter and the class-path jars the notebooks load. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Install the notebooks' Java kernel (a Jupyter kernelspec) and the jars their set-up cells load.")
public final class KernelCommand implements Callable<Integer> {
    @Option(names = "--root", defaultValue = ".", description = "The homework's root folder (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--classpath", required = true,
            description = "The libraries the homework needs (the build's grade class path).")
    String classpath;

    @Option(names = "--kernels", description = "The Jupyter kernels folder to write the kernelspec in (default: the"
            + " user's, $JUPYTER_DATA_DIR/kernels or ~/.local/share/jupyter/kernels).")
    Path kernels;

    @Override
    public Integer call() {
        Layout layout = new Layout(root);
        KernelFiles.install(layout.root(), classpath, kernels != null ? kernels : KernelFiles.userKernels())
                .forEach(p -> System.out.println("wrote " + p));
        System.out.println("the Java kernel \"" + layout.course().name() + "\" is installed; open the notebooks"
                + " with: jupyter notebook notebooks/");
        return 0;
    }
}
