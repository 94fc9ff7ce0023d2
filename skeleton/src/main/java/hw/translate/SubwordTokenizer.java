package hw.translate;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import hw.data.Tokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subword vocabulary for translation: byte-pair encoding learned from the training pairs (German and English
 * together, one table), with the ids translation needs besides text — {@link #PAD}, {@link #GERMAN_EOS},
 * {@link #ENGLISH_EOS} — and {@link #UNKNOWN} for a character the training text never had.
 *
 * <p>A sentence is first cut into pieces: a run of letters, of digits, or of other non-space characters, each with
 * the single space before it (so decoding is concatenation, and "Hund." keeps its full stop apart from the word).
 * Each piece starts as characters; {@link #learn} then merges the most frequent adjacent pair of symbols, over and
 * over, until the vocabulary has the size asked for (Sennrich et al. 2016). {@link #encode} replays the merges in
 * the order they were learned. Whitespace runs count as one space; leading and trailing space is dropped.
 *
 * <p>Why our own: the kit's other BPE ({@link hw.data.BpeTokenizer}) is GPT-2's fixed English table, whose German
 * splits are poor and which learns nothing; a library that learns BPE (SentencePiece, Hugging Face tokenizers)
 * needs native code the kit does not ship. The learner is a page of code.
 */
public final class SubwordTokenizer implements Tokenizer {
    public static final int PAD = 0;
    public static final int GERMAN_EOS = 1;
    public static final int ENGLISH_EOS = 2;
    public static final int UNKNOWN = 3;
    private static final String[] SPECIAL_NAMES = {"<pad>", "</de>", "</en>", "<unk>"};
    private static final Pattern PIECE = Pattern.compile(" ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+");
    private static final String KIND = "translation-bpe";

    private final List<String> tokens;           // id → text ("" for the special ids)
    private final Map<String, Integer> ids;      // text → id
    private final List<String[]> merges;         // in the order learned
    private final Map<String, Integer> mergeRank; // "left\u0000right" → rank
    private final Map<String, int[]> pieceCache = new HashMap<>();

    private SubwordTokenizer(List<String> alphabet, List<String[]> merges) {
        this.tokens = new ArrayList<>(List.of("", "", "", ""));
        this.ids = new HashMap<>();
        for (String symbol : alphabet) {
            add(symbol);
        }
        this.merges = new ArrayList<>(merges);
        this.mergeRank = new HashMap<>();
        for (int r = 0; r < merges.size(); r++) {
            String[] m = merges.get(r);
            mergeRank.put(m[0] + '\u0000' + m[1], r);
            add(m[0] + m[1]);
        }
    }

    private void add(String symbol) {
        if (ids.putIfAbsent(symbol, tokens.size()) == null) {
            tokens.add(symbol);
        }
    }

    /**
     * Learns a vocabulary of at most {@code vocabSize} ids (the four special ids, every character of the text, and
     * merged pieces) from the sentences of {@code pairs}, both languages.
     */
    public static SubwordTokenizer learn(List<TranslationPair> pairs, int vocabSize) {
        if (pairs == null || pairs.isEmpty()) {
            throw new IllegalArgumentException("SubwordTokenizer: cannot learn a vocabulary from no pairs");
        }
        Map<String, Integer> pieceCounts = new HashMap<>();
        for (TranslationPair p : pairs) {
            for (String sentence : new String[] {p.german(), p.english()}) {
                for (String piece : pieces(sentence)) {
                    pieceCounts.merge(piece, 1, Integer::sum);
                }
            }
        }
        return BpeLearner.learn(pieceCounts, vocabSize - SPECIAL_NAMES.length);
    }

    static SubwordTokenizer of(List<String> alphabet, List<String[]> merges) {
        return new SubwordTokenizer(alphabet, merges);
    }

    /** The pieces of a sentence (see the class comment); their concatenation is the normalised sentence. */
    static List<String> pieces(String sentence) {
        String normal = sentence.replaceAll("\\s+", " ").strip();
        List<String> out = new ArrayList<>();
        Matcher m = PIECE.matcher(normal);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    public SpecialIds specials() {
        return new SpecialIds(PAD, GERMAN_EOS, ENGLISH_EOS);
    }

    @Override
    public int[] encode(String text) {
        List<Integer> out = new ArrayList<>();
        for (String piece : pieces(text)) {
            for (int id : pieceCache.computeIfAbsent(piece, this::encodePiece)) {
                out.add(id);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] encodePiece(String piece) {
        List<String> symbols = new ArrayList<>();
        piece.codePoints().forEach(cp -> symbols.add(new String(Character.toChars(cp))));
        while (symbols.size() > 1) {
            int best = -1, bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer rank = mergeRank.get(symbols.get(i) + '\u0000' + symbols.get(i + 1));
                if (rank != null && rank < bestRank) {
                    best = i;
                    bestRank = rank;
                }
            }
            if (best < 0) {
                break;
            }
            symbols.set(best, symbols.get(best) + symbols.remove(best + 1));
        }
        int[] out = new int[symbols.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.getOrDefault(symbols.get(i), UNKNOWN);
        }
        return out;
    }

    /** The text of ids; the special ids decode to nothing. An id outside [0, V) is an error. */
    @Override
    public String decode(int[] idsToDecode) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < idsToDecode.length; i++) {
            int id = idsToDecode[i];
            if (id < 0 || id >= tokens.size()) {
                throw new IllegalArgumentException("SubwordTokenizer: id " + id + " at position " + i
                        + " is outside the vocabulary [0, " + tokens.size() + ")");
            }
            out.append(tokens.get(id));
        }
        return out.toString().strip();
    }

    /** How an id shows in a listing: its text, or the special id's name such as {@code </en>}. */
    public String show(int id) {
        return id < SPECIAL_NAMES.length ? SPECIAL_NAMES[id] : tokens.get(id);
    }

    @Override
    public int vocabSize() {
        return tokens.size();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void save(Path file) {
        JsonObject json = new JsonObject();
        json.addProperty("kind", KIND);
        JsonObject specials = new JsonObject();
        for (int i = 0; i < SPECIAL_NAMES.length; i++) {
            specials.addProperty(SPECIAL_NAMES[i], i);
        }
        json.add("special", specials);
        JsonArray alphabet = new JsonArray();
        int alphabetEnd = tokens.size() - merges.size();
        for (int id = SPECIAL_NAMES.length; id < alphabetEnd; id++) {
            alphabet.add(tokens.get(id));
        }
        json.add("alphabet", alphabet);
        JsonArray mergeList = new JsonArray();
        for (String[] m : merges) {
            JsonArray pair = new JsonArray();
            pair.add(m[0]);
            pair.add(m[1]);
            mergeList.add(pair);
        }
        json.add("merges", mergeList);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("SubwordTokenizer: cannot write " + file + ": " + e, e);
        }
    }

    /** Reads a tokenizer written by {@link #save}; a missing or malformed file is an error that names it. */
    public static SubwordTokenizer load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("SubwordTokenizer: no such tokenizer file: " + file.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("SubwordTokenizer: cannot read " + file + ": " + e, e);
        }
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            if (!json.has("kind") || !KIND.equals(json.get("kind").getAsString())) {
                throw new IllegalArgumentException("its \"kind\" is not \"" + KIND + "\"");
            }
            List<String> alphabet = new ArrayList<>();
            for (JsonElement e : json.getAsJsonArray("alphabet")) {
                alphabet.add(e.getAsString());
            }
            List<String[]> merges = new ArrayList<>();
            for (JsonElement e : json.getAsJsonArray("merges")) {
                JsonArray pair = e.getAsJsonArray();
                merges.add(new String[] {pair.get(0).getAsString(), pair.get(1).getAsString()});
            }
            return new SubwordTokenizer(alphabet, merges);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException
                | UnsupportedOperationException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("SubwordTokenizer: " + file + " is not a translation tokenizer file: "
                    + e.getMessage(), e);
        }
    }

    /** The merges in the order learned, as "left right" (for tests and curiosity). */
    List<String> mergeList() {
        List<String> out = new ArrayList<>();
        for (String[] m : merges) {
            out.add(m[0] + " " + m[1]);
        }
        return out;
    }

    /** The sorted alphabet of a text's pieces (each code point once). */
    static List<String> alphabet(Map<String, Integer> pieceCounts) {
        TreeMap<Integer, String> chars = new TreeMap<>();
        for (String piece : pieceCounts.keySet()) {
            piece.codePoints().forEach(cp -> chars.put(cp, new String(Character.toChars(cp))));
        }
        return new ArrayList<>(chars.values());
    }
}
