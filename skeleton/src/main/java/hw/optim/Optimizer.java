package hw.optim;

import hw.tensor.FlatGroup;
import hw.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Updates parameters from their gradients, one {@link #step()} after each backward pass:
 *
 * <pre>{@code
 * optimizer.zeroGrad();
 * model.forward(inputs, targets).loss().backward();
 * optimizer.step();
 * }</pre>
 *
 * Updates change {@code Tensor.data()} in place, so every module holding a parameter sees its new value, and they
 * are plain array arithmetic: nothing is recorded for backpropagation.
 *
 * <p>Rules every optimizer here follows:
 * <ul>
 *   <li><b>Each tensor once.</b> A tensor listed twice — in one group, or in two groups with the same weight
 *       decay (a tied weight) — is one parameter, updated once per step. A tensor in two groups with different
 *       weight decays is an error, since it is unclear which applies.</li>
 *   <li><b>No gradient, no update.</b> A parameter whose {@code grad()} is null (the last backward pass did not
 *       reach it) is skipped by the step: neither its value nor its state changes. The step count still counts
 *       the step, so Adam's bias correction uses the number of steps taken, as the handout's t.</li>
 *   <li><b>State.</b> A subclass names its per-parameter buffers (Adam: u and v) in its constructor; they start
 *       at zero with the parameter's shape. {@link #state()} and {@link #loadState} copy them, the step count
 *       and the learning rate, for checkpoints.</li>
 * </ul>
 */
public abstract class Optimizer {

    /**
     * One parameter as the optimizer sees it: its position (0, 1, … in the order of the groups, each tensor
     * once), the tensor, and its group's weight decay.
     */
    protected record Parameter(int index, Tensor tensor, double weightDecay) {
        /** The value, updated in place by a step. */
        public INDArray value() {
            return tensor.data();
        }

        /** The gradient of the last backward pass, or {@code null} when it did not reach this parameter. */
        public INDArray grad() {
            return tensor.grad();
        }
    }

    private static final String STEP_KEY = "step";
    private static final String LR_KEY = "learningRate";

    private final List<ParamGroup> groups;
    private final List<Parameter> parameters;
    private final Map<String, INDArray[]> buffers = new LinkedHashMap<>();
    /** After {@link #flattenParameters()}: the flat groups, each with its slot and its members' slots. */
    private List<Flat> flat = List.of();
    /** The flat groups' buffers, by name, one flat array per group (the members' buffers are views of them). */
    private final Map<String, INDArray[]> flatBuffers = new LinkedHashMap<>();

    private record Flat(FlatGroup group, Parameter slot, List<Parameter> members) {
    }
    private double learningRate;
    private long stepCount;

    /**
     * @param groups       the parameters, in groups (see the class comment on duplicates)
     * @param learningRate the initial learning rate, &gt; 0
     * @param bufferNames  the per-parameter state this optimizer keeps (each buffer starts as zeros)
     */
    protected Optimizer(List<ParamGroup> groups, double learningRate, String... bufferNames) {
        if (groups == null || groups.isEmpty()) {
            throw new IllegalArgumentException(name() + ": needs at least one parameter group");
        }
        checkLearningRate(learningRate);
        this.groups = List.copyOf(groups);
        this.learningRate = learningRate;
        Map<Tensor, Parameter> seen = new IdentityHashMap<>();
        List<Parameter> list = new ArrayList<>();
        for (int g = 0; g < this.groups.size(); g++) {
            ParamGroup group = this.groups.get(g);
            if (group == null) {
                throw new IllegalArgumentException(name() + ": parameter group " + g + " is null");
            }
            for (Tensor t : group.params()) {
                Parameter earlier = seen.get(t);
                if (earlier == null) {
                    Parameter p = new Parameter(list.size(), t, group.weightDecay());
                    seen.put(t, p);
                    list.add(p);
                } else if (earlier.weightDecay() != group.weightDecay()) {
                    throw new IllegalArgumentException(name() + ": a tensor of shape " + Arrays.toString(t.shape())
                            + " is in groups with weight decay " + earlier.weightDecay() + " and "
                            + group.weightDecay() + "; put each parameter in one group");
                }
            }
        }
        this.parameters = Collections.unmodifiableList(list);
        for (String b : bufferNames) {
            INDArray[] arrays = new INDArray[list.size()];
            for (Parameter p : list) {
                arrays[p.index()] = Nd4j.zeros(p.value().dataType(), p.value().shape());
            }
            buffers.put(b, arrays);
        }
    }

    /** Applies one update to every parameter that has a gradient. */
    public abstract void step();

    /**
     * Lays the parameters of each weight decay (and floating-point type) end to end in one array, their gradients
     * and this optimizer's buffers likewise ({@link FlatGroup}), so that a step and clipping work on a few large
     * arrays instead of one small array per parameter: GPT's 68 parameters become two. The {@link hw.train.Trainer}
     * does this before training. From then on {@link #parameters()} and {@link #slots()} hold one tensor per group
     * whenever the last backward pass reached all its members (else that group's members, one by one, so a member
     * without a gradient keeps its value); the members keep their shapes and modules see the same values.
     * {@link #state()} and {@link #loadState} are unchanged. Does nothing when already done, or when a parameter
     * is already part of another optimizer's flat group; returns whether the parameters are flat now.
     */
    public final boolean flattenParameters() {
        if (!flat.isEmpty()) {
            return true;
        }
        Map<String, List<Parameter>> byKind = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (p.tensor().isFlat()) {
                return false;
            }
            byKind.computeIfAbsent(p.weightDecay() + "/" + p.value().dataType(), k -> new ArrayList<>()).add(p);
        }
        List<Flat> made = new ArrayList<>();
        for (List<Parameter> members : byKind.values()) {
            FlatGroup group = FlatGroup.of(members.stream().map(Parameter::tensor).toList());
            Parameter slot = new Parameter(parameters.size() + made.size(), group.tensor(), members.get(0).weightDecay());
            made.add(new Flat(group, slot, List.copyOf(members)));
        }
        buffers.forEach((name, arrays) -> {
            INDArray[] flatArrays = new INDArray[made.size()];
            for (int k = 0; k < made.size(); k++) {
                Flat f = made.get(k);
                flatArrays[k] = f.group().flatten(f.members().stream().map(p -> arrays[p.index()]).toList());
                for (int i = 0; i < f.members().size(); i++) {
                    arrays[f.members().get(i).index()] = f.group().part(flatArrays[k], i);
                }
            }
            flatBuffers.put(name, flatArrays);
        });
        flat = List.copyOf(made);
        return true;
    }

    /** Forgets every parameter's gradient (before the next backward pass). */
    public void zeroGrad() {
        for (Parameter p : parameters) {
            p.tensor().zeroGrad();
        }
    }

    /** Sets the learning rate of every group (a schedule calls this before each step). */
    public void setLearningRate(double learningRate) {
        checkLearningRate(learningRate);
        this.learningRate = learningRate;
    }

    public double learningRate() {
        return learningRate;
    }

    /** The number of steps taken so far: 0 before the first, 1 during and after the first, and so on. */
    public long stepCount() {
        return stepCount;
    }

    /** The groups as given. */
    public List<ParamGroup> groups() {
        return groups;
    }

    /**
     * Every parameter this optimizer updates, each tensor once, in the order of the groups; after
     * {@link #flattenParameters()}, a flat group whose members all have gradients counts as one.
     */
    public List<Tensor> parameters() {
        return slots().stream().map(Parameter::tensor).toList();
    }

    /** A one-line description with the hyperparameters, e.g. for logs. */
    public String describe() {
        return name() + "(lr=" + learningRate + ")";
    }

    // ------------------------------------------------------------------------------------ for subclasses

    /**
     * The parameters with their settings, each tensor once. After {@link #flattenParameters()}, each flat group
     * whose members all have gradients is one slot (its value, gradient and buffers are the whole group's); the
     * members of the others come one by one.
     */
    protected final List<Parameter> slots() {
        if (flat.isEmpty()) {
            return parameters;
        }
        List<Parameter> out = new ArrayList<>();
        for (Flat f : flat) {
            if (f.group().complete()) {
                out.add(f.slot());
            } else {
                out.addAll(f.members());
            }
        }
        return out;
    }

    /** This parameter's buffer {@code name} (as declared in the constructor), to read and update in place. */
    protected final INDArray buffer(String name, Parameter p) {
        INDArray[] arrays = p.index() < parameters.size() ? buffers.get(name) : flatBuffers.get(name);
        if (arrays == null) {
            throw new IllegalArgumentException(name() + " keeps no buffer named '" + name + "'; it has "
                    + buffers.keySet());
        }
        return p.index() < parameters.size() ? arrays[p.index()] : arrays[p.index() - parameters.size()];
    }

    /** Counts a new step and returns its number t: 1 at the first step, 2 at the second, … Call it once per step. */
    protected final long nextStep() {
        return ++stepCount;
    }

    private String name() {
        return getClass().getSimpleName();
    }

    private void checkLearningRate(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException(name() + ": the learning rate must be a finite number ≥ 0, got " + lr);
        }
    }

    // ------------------------------------------------------------------------------------------- state

    /**
     * A copy of the optimizer's state: "step" and "learningRate" (rank-0 arrays) and, per buffer and parameter,
     * "NAME.INDEX" (e.g. "u.3"), INDEX being the parameter's position in {@link #parameters()}.
     */
    public Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(STEP_KEY, Nd4j.scalar((double) stepCount));
        out.put(LR_KEY, Nd4j.scalar(learningRate));
        buffers.forEach((name, arrays) -> {
            for (int i = 0; i < arrays.length; i++) {
                out.put(name + "." + i, arrays[i].dup());
            }
        });
        return out;
    }

    /**
     * Copies a {@link #state()} back (in place). It must come from an optimizer of the same kind over parameters
     * of the same shapes, in the same order; otherwise nothing changes and the error lists what differs.
     */
    public void loadState(Map<String, INDArray> state) {
        List<String> problems = stateProblems(state);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot load the state into " + describe() + ": "
                    + String.join("; ", problems));
        }
        stepCount = (long) state.get(STEP_KEY).getDouble(0);
        learningRate = state.get(LR_KEY).getDouble(0);
        buffers.forEach((name, arrays) -> {
            for (int i = 0; i < arrays.length; i++) {
                arrays[i].assign(state.get(name + "." + i).castTo(arrays[i].dataType()));
            }
        });
    }

    /** What keeps {@code state} from being loaded by {@link #loadState} (empty when it fits). */
    public List<String> stateProblems(Map<String, INDArray> state) {
        List<String> problems = new ArrayList<>();
        if (state == null) {
            return List.of("the state is null");
        }
        TreeSet<String> expected = new TreeSet<>(List.of(STEP_KEY, LR_KEY));
        buffers.forEach((name, arrays) -> {
            for (int i = 0; i < arrays.length; i++) {
                expected.add(name + "." + i);
            }
        });
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(state.keySet());
        TreeSet<String> unexpected = new TreeSet<>(state.keySet());
        unexpected.removeAll(expected);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            problems.add("this " + name() + " keeps buffers " + buffers.keySet() + " for " + parameters.size()
                    + " parameters, so the state should have " + summarize(expected) + "; it lacks "
                    + summarize(missing) + " and has unexpected " + summarize(unexpected)
                    + " (a state from another kind of optimizer, or from another model?)");
        }
        INDArray step = state.get(STEP_KEY);
        double steps = step == null || step.length() != 1 ? -1 : step.getDouble(0);
        if (step != null && (steps < 0 || steps != Math.rint(steps))) {
            problems.add("'step' must be one whole number ≥ 0");
        }
        INDArray lr = state.get(LR_KEY);
        if (lr != null && (lr.length() != 1 || !(lr.getDouble(0) >= 0))) {
            problems.add("'learningRate' must be one number ≥ 0");
        }
        buffers.forEach((name, arrays) -> {
            for (int i = 0; i < arrays.length; i++) {
                INDArray value = state.get(name + "." + i);
                if (value != null && !Arrays.equals(value.shape(), arrays[i].shape())) {
                    problems.add("'" + name + "." + i + "' has shape " + Arrays.toString(value.shape())
                            + " but parameter " + i + " has shape " + Arrays.toString(arrays[i].shape()));
                }
            }
        });
        return problems;
    }

    private static String summarize(TreeSet<String> keys) {
        if (keys.isEmpty()) {
            return "none";
        }
        List<String> list = new ArrayList<>(keys);
        return list.size() <= 6 ? list.toString()
                : list.subList(0, 6) + " and " + (list.size() - 6) + " more";
    }
}
