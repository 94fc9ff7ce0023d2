package hw.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Texts to train on, all available offline:
 *
 * <ul>
 *   <li>{@link #pythonSource(long)} — Python code: CPython's standard library as GraalPy ships it in the
 *       {@code org.graalvm.python:python-resources} jar (about 750 files, 12 M characters);</li>
 *   <li>{@link #englishText()} — English prose: the help texts of {@code pydoc} (the Python language reference
 *       explained topic by topic, about 465 k characters), taken out of {@code pydoc_data/topics.py};</li>
 *   <li>{@link #read(Path)} — any UTF-8 text file of your own.</li>
 * </ul>
 */
public final class Corpus {
    /** How much Python {@link #named(String) named("python")} reads: 2 M characters, about 600 k BPE tokens. */
    public static final long DEFAULT_PYTHON_CHARS = 2_000_000;

    /** Where the standard library's files are in the jar. */
    static final String LIBPYTHON = "META-INF/resources/libpython/";
    /** The pydoc topics, relative to {@link #LIBPYTHON}: prose, so not part of {@link #pythonSource}. */
    static final String TOPICS = "pydoc_data/topics.py";

    private Corpus() {
    }

    /**
     * Python source code: the standard library's {@code .py} files in sorted order of their paths (so the text is
     * the same on every machine), each preceded by a header line {@code # file: json/__init__.py} and ending with a
     * newline. Left out: empty files, and {@code pydoc_data/} (which is the English corpus). The result is the
     * first {@code maxChars} characters of that concatenation (all of it, about 12.4 M characters, if it is
     * shorter), so a shorter corpus is a prefix of a longer one. Files are UTF-8, except two that declare Latin-1.
     *
     * @param maxChars how many characters at most; must be positive
     */
    public static String pythonSource(long maxChars) {
        if (maxChars <= 0) {
            throw new IllegalArgumentException("Corpus.pythonSource: maxChars must be positive, got " + maxChars);
        }
        int limit = (int) Math.min(maxChars, Integer.MAX_VALUE - 16);
        StringBuilder out = new StringBuilder(Math.min(limit, 1 << 24));
        try (Library library = Library.open()) {
            for (String file : library.pythonFiles()) {
                String code = decode(library.read(file));
                if (code.isEmpty()) {
                    continue;
                }
                out.append("# file: ").append(file).append('\n').append(code);
                if (!code.endsWith("\n")) {
                    out.append('\n');
                }
                if (out.length() >= limit) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Corpus: cannot read the Python standard library: " + e.getMessage(), e);
        }
        if (out.length() > limit) {
            // Never end on half of a surrogate pair.
            out.setLength(Character.isHighSurrogate(out.charAt(limit - 1)) ? limit - 1 : limit);
        }
        return out.toString();
    }

    /**
     * English prose: the pydoc help topics. {@code pydoc_data/topics.py} is one Python dict literal, topic name ↦
     * help text, each text written as adjacent string literals ({@code 'The "assert" statement\n' '****\n' ...}).
     * This reads the dict with a small parser of Python string literals (escapes decoded, adjacent literals
     * joined, comments skipped) and returns the help texts — not the topic names — in the file's order (sorted by
     * topic), separated by an empty line. Only the quoting is removed: the texts' own layout stays, including
     * their indented code examples and the rows of {@code *} that underline titles.
     */
    public static String englishText() {
        String source;
        try (Library library = Library.open()) {
            source = decode(library.read(TOPICS));
        } catch (IOException e) {
            throw new UncheckedIOException("Corpus: cannot read " + TOPICS + ": " + e.getMessage(), e);
        }
        List<String> texts = PythonLiterals.dictValues(source);
        StringBuilder out = new StringBuilder();
        for (String text : texts) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(text);
            if (!text.endsWith("\n")) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The whole of a UTF-8 text file; a missing, unreadable or non-UTF-8 file is an error that names it. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("Corpus: no such text file: " + file.toAbsolutePath(), e);
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException("Corpus: " + file + " is not a UTF-8 text file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Corpus: cannot read " + file + ": " + e, e);
        }
    }

    /**
     * A corpus by name: {@code "python"} ({@link #pythonSource} of {@link #DEFAULT_PYTHON_CHARS}),
     * {@code "english"} ({@link #englishText}), or else the path of a text file ({@link #read}).
     */
    public static String named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Corpus: name a corpus: \"python\", \"english\" or a text file's path");
        }
        return switch (name) {
            case "python" -> pythonSource(DEFAULT_PYTHON_CHARS);
            case "english" -> englishText();
            default -> {
                Path file = Paths.get(name);
                if (!Files.exists(file)) {
                    throw new IllegalArgumentException("Corpus: '" + name + "' is neither \"python\", \"english\" nor"
                            + " an existing file (looked for " + file.toAbsolutePath() + ")");
                }
                yield read(file);
            }
        };
    }

    /** The files {@link #pythonSource} reads, in its order, relative to the library (e.g. {@code json/tool.py}). */
    public static List<String> pythonFiles() {
        try (Library library = Library.open()) {
            return library.pythonFiles();
        } catch (IOException e) {
            throw new UncheckedIOException("Corpus: cannot list the Python standard library: " + e.getMessage(), e);
        }
    }

    /** UTF-8, or Latin-1 for the few files that declare it (every byte sequence is valid Latin-1). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** The standard library on the class path: inside the python-resources jar, or unpacked in a folder. */
    private abstract static class Library implements AutoCloseable {

        static Library open() throws IOException {
            URL topics = Corpus.class.getClassLoader().getResource(LIBPYTHON + TOPICS);
            if (topics == null) {
                throw new IllegalStateException("Corpus: the Python standard library is not on the class path: add"
                        + " the dependency org.graalvm.python:python-resources (see the root pom.xml)");
            }
            try {
                URLConnection connection = topics.openConnection();
                if (connection instanceof JarURLConnection jar) {
                    return new InJar(new JarFile(Paths.get(jar.getJarFileURL().toURI()).toFile()));
                }
                Path root = Paths.get(topics.toURI()).getParent().getParent();
                return new InFolder(root);
            } catch (URISyntaxException e) {
                throw new IOException("cannot locate " + topics + ": " + e.getMessage(), e);
            }
        }

        /** Every .py file but the pydoc data, relative to the library, sorted. */
        abstract List<String> pythonFiles() throws IOException;

        /** A file relative to the library. */
        abstract byte[] read(String file) throws IOException;

        static boolean isPythonSource(String file) {
            return file.endsWith(".py") && !file.startsWith("pydoc_data/");
        }

        @Override
        public abstract void close() throws IOException;
    }

    private static final class InJar extends Library {
        private final JarFile jar;

        InJar(JarFile jar) {
            this.jar = jar;
        }

        @Override
        List<String> pythonFiles() {
            List<String> files = new ArrayList<>();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(LIBPYTHON)
                        && isPythonSource(name.substring(LIBPYTHON.length()))) {
                    files.add(name.substring(LIBPYTHON.length()));
                }
            }
            Collections.sort(files);
            return files;
        }

        @Override
        byte[] read(String file) throws IOException {
            JarEntry entry = jar.getJarEntry(LIBPYTHON + file);
            if (entry == null) {
                throw new NoSuchFileException(LIBPYTHON + file + " in " + jar.getName());
            }
            try (var in = jar.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }

        @Override
        public void close() throws IOException {
            jar.close();
        }
    }

    private static final class InFolder extends Library {
        private final Path root;

        InFolder(Path root) {
            this.root = root;
        }

        @Override
        List<String> pythonFiles() throws IOException {
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(Library::isPythonSource).sorted().toList();
            }
        }

        @Override
        byte[] read(String file) throws IOException {
            return Files.readAllBytes(root.resolve(file));
        }

        @Override
        public void close() {
        }
    }
}
