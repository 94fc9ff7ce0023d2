package grader.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that does not compile costs only the TODO the error is in: the two cases on a two-TODO file
 * shaped like BigramLM.java (5.2 forward, 5.3 generate), a syntax error inside one TODO and a changed signature
 * that breaks a call elsewhere in the file.
 */
class RegionFallbackTest {
    private static final String SKELETON = """
            package mini;

            /** Two TODOs in one file. */
            public class Bigram {
                private final int base;

                public Bigram(int base) {
                    this.base = base;
                }

                /** Problem 5.2 — base + x. */
                public int forward(int x) {
                    // TODO Problem 5.2 (Bigram.forward): your code here.
                    throw new UnsupportedOperationException("not implemented yet: Problem 5.2 (Bigram.forward)");
                }

                /** Problem 5.3 — x repeated n times, as a string. */
                public String generate(int x, int n) {
                    if (n < 0) {
                        throw new IllegalArgumentException("n < 0 { not a brace }");
                    }
                    // TODO Problem 5.3 (Bigram.generate): your code here.
                    throw new UnsupportedOperationException("not implemented yet: Problem 5.3 (Bigram.generate)");
                }

                /** Provided: calls generate. */
                public String twice(int x) {
                    return generate(x, 2);
                }
            }
            """;

    @TempDir
    Path dir;

    private SubmissionCompiler.Result compile(String student) throws IOException {
        Path skel = dir.resolve("skeleton/mini/Bigram.java");
        Path mine = dir.resolve("student/mini/Bigram.java");
        Files.createDirectories(skel.getParent());
        Files.createDirectories(mine.getParent());
        Files.writeString(skel, SKELETON);
        Files.writeString(mine, student);
        return SubmissionCompiler.compile(Map.of("mini/Bigram.java", mine), Map.of("mini/Bigram.java", skel),
                System.getProperty("java.class.path"), dir.resolve("classes"));
    }

    private static Object call(SubmissionCompiler.Result r, String method, Object... args) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {r.classes().toUri().toURL()}, null)) {
            Class<?> type = loader.loadClass("mini.Bigram");
            Object o = type.getConstructor(int.class).newInstance(10);
            Class<?>[] types = new Class<?>[args.length];
            java.util.Arrays.fill(types, int.class);
            try {
                return type.getMethod(method, types).invoke(o, args);
            } catch (InvocationTargetException e) {
                throw (Exception) e.getCause();
            }
        }
    }

    private static String solved(String forwardBody, String generateHeader, String generateBody) {
        return SKELETON.replace("""
                        // TODO Problem 5.2 (Bigram.forward): your code here.
                        throw new UnsupportedOperationException("not implemented yet: Problem 5.2 (Bigram.forward)");
                """, forwardBody).replace("public String generate(int x, int n) {", generateHeader).replace("""
                        // TODO Problem 5.3 (Bigram.generate): your code here.
                        throw new UnsupportedOperationException("not implemented yet: Problem 5.3 (Bigram.generate)");
                """, generateBody);
    }

    @Test
    void aSyntaxErrorInOneTodoKeepsTheOtherTodoOfTheFile() throws Exception {
        SubmissionCompiler.Result r = compile(solved("        return base + x;\n",
                "public String generate(int x, int n) {", "        return String.valueOf(x).repeat(n)\n"));
        assertThat(r.compiled()).isTrue();
        assertThat(r.replaced()).isEmpty();
        assertThat(call(r, "forward", 5)).isEqualTo(15);
        assertThatThrownBy(() -> call(r, "generate", 1, 2)).hasMessageContaining("Problem 5.3");
        assertThat(r.replacedTodos()).containsOnlyKeys("Problem 5.3 (Bigram.generate)");
        assertThat(r.replacedTodos().get("Problem 5.3 (Bigram.generate)"))
                .startsWith("your Bigram.java does not compile in Problem 5.3 (Bigram.generate): line ")
                .contains("';' expected");
    }

    @Test
    void aChangedSignatureThatBreaksACallElsewhereKeepsTheOtherTodo() throws Exception {
        SubmissionCompiler.Result r = compile(solved("        return base + x;\n",
                "public String generate(int x, long n) {", "        return String.valueOf(x).repeat((int) n);\n"
                        .replace("(int) n", "(int) n + \"\".length()")).replace("generate(x, 2)", "generate(x)"));
        assertThat(r.compiled()).isTrue();
        assertThat(call(r, "forward", 5)).isEqualTo(15);
        assertThatThrownBy(() -> call(r, "generate", 1, 2)).hasMessageContaining("Problem 5.3");
        assertThatThrownBy(() -> call(r, "twice", 1)).as("the provided code is the skeleton's")
                .hasMessageContaining("Problem 5.3");
        assertThat(r.replacedTodos()).containsOnlyKeys("Problem 5.3 (Bigram.generate)");
        assertThat(r.replacedTodos().get("Problem 5.3 (Bigram.generate)")).contains("changed the signature")
                .contains("public String generate(int x, int n)");
        assertThat(r.log()).contains("mini.Bigram: kept your Problem 5.2 (Bigram.forward)")
                .contains("the provided code (outside the TODOs) is the skeleton's");
    }

    @Test
    void unbalancedBracesFallBackToTheWholeFile() throws Exception {
        SubmissionCompiler.Result r = compile(solved("        return base + x;\n",
                "public String generate(int x, int n) {", "        if (n > 0) {\n        return \"\";\n"));
        assertThat(r.compiled()).isTrue();
        assertThatThrownBy(() -> call(r, "forward", 5)).hasMessageContaining("Problem 5.2");
    }

    @Test
    void aCorrectFileIsKeptWhole() throws Exception {
        SubmissionCompiler.Result r = compile(solved("        return base + x;\n",
                "public String generate(int x, int n) {", "        return String.valueOf(x).repeat(n);\n"));
        assertThat(r.replaced()).isEmpty();
        assertThat(r.replacedTodos()).isEmpty();
        assertThat(call(r, "generate", 3, 2)).isEqualTo("33");
    }
}
