package hw.tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Parameters laid end to end in one array, so that arithmetic over all of them is one operation per array instead
 * of one per parameter (what DL4J's flattened parameters and PyTorch's fused optimizers do). Each member keeps its
 * shape, and its value and gradient become views into two flat arrays: every module holding the member sees the
 * same numbers as before, and a backward pass writes each member's gradient straight into its place.
 *
 * <p>{@link #tensor()} is a parameter standing for the whole group: its value is the flat array of values, and
 * its gradient is the flat array of gradients when the last backward pass reached every member (otherwise null,
 * and the members have to be updated one by one, as a parameter without a gradient must keep its value). Updating
 * the flat tensor in place updates every member. The flat arrays are made outside any memory workspace, so they
 * outlive a training step's temporaries.
 */
public final class FlatGroup {
    private final List<Tensor> members;
    private final long[] offsets;
    private final Tensor flat;
    private final INDArray gradients;

    private FlatGroup(List<Tensor> members, long[] offsets, INDArray values, INDArray gradients) {
        this.members = members;
        this.offsets = offsets;
        this.gradients = gradients;
        this.flat = Tensor.flatParam(values, this);
    }

    /**
     * Lays {@code members} (distinct trainable leaves of one floating-point type) end to end: copies their values
     * and gradients into the new flat arrays and makes each member's value and gradient views of them.
     */
    public static FlatGroup of(List<Tensor> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("FlatGroup: no parameters");
        }
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        DataType type = members.get(0).data().dataType();
        long[] offsets = new long[members.size() + 1];
        for (int i = 0; i < members.size(); i++) {
            Tensor p = members.get(i);
            if (!p.isLeaf() || !p.requiresGrad() || p.isFlat() || !seen.add(p)) {
                throw new IllegalArgumentException("FlatGroup: member " + i + " is not a distinct trainable leaf");
            }
            if (p.data().dataType() != type) {
                throw new IllegalArgumentException("FlatGroup: member " + i + " is " + p.data().dataType()
                        + ", member 0 is " + type + "; a group holds one type");
            }
            offsets[i + 1] = offsets[i] + p.data().length();
        }
        INDArray values, gradients;
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            values = Nd4j.createUninitialized(type, offsets[members.size()]);
            gradients = Nd4j.zeros(type, offsets[members.size()]);
        }
        for (int i = 0; i < members.size(); i++) {
            Tensor p = members.get(i);
            INDArray value = slice(values, offsets, i, p.shape());
            value.assign(p.data());
            p.moveInto(value, slice(gradients, offsets, i, p.shape()));
        }
        return new FlatGroup(List.copyOf(members), offsets, values, gradients);
    }

    private static INDArray slice(INDArray flat, long[] offsets, int i, long[] shape) {
        long start = offsets[i], end = offsets[i + 1];
        INDArray part = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start, end));
        return shape.length == 0 ? part.reshape() : part.reshape('c', shape);
    }

    /** The parameter standing for the whole group (see the class comment). */
    public Tensor tensor() {
        return flat;
    }

    /** The members, in their order in the flat arrays. */
    public List<Tensor> members() {
        return members;
    }

    /** True when the last backward pass reached every member, so the flat tensor has a gradient. */
    public boolean complete() {
        for (Tensor p : members) {
            if (p.grad() == null) {
                return false;
            }
        }
        return true;
    }

    /** The flat gradient when {@link #complete()}, else null. */
    INDArray gradient() {
        return complete() ? gradients : null;
    }

    /** Forgets every member's gradient. */
    void zeroGrad() {
        members.forEach(Tensor::zeroGrad);
    }

    /**
     * A flat array laid out like this group's values (made outside any workspace), holding {@code parts}, one per
     * member and of its shape: for state kept per parameter, such as an optimizer's running means.
     */
    public INDArray flatten(List<INDArray> parts) {
        if (parts.size() != members.size()) {
            throw new IllegalArgumentException("FlatGroup.flatten: " + parts.size() + " parts for " + members.size()
                    + " members");
        }
        INDArray out;
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            out = Nd4j.createUninitialized(flat.data().dataType(), offsets[members.size()]);
        }
        for (int i = 0; i < parts.size(); i++) {
            slice(out, offsets, i, members.get(i).shape()).assign(parts.get(i));
        }
        return out;
    }

    /** Member {@code i}'s part of a flat array made by {@link #flatten}, a view of its shape. */
    public INDArray part(INDArray flatArray, int i) {
        return slice(flatArray, offsets, i, members.get(i).shape());
    }

    /** The members' parts of a flat array, views in member order. */
    public List<INDArray> parts(INDArray flatArray) {
        List<INDArray> out = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            out.add(part(flatArray, i));
        }
        return out;
    }
}
