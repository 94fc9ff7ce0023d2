package hw.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of Python's syntax to read a dict of strings, {@code {'key': 'text' 'more text', ...}}, the way
 * {@code pydoc_data/topics.py} is written: string literals (single, double or triple quoted, with an optional
 * r/b/u prefix, escapes decoded as Python does for non-raw strings), adjacent literals joined, {@code #} comments
 * and whitespace skipped. Everything before the first {@code {} (the comments and {@code topics =}) is ignored.
 */
final class PythonLiterals {
    private final String source;
    private int pos;

    private PythonLiterals(String source, int pos) {
        this.source = source;
        this.pos = pos;
    }

    /** The values of the first dict literal in {@code source}, in order; an error if it is not a dict of strings. */
    static List<String> dictValues(String source) {
        int open = source.indexOf('{');
        if (open < 0) {
            throw new IllegalArgumentException("no dict literal ({...}) in the Python source");
        }
        PythonLiterals p = new PythonLiterals(source, open + 1);
        List<String> values = new ArrayList<>();
        while (true) {
            p.skipSpace();
            if (p.peek() == '}') {
                return values;
            }
            p.strings("a key");
            p.expect(':');
            values.add(p.strings("the value"));
            p.skipSpace();
            char next = p.peek();
            if (next == ',') {
                p.pos++;
            } else if (next != '}') {
                throw p.error("',' or '}' after a value");
            }
        }
    }

    /** One or more adjacent string literals, joined. */
    private String strings(String what) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        while (true) {
            skipSpace();
            int start = pos;
            while (pos < source.length() && "rRbBuU".indexOf(source.charAt(pos)) >= 0 && pos - start < 2) {
                pos++;
            }
            if (pos >= source.length() || (source.charAt(pos) != '\'' && source.charAt(pos) != '"')) {
                pos = start;
                if (count == 0) {
                    throw error("a string literal for " + what);
                }
                return out.toString();
            }
            boolean raw = source.substring(start, pos).toLowerCase().contains("r");
            literal(raw, out);
            count++;
        }
    }

    /** The literal at {@link #pos} (at its opening quote), appended decoded. */
    private void literal(boolean raw, StringBuilder out) {
        char quote = source.charAt(pos);
        boolean triple = source.startsWith(String.valueOf(quote).repeat(3), pos);
        String close = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
        pos += close.length();
        while (true) {
            if (pos >= source.length()) {
                throw error("the end of a string literal");
            }
            if (source.startsWith(close, pos)) {
                pos += close.length();
                return;
            }
            char c = source.charAt(pos);
            if (c == '\n' && !triple) {
                throw error("the end of a string literal before the line ends");
            }
            if (c == '\\' && pos + 1 < source.length()) {
                if (raw) {
                    out.append(c).append(source.charAt(pos + 1));
                    pos += 2;
                } else {
                    escape(out);
                }
                continue;
            }
            out.append(c);
            pos++;
        }
    }

    /** Decodes the escape sequence at {@link #pos} (at its backslash). */
    private void escape(StringBuilder out) {
        char e = source.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case '\n' -> { } // a backslash at the end of a line continues the literal
            case '\\', '\'', '"' -> out.append(e);
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000B');
            case 'x' -> out.appendCodePoint(hex(2));
            case 'u' -> out.appendCodePoint(hex(4));
            case 'U' -> out.appendCodePoint(hex(8));
            default -> {
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int i = 0; i < 2 && pos < source.length() && source.charAt(pos) >= '0'
                            && source.charAt(pos) <= '7'; i++) {
                        value = value * 8 + source.charAt(pos++) - '0';
                    }
                    out.append((char) value);
                } else {
                    out.append('\\').append(e); // Python keeps an unknown escape as it is
                }
            }
        }
    }

    private int hex(int digits) {
        if (pos + digits > source.length()) {
            throw error(digits + " hex digits");
        }
        try {
            int value = Integer.parseUnsignedInt(source.substring(pos, pos + digits), 16);
            pos += digits;
            return value;
        } catch (NumberFormatException ex) {
            throw error(digits + " hex digits");
        }
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private char peek() {
        if (pos >= source.length()) {
            throw error("more input");
        }
        return source.charAt(pos);
    }

    private void skipSpace() {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == '#') {
                while (pos < source.length() && source.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private IllegalArgumentException error(String expected) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, source.length()); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        String found = pos >= source.length() ? "the end of the text"
                : "'" + source.substring(pos, Math.min(source.length(), pos + 20)).replace("\n", "\\n") + "'";
        return new IllegalArgumentException("Python dict of strings: expected " + expected + " at line " + line
                + ", found " + found);
    }
}
