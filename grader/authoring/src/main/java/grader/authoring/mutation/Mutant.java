package grader.authoring.mutation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One mutant PIT made and ran, as its {@code mutations.xml} reports it, with the source line it changed.
 *
 * @param file        the source file by package path ({@code hw/optim/Adam.java})
 * @param method      the method, a lambda shown as {@code step (lambda)} so that renumbering does not matter
 * @param mutator     PIT's mutator, short ({@code MathMutator})
 * @param description what it did ({@code Replaced double subtraction with addition})
 * @param line        the line number
 * @param code        the line's text, white space collapsed
 * @param status      PIT's verdict ({@code KILLED}, {@code SURVIVED}, {@code NO_COVERAGE}, {@code TIMED_OUT}, …)
 * @param killedBy    the test that failed, or empty
 * @param occurrence  which of the mutants alike in everything above but the line number and verdict this is (1, 2,
 *                    …, in source order): three {@code replace} calls on one line, or one {@code return order;} on
 *                    two lines of a method, make such twins
 * @param twins       how many there are (1 for most)
 */
public record Mutant(String file, String method, String mutator, String description, int line, String code,
        String status, String killedBy, int occurrence, int twins) {
    /** PIT's verdicts that mean a test failed (a timeout, memory error or crash also costs the student the test). */
    private static final Set<String> DETECTED = Set.of("KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR");

    public boolean killed() {
        return DETECTED.contains(status);
    }

    /** A mutant the JVM rejected is no change a student could make: it counts nowhere. */
    public boolean viable() {
        return !"NON_VIABLE".equals(status);
    }

    /** The mutants of a report, their code read from the sources under {@code sourceRoot}. */
    public static List<Mutant> read(Path mutationsXml, Path sourceRoot) throws IOException {
        NodeList nodes;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            nodes = f.newDocumentBuilder().parse(mutationsXml.toFile()).getElementsByTagName("mutation");
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + mutationsXml + ": " + e.getMessage(), e);
        }
        Map<String, List<String>> sources = new HashMap<>();
        List<Mutant> read = new ArrayList<>();
        List<Integer> bytecodeIndex = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element m = (Element) nodes.item(i);
            String className = text(m, "mutatedClass");
            int dot = className.lastIndexOf('.');
            String file = (dot < 0 ? "" : className.substring(0, dot + 1).replace('.', '/')) + text(m, "sourceFile");
            int line = Integer.parseInt(text(m, "lineNumber"));
            List<String> lines = sources.computeIfAbsent(file, k -> readLines(sourceRoot.resolve(k)));
            String code = line >= 1 && line <= lines.size() ? collapse(lines.get(line - 1)) : "";
            String mutator = text(m, "mutator");
            read.add(new Mutant(file, method(text(m, "mutatedMethod")), mutator.substring(mutator.lastIndexOf('.') + 1),
                    text(m, "description"), line, code, m.getAttribute("status"), text(m, "killingTest"), 1, 1));
            String index = text(m, "index");
            bytecodeIndex.add(index.isEmpty() ? 0 : Integer.parseInt(index));
        }
        return numberTwins(read, bytecodeIndex);
    }

    /** Gives each group of twins (the same key) its occurrences, by line and then bytecode order. */
    private static List<Mutant> numberTwins(List<Mutant> mutants, List<Integer> bytecodeIndex) {
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < mutants.size(); i++) {
            groups.computeIfAbsent(key(mutants.get(i)), k -> new ArrayList<>()).add(i);
        }
        Mutant[] out = mutants.toArray(Mutant[]::new);
        for (List<Integer> group : groups.values()) {
            group.sort(java.util.Comparator.<Integer>comparingInt(i -> mutants.get(i).line())
                    .thenComparing(bytecodeIndex::get));
            for (int k = 0; k < group.size(); k++) {
                Mutant m = out[group.get(k)];
                out[group.get(k)] = new Mutant(m.file, m.method, m.mutator, m.description, m.line, m.code, m.status,
                        m.killedBy, k + 1, group.size());
            }
        }
        return List.of(out);
    }

    /** What identifies a mutant across edits elsewhere in its file (the line number aside). */
    static String key(Mutant m) {
        return String.join("\n", m.file, m.method, m.mutator, m.description, m.code);
    }

    /** {@code lambda$step$0} → {@code step (lambda)}: the number changes whenever a lambda is added above. */
    static String method(String bytecodeName) {
        return bytecodeName.startsWith("lambda$")
                ? bytecodeName.replaceFirst("^lambda\\$(.*)\\$\\d+$", "$1") + " (lambda)" : bytecodeName;
    }

    static String collapse(String code) {
        return code.strip().replaceAll("\\s+", " ");
    }

    private static String text(Element parent, String tag) {
        NodeList l = parent.getElementsByTagName(tag);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().strip();
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }
}
