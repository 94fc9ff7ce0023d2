package hw.train;

import hw.model.GPTConfig;
import hw.model.LanguageModel;
import hw.nn.Module;
import hw.optim.Optimizer;
import hw.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * When a checkpoint fits the model and optimizer it is loaded into: the same model class, a GPT of the same
 * structure (dropout may differ: it has no parameters), parameters of the same names and shapes, the same optimizer
 * class with state that fits it, and as many dropout modules. Each check throws an {@link IllegalArgumentException}
 * that starts with {@code where} (which checkpoint) and says what differs; {@link Checkpoint#load} runs them all
 * before it changes anything.
 */
final class CheckpointCompatibility {
    private CheckpointCompatibility() {
    }

    static void checkModelClass(String where, String savedClass, LanguageModel model) {
        if (!savedClass.equals(model.getClass().getName())) {
            throw new IllegalArgumentException(where + "it holds a " + savedClass + ", this model is a "
                    + model.getClass().getName());
        }
    }

    /** A GPT's structure against the saved one ({@code saved} null: the checkpoint does not record it). */
    static void checkStructure(String where, GPTConfig saved, GPTConfig here) {
        List<String> differences = saved == null ? List.of() : structuralDifferences(saved, here);
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException(where + "it was saved from a GPT of another shape ("
                    + String.join(", ", differences) + ")");
        }
    }

    static void checkOptimizer(String where, String savedClass, Optimizer optimizer) {
        if (!savedClass.equals(optimizer.getClass().getName())) {
            throw new IllegalArgumentException(where + "it holds the state of a " + savedClass
                    + ", this optimizer is a " + optimizer.getClass().getName());
        }
    }

    /** The saved parameters and optimizer state against the model's parameters and the optimizer's buffers. */
    static void checkState(String where, LanguageModel model, Module module, Map<String, INDArray> modelState,
            Optimizer optimizer, Map<String, INDArray> optimizerState) {
        List<String> modelProblems = parameterProblems(module, modelState);
        if (!modelProblems.isEmpty()) {
            throw new IllegalArgumentException(where + "its parameters do not fit this "
                    + model.getClass().getSimpleName() + ": " + String.join("; ", modelProblems));
        }
        List<String> optimizerProblems = optimizer.stateProblems(optimizerState);
        if (!optimizerProblems.isEmpty()) {
            throw new IllegalArgumentException(where + "its optimizer state does not fit this "
                    + optimizer.describe() + ": " + String.join("; ", optimizerProblems));
        }
    }

    static void checkDropouts(String where, int saved, int here) {
        if (saved != here) {
            throw new IllegalArgumentException(where + "it has the random state of " + saved
                    + " dropout modules, this model has " + here);
        }
    }

    /** What makes two GPTs' parameters differ: everything but the dropout probability and the seed. */
    static List<String> structuralDifferences(GPTConfig saved, GPTConfig now) {
        List<String> out = new ArrayList<>();
        compare(out, "vocabSize", saved.vocabSize(), now.vocabSize());
        compare(out, "blockSize", saved.blockSize(), now.blockSize());
        compare(out, "nLayer", saved.nLayer(), now.nLayer());
        compare(out, "nHead", saved.nHead(), now.nHead());
        compare(out, "nEmbd", saved.nEmbd(), now.nEmbd());
        compare(out, "bias", saved.bias(), now.bias());
        compare(out, "tieWeights", saved.tieWeights(), now.tieWeights());
        return out;
    }

    private static void compare(List<String> out, String name, Object saved, Object now) {
        if (!saved.equals(now)) {
            out.add(name + " " + saved + " in the checkpoint, " + now + " here");
        }
    }

    /** Missing, unexpected and differently shaped parameters, each named. */
    static List<String> parameterProblems(Module module, Map<String, INDArray> state) {
        Map<String, Tensor> params = module.namedParameters();
        List<String> problems = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>(params.keySet());
        missing.removeAll(state.keySet());
        TreeSet<String> unexpected = new TreeSet<>(state.keySet());
        unexpected.removeAll(params.keySet());
        missing.forEach(n -> problems.add("parameter '" + n + "' is missing"));
        unexpected.forEach(n -> problems.add("the checkpoint has a parameter '" + n + "' this model lacks"));
        params.forEach((name, p) -> {
            INDArray v = state.get(name);
            if (v != null && !Arrays.equals(v.shape(), p.shape())) {
                problems.add("parameter '" + name + "' has shape " + Arrays.toString(p.shape())
                        + " here but " + Arrays.toString(v.shape()) + " in the checkpoint");
            }
        });
        return problems;
    }
}
