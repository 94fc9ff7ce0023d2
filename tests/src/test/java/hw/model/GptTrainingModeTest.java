package hw.model;

import grader.api.Points;
import grader.api.Todo;
import hw.nn.Dropout;
import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.TinyGpt;
import hw.testkit.Values;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.Label;

/**
 * GPT.forward in training mode with dropout, where every Dropout module draws its own mask: the class comment's
 * composition, spelled out on a twin (the same weights and the same dropout seeds), must give the same logits.
 */
@Todo("4.5")
@Label("Problem 4.5 GPT.forward")
class GptTrainingModeTest {

    @Example
    @Label("training mode, dropout 0.5: dropout(token + position embeddings), the blocks, the final LayerNorm, the"
            + " head — the embeddings' own dropout included")
    @Points(1)
    void embeddingDropoutInTraining() {
        GPT model = TinyGpt.random(4505, 13, 8, 2, 2, 8, 0.5, false);
        GPT twin = TinyGpt.random(4505, 13, 8, 2, 2, 8, 0.5, false);
        model.train();
        twin.train();
        int[][] ids = Values.ids(new Random(4505), 2, 5, 13);
        Tensor got = model.forward(ids);

        int[] positions = {0, 1, 2, 3, 4};
        Tensor x = twin.tokenEmbedding().forward(ids).add(twin.positionEmbedding().forward(positions)); // [B, T, C]
        x = ((Dropout) twin.children().get("dropout")).forward(x);
        for (TransformerBlock block : twin.blocks()) {
            x = block.forward(x, false);
        }
        Tensor expected = twin.lmHead().forward(twin.finalNorm().forward(x));                         // [B, T, V]
        Expect.close("logits in training mode with dropout 0.5 (2 layers, untied head, ids [2, 5]) vs the class"
                + " comment's composition on a twin with the same weights and dropout seeds; without the dropout of"
                + " the embeddings' sum they differ", expected.data(), got.data());
    }
}
