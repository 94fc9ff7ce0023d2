package grader.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.junit.jupiter.api.Test;

/**
 * Jupyter copies the kernel's language_info into a notebook when it opens it: the notebooks carry the same, so
 * that opening one marks nothing as changed (the Java version, a feature release, may differ by machine).
 */
class LanguageInfoTest {
    @Test
    void everyNotebookCarriesTheKernelsLanguageInfo() throws Exception {
        LanguageInfo kernel = JavaKernel.languageInfo();
        List<Path> notebooks;
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("../../notebooks")),
                Files.list(Path.of("../../notebooks/source")))) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).toList();
        }
        assertThat(notebooks).isNotEmpty();
        for (Path nb : notebooks) {
            JsonObject info = JsonParser.parseString(Files.readString(nb)).getAsJsonObject()
                    .getAsJsonObject("metadata").getAsJsonObject("language_info");
            assertThat(info.keySet()).as(nb.toString()).containsExactlyInAnyOrder("name", "version", "mimetype",
                    "file_extension", "pygments_lexer", "codemirror_mode");
            assertThat(info.get("name").getAsString()).isEqualTo(kernel.getName());
            assertThat(info.get("mimetype").getAsString()).isEqualTo(kernel.getMimetype());
            assertThat(info.get("file_extension").getAsString()).isEqualTo(kernel.getFileExtension());
            assertThat(info.get("pygments_lexer").getAsString()).isEqualTo(kernel.getPygmentsLexer());
            assertThat(info.get("codemirror_mode").getAsString()).isEqualTo(kernel.getCodemirrorMode());
            assertThat(info.get("version").getAsString()).matches("\\d+");
        }
    }
}
