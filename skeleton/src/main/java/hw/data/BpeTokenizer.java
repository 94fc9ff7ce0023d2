package hw.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * GPT-2's byte-pair encoding (OpenAI's {@code r50k_base}, 50 257 tokens, through jtokkit, offline), re-indexed to
 * a compact vocabulary: a text uses only some of the 50 257 tokens (2 M characters of Python about 12 000), and a
 * model with V = 12 000 has far fewer parameters in its embedding and output layers. {@link #fit} lists the r50k
 * ids the text uses, sorted; compact id i stands for the i-th of them. {@link #encode} maps r50k ids to compact
 * ids, {@link #decode} maps back. Fit on every text you will encode (the corpus and your prompts): an r50k token the
 * fitted text did not use has no compact id. {@code <|endoftext|>} in a text is encoded as ordinary text.
 */
public final class BpeTokenizer implements Tokenizer {
    /** The name of GPT-2's encoding in tiktoken and jtokkit. */
    public static final String ENCODING = "r50k_base";
    /** The number of r50k tokens. */
    public static final int R50K_VOCAB_SIZE = 50_257;

    private final int[] r50kIds; // sorted, distinct: compact id i is r50kIds[i]

    private BpeTokenizer(int[] r50kIds) {
        this.r50kIds = r50kIds;
    }

    /** The tokenizer for the r50k tokens {@code text} uses. */
    public static BpeTokenizer fit(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("BpeTokenizer: cannot fit a vocabulary on an empty text");
        }
        return new BpeTokenizer(Arrays.stream(encodeR50k(text)).distinct().sorted().toArray());
    }

    /** GPT-2's own ids of a text (0 … 50 256), before re-indexing. */
    public static int[] encodeR50k(String text) {
        return R50k.BPE.encodeOrdinary(text).toArray();
    }

    /** The text of GPT-2 ids. Bytes of a character split across tokens that are not all there decode as U+FFFD. */
    public static String decodeR50k(int[] r50kIds) {
        IntArrayList list = new IntArrayList(r50kIds.length);
        for (int i = 0; i < r50kIds.length; i++) {
            if (r50kIds[i] < 0 || r50kIds[i] >= R50K_VOCAB_SIZE) {
                throw new IllegalArgumentException("BpeTokenizer: r50k id " + r50kIds[i] + " at position " + i
                        + " is outside [0, " + R50K_VOCAB_SIZE + ")");
            }
            list.add(r50kIds[i]);
        }
        return R50k.BPE.decode(list);
    }

    @Override
    public int[] encode(String text) {
        int[] ids = encodeR50k(text);
        for (int i = 0; i < ids.length; i++) {
            int compact = Arrays.binarySearch(r50kIds, ids[i]);
            if (compact < 0) {
                throw new IllegalArgumentException("BpeTokenizer: the token '" + show(ids[i]) + "' (r50k id " + ids[i]
                        + ") at token position " + i + " is not in this tokenizer's vocabulary of " + r50kIds.length
                        + " tokens: it was not in the text it was fitted on; fit it on a text that contains it");
            }
            ids[i] = compact;
        }
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        return decodeR50k(toR50k(ids));
    }

    /** The r50k ids of compact ids; an id outside [0, V) is an error. */
    public int[] toR50k(int[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= r50kIds.length) {
                throw new IllegalArgumentException("BpeTokenizer: id " + ids[i] + " at position " + i
                        + " is outside the vocabulary [0, " + r50kIds.length + ")");
            }
            out[i] = r50kIds[ids[i]];
        }
        return out;
    }

    /** The r50k ids of the vocabulary, sorted: compact id i is element i. */
    public int[] r50kIds() {
        return r50kIds.clone();
    }

    @Override
    public int vocabSize() {
        return r50kIds.length;
    }

    @Override
    public String kind() {
        return "bpe";
    }

    /** {@code {"kind": "bpe", "encoding": "r50k_base", "r50k_ids": [...]}}, the ids sorted. */
    @Override
    public void save(Path file) {
        JsonObject json = new JsonObject();
        json.addProperty("kind", kind());
        json.addProperty("encoding", ENCODING);
        JsonArray ids = new JsonArray(r50kIds.length);
        for (int id : r50kIds) {
            ids.add(id);
        }
        json.add("r50k_ids", ids);
        TokenizerFiles.write(file, json);
    }

    static BpeTokenizer fromJson(JsonObject json) {
        String encoding = json.has("encoding") ? json.get("encoding").getAsString() : null;
        if (!ENCODING.equals(encoding)) {
            throw new IllegalArgumentException("\"encoding\" is " + (encoding == null ? "missing" : "\"" + encoding
                    + "\"") + ", expected \"" + ENCODING + "\"");
        }
        if (!json.has("r50k_ids") || !json.get("r50k_ids").isJsonArray()) {
            throw new IllegalArgumentException("no \"r50k_ids\" list");
        }
        JsonArray list = json.getAsJsonArray("r50k_ids");
        int[] ids = new int[list.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = list.get(i).getAsInt();
            if (ids[i] < 0 || ids[i] >= R50K_VOCAB_SIZE || (i > 0 && ids[i] <= ids[i - 1])) {
                throw new IllegalArgumentException("\"r50k_ids\" must be distinct ids in [0, " + R50K_VOCAB_SIZE
                        + ") in increasing order; element " + i + " is " + ids[i]);
            }
        }
        if (ids.length == 0) {
            throw new IllegalArgumentException("\"r50k_ids\" is empty");
        }
        return new BpeTokenizer(ids);
    }

    private static String show(int r50kId) {
        return decodeR50k(new int[] {r50kId}).replace("\n", "\\n").replace("\t", "\\t");
    }

    @Override
    public String toString() {
        return "BpeTokenizer(" + ENCODING + ", " + r50kIds.length + " tokens)";
    }

    /** The encoding, loaded on first use (about 0.3 s). */
    private static final class R50k {
        static final Encoding BPE = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
    }
}
