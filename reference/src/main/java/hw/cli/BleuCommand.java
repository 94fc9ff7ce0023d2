package hw.cli;

import hw.translate.Bleu;
import hw.translate.BleuScore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bleu HYP REF [REF…]}: corpus BLEU of a file of hypotheses against one or more reference files (UTF-8, one
 * sentence per line, {@code .gz} read as gzip), printed as sacreBLEU prints it.
 */
@Command(name = "bleu", mixinStandardHelpOptions = true, versionProvider = CommandLines.Version.class,
        description = "Corpus BLEU of a translation, as sacreBLEU computes it by default.",
        footer = {"%nPrints BLEU = score p1/p2/p3/p4 (BP = ... ratio = ... hyp_len = ... ref_len = ...), with",
            "sacreBLEU's default signature nrefs:N|case:mixed|eff:no|tok:13a|smooth:exp."})
final class BleuCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "HYP", description = "the translation: a UTF-8 text file (or .gz), one"
            + " detokenized sentence per line")
    private String hypotheses;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "REF", description = "a reference translation, a"
            + " whole one: one line per line of HYP")
    private List<String> references;

    @Override
    public void run() {
        System.out.println(score(hypotheses, references).format());
    }

    /** BLEU of the file {@code hypotheses} against the files {@code references} (a clear error for bad files). */
    static BleuScore score(String hypotheses, List<String> references) {
        List<String> hyps = lines(hypotheses);
        if (hyps.isEmpty()) {
            throw new IllegalArgumentException("bleu: the hypothesis file " + hypotheses + " is empty (no lines)");
        }
        List<List<String>> refs = new ArrayList<>();
        for (String file : references) {
            List<String> ref = lines(file);
            if (ref.size() != hyps.size()) {
                throw new IllegalArgumentException("bleu: the reference file " + file + " has " + ref.size()
                        + " line" + (ref.size() == 1 ? "" : "s") + " but the hypothesis file " + hypotheses + " has "
                        + hyps.size() + "; they must have one line per sentence");
            }
            refs.add(ref);
        }
        return Bleu.corpus(hyps, refs);
    }

    /**
     * The lines of a UTF-8 file as sacreBLEU reads them: split at '\n' only (a last line needs no newline; "\r" is
     * removed with the trailing whitespace that Bleu strips anyway).
     */
    static List<String> lines(String file) {
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("bleu: " + file + " is a folder, not a file of sentences");
        }
        byte[] bytes;
        try (InputStream in = file.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(path))
                : Files.newInputStream(path)) {
            bytes = in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("bleu: no such file: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("bleu: cannot read " + file + ": " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("bleu: " + file + " is not valid UTF-8 (" + e.getMessage() + ")");
        }
        List<String> out = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1); // after the last newline, or an empty file
        }
        return out;
    }
}
