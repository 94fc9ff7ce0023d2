package hw.model;

import hw.nn.LayerNorm;
import hw.nn.Linear;
import hw.testkit.Fixture;
import hw.testkit.Values;
import java.util.List;

/**
 * Copies fixture weights (make_fixtures.py's names) into modules through their public API only — attention's
 * query/key/value through {@link MultiHeadAttention#loadQueryKeyValue}, so any internal layout works.
 */
final class Load {
    private Load() {
    }

    static void attention(MultiHeadAttention attention, Fixture p) {
        attention.loadQueryKeyValue(p.array("wq"), p.array("wk"), p.array("wv"), p.array("bq"), p.array("bk"),
                p.array("bv"));
        linear("attention output projection", attention.outputProjection(), p, "wo", "bo");
    }

    static void feedForward(FeedForward ffn, Fixture p) {
        linear("feed-forward up", ffn.up(), p, "w1", "b1");
        linear("feed-forward down", ffn.down(), p, "w2", "b2");
    }

    static void layerNorm(String what, LayerNorm norm, Fixture p) {
        Values.set(what + " weight", norm.weight(), p.array("weight"));
        Values.set(what + " bias", norm.bias(), p.array("bias"));
    }

    static void block(TransformerBlock block, Fixture p) {
        layerNorm("ln1", block.ln1(), p.at("ln1"));
        attention(block.attention(), p.at("attn"));
        layerNorm("ln2", block.ln2(), p.at("ln2"));
        feedForward(block.feedForward(), p.at("ffn"));
    }

    static void gpt(GPT gpt, Fixture p) {
        Values.set("token embedding", gpt.tokenEmbedding().weight(), p.array("wte"));
        Values.set("position embedding", gpt.positionEmbedding().weight(), p.array("wpe"));
        List<Fixture> blocks = p.list("blocks");
        for (int i = 0; i < blocks.size(); i++) {
            block(gpt.blocks().get(i), blocks.get(i));
        }
        layerNorm("final LayerNorm", gpt.finalNorm(), p.at("ln_f"));
    }

    private static void linear(String what, Linear layer, Fixture p, String weight, String bias) {
        Values.set(what + " weight", layer.weight(), p.array(weight));
        Values.set(what + " bias", layer.bias(), p.array(bias));
    }
}
