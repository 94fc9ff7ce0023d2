package grader.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

/** What Jupyter gets from a cell: the value shown (an image as a PNG), or the cell's own exception. */
class JavaKernelTest {
    private final JavaKernel kernel = JavaKernel.create("test", Path.of("."));

    @Test
    void anImageIsShownAsAPictureAndTextAsText() {
        DisplayData image = kernel.eval("new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        assertThat((String) image.getData(MIMEType.IMAGE_PNG)).isNotBlank();
        assertThat((String) kernel.eval("\"a\" + 1").getData(MIMEType.TEXT_PLAIN)).isEqualTo("\"a1\"");
        assertThat(kernel.eval("int x = 1;")).isNull();
    }

    @Test
    void aFailingCellRaisesItsOwnExceptionWithTheEvaluatorsLines() {
        assertThatThrownBy(() -> kernel.eval("throw new IllegalStateException(\"no\");"))
                .isInstanceOf(IllegalStateException.class).hasMessage("no")
                .satisfies(e -> assertThat(kernel.formatError(e)).containsExactly("IllegalStateException: no",
                        "    at the cell"));
    }
}
