package hw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PythonLiteralsTest {

    @Test
    void readsTheValuesOfADictOfStrings() {
        String source = "# a comment\ntopics = {'a': 'one\\n'\n  'two',  # joined\n \"b\": \"it's\\t\\\"x\\\"\", "
                + "'c': r'\\n' '''tri\nple''', 'd': '\\x41\\u00e9\\101\\\\\\q',}\n";
        assertThat(PythonLiterals.dictValues(source))
                .containsExactly("one\ntwo", "it's\t\"x\"", "\\ntri\nple", "Aé" + "A\\\\q");
    }

    @Test
    void malformedInputIsAnErrorWithALineNumber() {
        assertThatThrownBy(() -> PythonLiterals.dictValues("x = 1")).hasMessageContaining("no dict literal");
        assertThatThrownBy(() -> PythonLiterals.dictValues("{'a' 'b'}")).hasMessageContaining("expected ':'");
        assertThatThrownBy(() -> PythonLiterals.dictValues("{\n'a': 'b\n'}")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> PythonLiterals.dictValues("{'a': 1}")).hasMessageContaining("string literal");
        assertThatThrownBy(() -> PythonLiterals.dictValues("{'a': 'b'")).hasMessageContaining("more input");
    }
}
