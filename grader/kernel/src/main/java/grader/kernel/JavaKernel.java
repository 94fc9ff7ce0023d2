package grader.kernel;

import grader.notebook.jshell.CellEvaluator;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * The notebooks' Java kernel: Jupyter's messages come from jjava-jupyter, and every cell is evaluated by the
 * grader's own {@link CellEvaluator}, so a cell prints, fails and returns here exactly as it does when the notebook
 * is graded. A cell whose last snippet is an expression shows its value (an image as a picture); a cell that fails
 * shows one line saying why (a compile error with its line, or the exception and where in the cell it was thrown).
 */
public final class JavaKernel extends BaseKernel {
    private final CellEvaluator cells;
    private volatile CellEvaluator.Failure lastFailure;

    private JavaKernel(Builder b, Path folder) {
        super(b.name(), b.version(), languageInfo(), List.of(), b.history(), b.jupyterIO(), b.comms(),
                b.renderer(), null, b.magics(), false, b.errorStyler());
        this.cells = new CellEvaluator(folder);
    }

    /**
     * What the kernel tells Jupyter of its language, which Jupyter copies into a notebook's metadata on opening it:
     * the notebooks carry the same (the Java version as its feature release only), so that opening one changes
     * nothing and a student's saved notebook differs only where the student wrote.
     */
    static LanguageInfo languageInfo() {
        return new LanguageInfo("java", String.valueOf(Runtime.version().feature()), "text/x-java-source", ".jshell",
                "java", "java", null);
    }

    /** A kernel whose cells' relative paths start at {@code folder} (Jupyter starts a kernel in the notebook's). */
    public static JavaKernel create(String name, Path folder) {
        return new JavaKernel(new Builder(name), folder);
    }

    @Override
    public DisplayData eval(String code) {
        CellEvaluator.Result r = cells.eval(code);
        if (r.failure() != null) {
            lastFailure = r.failure();
            throw JavaKernel.<RuntimeException>asUnchecked(r.failure().exception());
        }
        if (!r.hasValue()) {
            return null;
        }
        DisplayData shown = new DisplayData(r.valueText() == null ? "null" : r.valueText());
        if (r.value() instanceof RenderedImage image) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            try {
                if (ImageIO.write(image, "png", png)) {
                    shown.putData("image/png", Base64.getEncoder().encodeToString(png.toByteArray()));
                }
            } catch (java.io.IOException e) {
                // the text form still shows
            }
        }
        return shown;
    }

    @Override
    public Object evalRaw(String code) {
        return eval(code);
    }

    /**
     * Throws what the cell threw, checked or not, so that Jupyter's error names the cell's own exception, as the
     * grader's record does (jjava-jupyter reports any exception that leaves {@link #eval}).
     */
    @SuppressWarnings("unchecked")
    private static <T extends Exception> T asUnchecked(Exception e) throws T {
        throw (T) e;
    }

    /** The lines under a failed cell: the evaluator's, which the grader records too. */
    @Override
    public List<String> formatError(Throwable e) {
        CellEvaluator.Failure f = lastFailure;
        return f != null && f.exception() == e ? f.traceback() : super.formatError(e);
    }

    /** Answers first, then starts JShell, so that its start never delays the kernel's first answer. */
    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        super.handleKernelInfoRequest(env, request);
        cells.start();
    }

    @Override
    public void interrupt() {
        cells.stop();
    }

    @Override
    public void onShutdown(boolean restart) {
        cells.close();
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return null;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return null;
    }

    @Override
    public String isComplete(String code) {
        return IS_COMPLETE_YES;
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (JShell), the kit's kernel";
    }

    /** jjava-jupyter's defaults for everything this kernel does not change. */
    private static final class Builder extends BaseKernelBuilder<Builder, JavaKernel> {
        Builder(String name) {
            name(name);
        }

        @Override
        public JavaKernel build() {
            throw new UnsupportedOperationException("use JavaKernel.create");
        }

        String name() {
            return buildName();
        }

        String version() {
            return buildVersion();
        }

        org.dflib.jjava.jupyter.kernel.history.HistoryManager history() {
            return buildHistoryManager();
        }

        org.dflib.jjava.jupyter.kernel.JupyterIO jupyterIO() {
            return buildJupyterIO(buildJupyterIOEncoding());
        }

        org.dflib.jjava.jupyter.kernel.comm.CommManager comms() {
            return buildCommManager();
        }

        org.dflib.jjava.jupyter.kernel.display.Renderer renderer() {
            return buildRenderer();
        }

        org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry magics() {
            return buildMagicsRegistry();
        }

        org.dflib.jjava.jupyter.kernel.util.StringStyler errorStyler() {
            return buildErrorStyler();
        }
    }

}
