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

/**
 * {@code bleu HYP REF [REF…]}: corpus BLEU of a file of hypotheses against one or more reference files (UTF-8, one
 * sentence per line, {@code .gz} read as gzip), printed as sacreBLEU prints it. {@code bleu --benchmark [TOKENS]}
 * times it on a generated corpus ({@link BleuBenchmark}).
 */
final class BleuCommand {
    private BleuCommand() {
    }

    static void run(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("help"))) {
            System.out.println(help());
            return;
        }
        if (args.length > 0 && args[0].equals("--benchmark")) {
            if (args.length > 2) {
                throw new Options.UsageException("bleu --benchmark takes at most one number (the tokens), got "
                        + (args.length - 1) + " arguments");
            }
            BleuBenchmark.run(args.length == 2 ? tokenCount(args[1]) : BleuBenchmark.DEFAULT_TOKENS);
            return;
        }
        for (String a : args) {
            if (a.startsWith("--")) {
                throw new Options.UsageException("bleu: unknown option " + a + "; usage: bleu HYP REF [REF ...]"
                        + " or bleu --benchmark [TOKENS]");
            }
        }
        if (args.length < 2) {
            throw new Options.UsageException("bleu needs a hypothesis file and at least one reference file (got "
                    + args.length + " file" + (args.length == 1 ? "" : "s") + "); usage: bleu HYP REF [REF ...]");
        }
        System.out.println(score(args[0], Arrays.asList(args).subList(1, args.length)).format());
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

    private static long tokenCount(String text) {
        try {
            long n = Long.parseLong(text.replace("_", "").replace(",", ""));
            if (n < 1 || n > 200_000_000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Options.UsageException("bleu --benchmark TOKENS needs a whole number from 1 to 200,000,000,"
                    + " got '" + text + "'");
        }
    }

    static String help() {
        return """
                bleu HYP REF [REF ...] — corpus BLEU of a translation, as sacreBLEU computes it by default

                  HYP, REF             UTF-8 text files (or .gz), one sentence per line, detokenized; each REF
                                       is a whole reference translation with one line per line of HYP
                  --benchmark [N]      time BLEU on a generated corpus of N tokens (default 1,000,000)

                Prints BLEU = score p1/p2/p3/p4 (BP = ... ratio = ... hyp_len = ... ref_len = ...), sacreBLEU's
                default signature nrefs:N|case:mixed|eff:no|tok:13a|smooth:exp.""";
    }
}
