package grader.authoring.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the TODO-by-TODO check reads the reference: each TODO's files, and the TODOs its docstring says come first. */
class OneTodoAtATimeTest {
    @TempDir
    Path dir;

    /** Scans a reference made of these files (package path → text). */
    private Map<String, OneTodoAtATime.Todo> scan(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.createDirectories(dir.resolve(e.getKey()).getParent());
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        return OneTodoAtATime.scan(dir);
    }

    private static String method(String name, String doc, String todo) {
        return "    /**\n" + doc.lines().map(l -> "     * " + l + "\n").reduce("", String::concat) + "     */\n"
                + "    void " + name + "() {\n        // BEGIN SOLUTION Problem " + todo + " (" + name + ")\n"
                + "        run();\n        // END SOLUTION\n    }\n";
    }

    @Test
    void aDocstringNamesWhatComesFirstAcrossItsLines() throws IOException {
        Map<String, OneTodoAtATime.Todo> todos = scan(Map.of("hw/a/A.java", "package hw.a;\n\nclass A {\n"
                + method("first", "Problem 1.1.", "1.1")
                + method("second", "Problem 1.2, built on the first.\n\n<p>Needs Problems 1.1\nand 1.3 first: it"
                        + " calls them.", "1.2")
                + method("third", "<p>Needs Problem 1.4 first.", "1.3") + "}\n",
                "hw/b/B.java", "package hw.b;\n\nclass B {\n" + method("fourth", "Four.", "1.4")
                + method("more", "The rest of 1.2; Needs Problem 2.1 first.", "1.2") + "}\n"));
        assertThat(todos).containsOnlyKeys("1.1", "1.2", "1.3", "1.4");
        assertThat(todos.get("1.1").needs()).isEmpty();
        assertThat(todos.get("1.2").needs()).containsExactly("1.1", "1.3", "2.1");
        assertThat(todos.get("1.2").files()).containsExactly("hw/a/A.java", "hw/b/B.java");
        assertThat(todos.get("1.3").needs()).containsExactly("1.4");
        assertThat(OneTodoAtATime.closure(todos.get("1.2"), todos)).as("what 1.2 needs, and what those need")
                .containsExactly("1.1", "1.3", "1.4", "2.1");
    }

    @Test
    void todosSortAsNumbers() {
        assertThat(java.util.stream.Stream.of("4.10", "4.9", "10.1", "2.3").sorted(OneTodoAtATime.TODO_ORDER))
                .containsExactly("2.3", "4.9", "4.10", "10.1");
    }
}
