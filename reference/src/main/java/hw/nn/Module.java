package hw.nn;

import hw.tensor.GradMode;
import hw.tensor.Shapes;
import hw.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A building block of a network: it owns parameters (tensors an optimizer trains) and child modules, and is in
 * training or evaluation mode. A subclass registers what it owns in its constructor:
 *
 * <pre>{@code
 * class Affine extends Module {
 *     final Tensor scale = registerParameter("scale", Tensor.param(Nd4j.ones(DataType.DOUBLE, 4)));
 *     final Linear inner = registerModule("inner", new Linear(4, 4, true, new Random(0)));
 * }
 * }</pre>
 *
 * Parameters are named by their path, e.g. {@code blocks.0.attention.query.weight}. A tensor registered in two
 * places (a tied weight) is one parameter: it is listed, counted, saved and loaded once, under the first name
 * reached.
 */
public abstract class Module {
    private final Map<String, Tensor> ownParameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Registers a parameter (a tensor that requires a gradient) under a name unique in this module. */
    protected final Tensor registerParameter(String name, Tensor parameter) {
        checkName(name);
        if (!parameter.requiresGrad() || !parameter.isLeaf()) {
            throw new IllegalArgumentException("registerParameter(" + name + "): a parameter must be a leaf that"
                    + " requires a gradient (Tensor.param)");
        }
        ownParameters.put(name, parameter);
        return parameter;
    }

    /** Registers a child module under a name unique in this module; returns the child. */
    protected final <M extends Module> M registerModule(String name, M child) {
        checkName(name);
        if (child == this) {
            throw new IllegalArgumentException("registerModule(" + name + "): a module cannot contain itself");
        }
        children.put(name, child);
        child.train(training);
        return child;
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.startsWith(".") || name.endsWith(".")) {
            throw new IllegalArgumentException("a parameter or module needs a name, not '" + name + "'");
        }
        if (ownParameters.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException("the name '" + name + "' is already used in " + getClass().getSimpleName());
        }
    }

    // ------------------------------------------------------------------------------------------- structure

    /** Every parameter of this module and its descendants by path, each tensor once (a tied weight once). */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collectParameters("", out, seen, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private void collectParameters(String prefix, Map<String, Tensor> out, Set<Tensor> seen, Set<Module> visited) {
        if (!visited.add(this)) {
            return;
        }
        ownParameters.forEach((name, p) -> {
            if (seen.add(p)) {
                out.put(prefix + name, p);
            }
        });
        children.forEach((name, child) -> child.collectParameters(prefix + name + ".", out, seen, visited));
    }

    /** The parameters, in the order of {@link #namedParameters()} (for an optimizer). */
    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** The number of trainable numbers: the elements of every distinct parameter. */
    public final long parameterCount() {
        return namedParameters().values().stream().mapToLong(p -> p.data().length()).sum();
    }

    /** This module (under the name "") and every descendant by path, each once. */
    public final Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collectModules("", out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private void collectModules(String path, Map<String, Module> out, Set<Module> seen) {
        if (!seen.add(this)) {
            return;
        }
        out.put(path, this);
        children.forEach((name, child) -> child.collectModules(path.isEmpty() ? name : path + "." + name, out, seen));
    }

    /** This module and all its descendants, each once, parents before children. */
    public final List<Module> modules() {
        return new ArrayList<>(namedModules().values());
    }

    /** The direct children by name. */
    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    // ---------------------------------------------------------------------------------------------- modes

    /** Training mode (dropout active) for this module and all descendants; returns this module. */
    public final Module train() {
        return train(true);
    }

    /** Evaluation mode (dropout off) for this module and all descendants; returns this module. */
    public final Module eval() {
        return train(false);
    }

    /** Sets training mode on or off for this module and all descendants; returns this module. */
    public final Module train(boolean on) {
        for (Module m : modules()) {
            m.training = on;
        }
        return this;
    }

    /** True in training mode (the default), false after {@link #eval()}. */
    public final boolean isTraining() {
        return training;
    }

    /**
     * Until closed: evaluation mode (no dropout) and no graph recorded; afterwards the mode the model was in. For
     * estimating a loss or sampling: {@code try (Module.Inference ignored = Module.inference(model)) { … }}. A
     * model that is not a Module only gets the no-graph part.
     */
    public static Inference inference(Object model) {
        return new Inference(model instanceof Module m ? m : null);
    }

    /** The scope {@link #inference} opens; closing it twice is harmless. */
    public static final class Inference implements AutoCloseable {
        private final Module module; // null: not a Module
        private final boolean wasTraining;
        private final GradMode.Scope noGraph;

        private Inference(Module module) {
            this.module = module;
            this.wasTraining = module != null && module.isTraining();
            if (module != null) {
                module.eval();
            }
            this.noGraph = GradMode.disabled();
        }

        @Override
        public void close() {
            noGraph.close();
            if (module != null) {
                module.train(wasTraining);
            }
        }
    }

    /** Forgets the accumulated gradient of every parameter (before the next backward pass). */
    public final void zeroGrad() {
        parameters().forEach(Tensor::zeroGrad);
    }

    // ---------------------------------------------------------------------------------------------- state

    /** A copy of every parameter's value by name. */
    public final Map<String, INDArray> stateDict() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        namedParameters().forEach((name, p) -> out.put(name, p.data().dup()));
        return out;
    }

    /**
     * Copies values into the parameters (in place, so an optimizer holding them sees the new values). The names
     * must be exactly those of {@link #namedParameters()} and every shape must match; otherwise nothing is
     * changed and the error lists what differs.
     */
    public final void loadStateDict(Map<String, INDArray> state) {
        Map<String, Tensor> params = namedParameters();
        List<String> problems = new ArrayList<>();
        Set<String> missing = new TreeSet<>(params.keySet());
        missing.removeAll(state.keySet());
        Set<String> unexpected = new TreeSet<>(state.keySet());
        unexpected.removeAll(params.keySet());
        missing.forEach(n -> problems.add("missing parameter '" + n + "'"));
        unexpected.forEach(n -> problems.add("unexpected parameter '" + n + "' (this " + getClass().getSimpleName()
                + " has no parameter of that name)"));
        params.forEach((name, p) -> {
            INDArray value = state.get(name);
            if (value != null && !Arrays.equals(value.shape(), p.shape())) {
                problems.add("parameter '" + name + "' has shape " + Shapes.show(p.shape()) + " but the state has "
                        + Shapes.show(value.shape()));
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot load the state into " + getClass().getSimpleName() + ": "
                    + String.join("; ", problems));
        }
        params.forEach((name, p) -> p.data().assign(state.get(name).castTo(p.data().dataType())));
    }

    /** Writes every parameter to a file ({@link StateFile}'s format). */
    public final void save(Path file) throws IOException {
        StateFile.write(file, stateDict());
    }

    /** Reads parameters saved by {@link #save} into this module; see {@link #loadStateDict} for the rules. */
    public final void load(Path file) throws IOException {
        loadStateDict(StateFile.read(file));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + parameterCount() + " parameters)";
    }
}
