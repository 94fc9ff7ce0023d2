package hw.tensor;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A value in a computation graph: an ND4J array plus what is needed to backpropagate through it.
 *
 * <p>Operations ({@link #add}, {@link #matmul}, {@link #sum}, …) return new tensors and never change their
 * inputs. When gradients are enabled ({@link GradMode}) and an input requires a gradient, the result records its
 * inputs and a {@link Backward} rule, so {@link #backward()} can later fill in {@code grad} for every leaf that
 * requires one. Values are of the {@link Precision} type (double unless changed) unless built from an array of
 * another type; an operation's result has its inputs' type.
 *
 * <p>Shapes follow NumPy: binary operations broadcast, and axes may be negative (counted from the end).
 */
public final class Tensor {
    private INDArray data; // a parameter's moves into a FlatGroup's array once (moveInto)
    private final boolean requiresGrad;
    private final List<Tensor> inputs;
    private final Backward backward; // null for a leaf
    private final String op;
    private INDArray grad;
    /** Where a flattened parameter's gradient lives (a view of its FlatGroup's flat gradient), else null. */
    private INDArray gradSlot;
    /** For the tensor standing for a whole FlatGroup: that group, which holds its gradient; else null. */
    private FlatGroup group;

    private Tensor(INDArray data, boolean requiresGrad, List<Tensor> inputs, Backward backward, String op) {
        this.data = data;
        this.requiresGrad = requiresGrad;
        this.inputs = inputs;
        this.backward = backward;
        this.op = op;
    }

    // ---------------------------------------------------------------------------------------------- creation

    /** A constant (no gradient) wrapping {@code data}; the array is not copied. */
    public static Tensor constant(INDArray data) {
        return new Tensor(data, false, List.of(), null, "constant");
    }

    /** A leaf that requires a gradient (a parameter or an input to differentiate by); the array is not copied. */
    public static Tensor param(INDArray data) {
        return new Tensor(data, true, List.of(), null, "param");
    }

    /** The parameter standing for a whole {@link FlatGroup}: the flat values; its gradient is the group's. */
    static Tensor flatParam(INDArray values, FlatGroup group) {
        Tensor t = new Tensor(values, true, List.of(), null, "flat parameters");
        t.group = group;
        return t;
    }

    /**
     * Moves this parameter's value into {@code value} (which already holds it) and has its gradients written into
     * {@code gradSlot} from now on (see {@link FlatGroup}).
     */
    void moveInto(INDArray value, INDArray gradSlot) {
        if (grad != null) {
            gradSlot.assign(grad);
            grad = gradSlot;
        }
        this.data = value;
        this.gradSlot = gradSlot;
    }

    /** True for the tensor standing for a whole {@link FlatGroup}, and for the members of one. */
    public boolean isFlat() {
        return group != null || gradSlot != null;
    }

    /** A constant of the given shape from values in row-major order. */
    public static Tensor of(double[] values, long... shape) {
        if (shape.length == 0) {
            shape = new long[] {values.length};
        }
        long n = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        if (n != values.length) {
            throw new IllegalArgumentException("Tensor.of: " + values.length + " values do not fill shape "
                    + Shapes.show(shape) + " (" + n + " elements)");
        }
        return constant(Nd4j.create(values, shape, Precision.current()));
    }

    /** A 2-D constant from rows of equal length. */
    public static Tensor of(double[][] rows) {
        return constant(Nd4j.createFromArray(rows).castTo(Precision.current()));
    }

    /** A rank-0 constant. */
    public static Tensor scalar(double value) {
        return constant(Nd4j.scalar(Precision.current(), value));
    }

    /** A constant of zeros. */
    public static Tensor zeros(long... shape) {
        return constant(Nd4j.zeros(Precision.current(), shape));
    }

    /** A constant of ones. */
    public static Tensor ones(long... shape) {
        return constant(Nd4j.ones(Precision.current(), shape));
    }

    /**
     * A tensor computed by an operation. Use this to add an operation of your own: compute the value, say how
     * the gradient flows back to each input, and list the inputs. A graph is recorded only when gradients are
     * enabled and some input requires a gradient.
     *
     * @param op       a short name, used in error messages
     * @param value    the result
     * @param backward dL/d(inputs) from dL/d(result), one entry per input in the order given
     * @param inputs   the tensors the result was computed from
     */
    public static Tensor fromOp(String op, INDArray value, Backward backward, Tensor... inputs) {
        NativeMemory.produced(value, inputs);
        boolean needsGrad = false;
        if (GradMode.isEnabled()) {
            for (Tensor t : inputs) {
                needsGrad |= t.requiresGrad;
            }
        }
        if (!needsGrad) {
            return new Tensor(value, false, List.of(), null, op);
        }
        List<Tensor> in = List.of(inputs);
        return new Tensor(value, true, in, checkedShapes(op, backward, in), op);
    }

    /** Wraps a backward rule so a gradient of the wrong shape is reported at the operation that produced it. */
    private static Backward checkedShapes(String op, Backward backward, List<Tensor> inputs) {
        return gradOutput -> {
            INDArray[] grads = backward.apply(gradOutput);
            if (grads.length != inputs.size()) {
                throw new IllegalStateException(op + ": backward returned " + grads.length + " gradients for "
                        + inputs.size() + " inputs");
            }
            for (int i = 0; i < grads.length; i++) {
                if (grads[i] != null && !Arrays.equals(grads[i].shape(), inputs.get(i).shape())) {
                    throw new IllegalStateException(op + ": backward returned a gradient of shape "
                            + Shapes.show(grads[i].shape()) + " for input " + i + " of shape "
                            + Shapes.show(inputs.get(i).shape()));
                }
            }
            return grads;
        };
    }

    // ------------------------------------------------------------------------------------------- accessors

    /** The value. Treat it as read-only: operations share arrays with their inputs (reshape, permute). */
    public INDArray data() {
        return data;
    }

    /** dL/d(this) accumulated by {@link #backward()}, or {@code null} before any backward pass reached it. */
    public INDArray grad() {
        return group != null ? group.gradient() : grad;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** True for a tensor no operation produced (parameters, inputs, constants). */
    public boolean isLeaf() {
        return backward == null;
    }

    /** The tensors this one was computed from (empty for a leaf). */
    public List<Tensor> inputs() {
        return inputs;
    }

    /** This tensor's backward rule, or {@code null} for a leaf. */
    public Backward backwardRule() {
        return backward;
    }

    /** The name of the operation that produced this tensor. */
    public String op() {
        return op;
    }

    public long[] shape() {
        return data.shape();
    }

    public int rank() {
        return data.rank();
    }

    /** The size of one axis (negative counts from the end). */
    public long size(int axis) {
        return data.size(Shapes.axis("size", axis, data.rank()));
    }

    /** The value of a one-element tensor. */
    public double item() {
        if (data.length() != 1) {
            throw new IllegalStateException("item(): tensor of shape " + Shapes.show(shape()) + " has "
                    + data.length() + " elements, not 1");
        }
        return data.getDouble(0);
    }

    /** The values in row-major order. */
    public double[] toDoubleArray() {
        return data.dup('c').reshape(data.length()).toDoubleVector();
    }

    /** The same value as a new leaf with no history and no gradient. */
    public Tensor detach() {
        return constant(data);
    }

    // -------------------------------------------------------------------------------------------- autograd

    /** Backpropagates from this one-element tensor (usually a loss): dL/dL = 1. */
    public void backward() {
        if (data.length() != 1) {
            throw new IllegalStateException("backward(): needs a one-element tensor such as a loss, but this one has"
                    + " shape " + Shapes.show(shape()) + "; reduce it first (sum, mean) or call backward(gradient)");
        }
        backward(Nd4j.onesLike(data));
    }

    /** Backpropagates a given dL/d(this), which must have this tensor's shape. */
    public void backward(INDArray gradient) {
        if (!Arrays.equals(gradient.shape(), shape())) {
            throw new IllegalArgumentException("backward(gradient): gradient shape " + Shapes.show(gradient.shape())
                    + " differs from the tensor's shape " + Shapes.show(shape()));
        }
        if (!requiresGrad) {
            throw new IllegalStateException("backward(): this tensor does not require a gradient — no input of the"
                    + " computation did, or it was computed with gradients disabled");
        }
        Autograd.backward(this, gradient);
    }

    /** Adds {@code g} to this leaf's gradient (called by the backward pass). */
    public void accumulateGrad(INDArray g) {
        if (!Arrays.equals(g.shape(), shape())) {
            throw new IllegalStateException("accumulateGrad: gradient of shape " + Shapes.show(g.shape())
                    + " for a tensor of shape " + Shapes.show(shape()));
        }
        if (group != null) {
            throw new IllegalStateException("accumulateGrad: the tensor standing for flat parameters is in no graph");
        }
        if (grad == null) {
            grad = gradSlot != null ? gradSlot.assign(g) : NativeMemory.copyOutside(g);
        } else if (gradSlot != null) {
            grad.addi(g);
        } else {
            grad = NativeMemory.keep(grad.add(g));
        }
    }

    /** Forgets the accumulated gradient (before the next backward pass). */
    public void zeroGrad() {
        if (group != null) {
            group.zeroGrad();
        }
        grad = null;
    }

    // ---------------------------------------------------------------------------------- elementwise binary

    /** this + other, broadcasting. */
    public Tensor add(Tensor other) {
        long[] a = shape(), b = other.shape();
        int rank = Shapes.broadcast("add", a, b).length;
        return fromOp("add", Shapes.withRank(data, rank).add(Shapes.withRank(other.data, rank)),
                g -> new INDArray[] {Shapes.sumToShape(g, a), Shapes.sumToShape(g, b)}, this, other);
    }

    /** this - other, broadcasting. */
    public Tensor sub(Tensor other) {
        long[] a = shape(), b = other.shape();
        int rank = Shapes.broadcast("sub", a, b).length;
        // The subtrahend's gradient is negated after summing it to its shape: fewer elements when it broadcast.
        return fromOp("sub", Shapes.withRank(data, rank).sub(Shapes.withRank(other.data, rank)),
                g -> new INDArray[] {Shapes.sumToShape(g, a), Shapes.sumToShape(g, b).neg()}, this, other);
    }

    /** this * other elementwise, broadcasting. */
    public Tensor mul(Tensor other) {
        long[] a = shape(), b = other.shape();
        int rank = Shapes.broadcast("mul", a, b).length;
        INDArray x = Shapes.withRank(data, rank), y = Shapes.withRank(other.data, rank);
        return fromOp("mul", x.mul(y), g -> new INDArray[] {
            Shapes.sumToShape(g.mul(y), a), Shapes.sumToShape(g.mul(x), b)}, this, other);
    }

    /** this / other elementwise, broadcasting. */
    public Tensor div(Tensor other) {
        long[] a = shape(), b = other.shape();
        int rank = Shapes.broadcast("div", a, b).length;
        INDArray x = Shapes.withRank(data, rank), y = Shapes.withRank(other.data, rank);
        INDArray out = x.div(y);
        // d(x/y)/dy = −out/y; y is constant along the axes it broadcast over, so the division and the negation come
        // after the sum, on y's own shape (one full-size operation instead of three, for LayerNorm's x / std).
        return fromOp("div", out, g -> new INDArray[] {Shapes.sumToShape(g.div(y), a),
            Shapes.sumToShape(g.mul(out), b).divi(other.data).negi()}, this, other);
    }

    public Tensor add(double c) {
        return fromOp("add", data.add(c), g -> new INDArray[] {g}, this);
    }

    public Tensor sub(double c) {
        return add(-c);
    }

    public Tensor mul(double c) {
        return fromOp("mul", data.mul(c), g -> new INDArray[] {g.mul(c)}, this);
    }

    public Tensor div(double c) {
        return mul(1.0 / c);
    }

    public Tensor neg() {
        return mul(-1.0);
    }

    // ----------------------------------------------------------------------------------- elementwise unary

    /** e^x. */
    public Tensor exp() {
        INDArray out = Transforms.exp(data, true);
        return fromOp("exp", out, g -> new INDArray[] {g.mul(out)}, this);
    }

    /** The natural logarithm. */
    public Tensor log() {
        return fromOp("log", Transforms.log(data, true), g -> new INDArray[] {g.div(data)}, this);
    }

    /** The square root; its gradient 1/(2·sqrt(x)) is infinite at 0, so keep inputs positive (add an epsilon). */
    public Tensor sqrt() {
        INDArray out = Transforms.sqrt(data, true);
        return fromOp("sqrt", out, g -> new INDArray[] {g.div(out).muli(0.5)}, this);
    }

    /**
     * Problem 1.1 — x^p for a constant exponent p.
     *
     * <p>Forward: raise every element to the power p. Backward: d(x^p)/dx = p·x^(p−1), times the incoming
     * gradient. Mind the edge case p = 0: x^0 is the constant 1, so its gradient is 0 everywhere — including at
     * x = 0, where the formula would give 0·0^(−1) = NaN.
     */
    public Tensor pow(double p) {
        // BEGIN SOLUTION Problem 1.1 (Tensor.pow)
        INDArray out = Transforms.pow(data, p, true);
        return fromOp("pow", out, g -> {
            if (p == 0.0) {
                return new INDArray[] {Nd4j.zerosLike(data)};
            }
            INDArray local = Transforms.pow(data, p - 1.0, true).muli(p);
            return new INDArray[] {g.mul(local)};
        }, this);
        // END SOLUTION
    }

    /**
     * Problem 1.2 — the hyperbolic tangent.
     *
     * <p>Forward: tanh of every element. Backward: d tanh(x)/dx = 1 − tanh(x)², times the incoming gradient
     * (reuse the forward output rather than computing tanh again).
     */
    public Tensor tanh() {
        // BEGIN SOLUTION Problem 1.2 (Tensor.tanh)
        INDArray out = Transforms.tanh(data, true);
        return fromOp("tanh", out, g -> new INDArray[] {g.mul(out.mul(out).rsubi(1.0))}, this);
        // END SOLUTION
    }

    // ------------------------------------------------------------------------------------------ reductions

    /** The sum of all elements, as a rank-0 tensor. */
    public Tensor sum() {
        long[] in = shape();
        return fromOp("sum", data.sum(), g -> new INDArray[] {Shapes.expand(g, in)}, this);
    }

    /** The sum over one axis; with {@code keepDim} that axis stays with size 1. */
    public Tensor sum(int axis, boolean keepDim) {
        int a = Shapes.axis("sum", axis, rank());
        long[] in = shape();
        long[] kept = in.clone();
        kept[a] = 1;
        return fromOp("sum", data.sum(keepDim, a),
                g -> new INDArray[] {Shapes.expand(g.reshape(kept), in)}, this);
    }

    /** The mean of all elements, as a rank-0 tensor. */
    public Tensor mean() {
        return sum().div(data.length());
    }

    /** The mean over one axis; with {@code keepDim} that axis stays with size 1. */
    public Tensor mean(int axis, boolean keepDim) {
        int a = Shapes.axis("mean", axis, rank());
        return sum(a, keepDim).div(size(a));
    }

    /**
     * The maximum over one axis. The gradient flows to the maximal element; when several elements tie, it is
     * shared equally between them.
     */
    public Tensor max(int axis, boolean keepDim) {
        int a = Shapes.axis("max", axis, rank());
        long[] in = shape();
        INDArray kept = data.max(true, a);
        return fromOp("max", keepDim ? kept : kept.reshape(dropAxis(in, a)), g -> {
            INDArray isMax = data.eq(kept).castTo(data.dataType());
            INDArray share = isMax.div(isMax.sum(true, a));
            return new INDArray[] {share.mul(g.reshape(kept.shape()))};
        }, this);
    }

    private static long[] dropAxis(long[] shape, int axis) {
        long[] out = new long[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ shape

    /** The same elements in a new shape (row-major order); one size may be -1 to be inferred. */
    public Tensor reshape(long... newShape) {
        long[] in = shape();
        INDArray out;
        try {
            out = data.reshape('c', newShape);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.show(in) + " ("
                    + data.length() + " elements) to " + Shapes.show(newShape), e);
        }
        return fromOp("reshape", out, g -> new INDArray[] {g.reshape('c', in)}, this);
    }

    /** Reorders the axes: result axis i is input axis {@code order[i]}. */
    public Tensor permute(int... order) {
        if (order.length != rank()) {
            throw new IllegalArgumentException("permute: order " + Arrays.toString(order) + " has " + order.length
                    + " axes but the tensor has shape " + Shapes.show(shape()));
        }
        int[] inverse = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inverse[Shapes.axis("permute", order[i], rank())] = i;
        }
        return fromOp("permute", data.permute(order), g -> new INDArray[] {g.permute(inverse)}, this);
    }

    /** Swaps two axes. */
    public Tensor transpose(int axis1, int axis2) {
        int[] order = new int[rank()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int a = Shapes.axis("transpose", axis1, rank()), b = Shapes.axis("transpose", axis2, rank());
        order[a] = b;
        order[b] = a;
        return permute(order);
    }

    // ------------------------------------------------------------------------ slicing, joining and masking

    /**
     * The elements {@code start … start + length − 1} along one axis; the other axes are kept whole. The backward
     * pass puts the gradient back into that window and zeros elsewhere.
     */
    public Tensor narrow(int axis, long start, long length) {
        int a = Shapes.axis("narrow", axis, rank());
        long[] in = shape();
        if (start < 0 || length < 0 || start + length > in[a]) {
            throw new IllegalArgumentException("narrow: the window [" + start + ", " + (start + length)
                    + ") does not fit axis " + axis + " of a tensor of shape " + Shapes.show(in));
        }
        INDArrayIndex[] window = window(in.length, a, start, length);
        return fromOp("narrow", data.get(window).dup('c'), g -> {
            INDArray full = Nd4j.zeros(g.dataType(), in);
            full.get(window).assign(g);
            return new INDArray[] {full};
        }, this);
    }

    /** Joins tensors along one axis; every other axis must agree. The backward pass splits the gradient. */
    public static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat: nothing to join");
        }
        int rank = parts[0].rank();
        int a = Shapes.axis("concat", axis, rank);
        INDArray[] arrays = new INDArray[parts.length];
        long[] starts = new long[parts.length];
        long offset = 0;
        for (int i = 0; i < parts.length; i++) {
            long[] s = parts[i].shape(), first = parts[0].shape();
            boolean fits = s.length == rank;
            for (int d = 0; fits && d < rank; d++) {
                fits = d == a || s[d] == first[d];
            }
            if (!fits) {
                throw new IllegalArgumentException("concat: part " + i + " has shape " + Shapes.show(s)
                        + ", which does not join part 0 of shape " + Shapes.show(first) + " along axis " + axis);
            }
            arrays[i] = parts[i].data;
            starts[i] = offset;
            offset += s[a];
        }
        INDArray out = parts.length == 1 ? parts[0].data.dup('c') : Nd4j.concat(a, arrays);
        return fromOp("concat", out, g -> {
            INDArray[] grads = new INDArray[parts.length];
            for (int i = 0; i < parts.length; i++) {
                grads[i] = g.get(window(rank, a, starts[i], parts[i].size(a))).dup('c');
            }
            return grads;
        }, parts);
    }

    private static INDArrayIndex[] window(int rank, int axis, long start, long length) {
        INDArrayIndex[] index = new INDArrayIndex[rank];
        for (int d = 0; d < rank; d++) {
            index[d] = d == axis ? NDArrayIndex.interval(start, start + length) : NDArrayIndex.all();
        }
        return index;
    }

    /**
     * Replaces the elements where {@code mask} is non-zero with {@code value} (which may be −∞); the mask
     * broadcasts to this tensor's shape (a [T, T] mask applies to every [..., T, T] slice). Replaced elements get
     * no gradient. The elements being replaced must be finite (they are multiplied by 0).
     */
    public Tensor maskedFill(INDArray mask, double value) {
        long[] in = shape();
        if (mask.rank() > in.length || !Arrays.equals(Shapes.broadcast("maskedFill", in, mask.shape()), in)) {
            throw new IllegalArgumentException("maskedFill: a mask of shape " + Shapes.show(mask.shape())
                    + " does not broadcast to the tensor's shape " + Shapes.show(in));
        }
        // Small arrays in the mask's shape, broadcast by mul and add: x·keep + fill. For −∞, fill = log(keep) is
        // exactly −∞ where masked and 0 elsewhere (a product with 0 would give NaN there).
        INDArray keepArray = Shapes.withRank(mask.eq(0).castTo(data.dataType()), in.length);
        INDArray fillArray = value == Double.NEGATIVE_INFINITY ? Transforms.log(keepArray, true)
                : keepArray.rsub(1.0).muli(value);
        INDArray out = data.mul(keepArray).addi(fillArray);
        return fromOp("maskedFill", out, g -> new INDArray[] {g.mul(keepArray)}, this);
    }

    /**
     * Rows of a 2-D table by index, an embedding lookup: {@code table.gatherRows(ids)} is [ids.length, columns],
     * row i being row {@code ids[i]} of the table. An index may repeat; the backward pass adds the gradients of
     * all its copies into that row (a scatter-add). Indices outside the table are an error.
     */
    public Tensor gatherRows(int... ids) {
        if (rank() != 2) {
            throw new IllegalArgumentException("gatherRows: needs a 2-D table, not a tensor of shape "
                    + Shapes.show(shape()));
        }
        long rows = data.size(0), cols = data.size(1);
        if (ids.length == 0) {
            throw new IllegalArgumentException("gatherRows: no indices");
        }
        for (int i = 0; i < ids.length; i++) {
            // Checked here because ND4J reads out of bounds (or crashes the JVM) on a bad index.
            if (ids[i] < 0 || ids[i] >= rows) {
                throw new IndexOutOfBoundsException("gatherRows: index " + ids[i] + " (at position " + i
                        + ") is outside the table's " + rows + " rows [0, " + rows + ")");
            }
        }
        int[] index = ids.clone();
        INDArray out = Nd4j.pullRows(data, 1, index);
        return fromOp("gatherRows", out, g -> {
            double[] grad = g.dup('c').reshape(g.length()).toDoubleVector();
            double[] table = new double[Math.toIntExact(rows * cols)];
            int c = (int) cols;
            for (int i = 0; i < index.length; i++) {
                int row = index[i] * c;
                for (int j = 0; j < c; j++) {
                    table[row + j] += grad[i * c + j];
                }
            }
            return new INDArray[] {Nd4j.create(table, new long[] {rows, cols}, g.dataType())};
        }, this);
    }

    // ----------------------------------------------------------------------------------------------- matmul

    /**
     * Matrix product over the last two axes: [m, k] @ [k, n] → [m, n]; batched [..., m, k] @ [..., k, n] with equal
     * batch axes; and [..., m, k] @ [k, n], which applies one matrix to every row (as a linear layer does).
     */
    public Tensor matmul(Tensor other) {
        if (other.data.dataType() != data.dataType()) {
            return matmul(other.castTo(data.dataType())); // ND4J multiplies equal types only; keep this one's
        }
        long[] a = shape(), b = other.shape();
        if (a.length < 2 || b.length < 2 || a[a.length - 1] != b[b.length - 2]) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.show(a) + " and " + Shapes.show(b)
                    + " do not multiply: need [..., m, k] @ [..., k, n]");
        }
        if (b.length == 2) {
            // Fold every leading axis of this into the rows of one 2-D product.
            long k = a[a.length - 1];
            long[] outShape = a.clone();
            outShape[a.length - 1] = b[1];
            INDArray a2 = data.reshape('c', -1, k);
            INDArray out = matrixProduct(a2, other.data).reshape('c', outShape);
            return fromOp("matmul", out, g -> {
                INDArray g2 = g.reshape('c', -1, b[1]);
                // gemm's transpose flags instead of transposed views, which ND4J copies before multiplying.
                return new INDArray[] {
                    gemm(g2, other.data, false, true).reshape('c', a), gemm(a2, g2, true, false)};
            }, this, other);
        }
        if (a.length != b.length || !Arrays.equals(Arrays.copyOf(a, a.length - 2), Arrays.copyOf(b, b.length - 2))) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.show(a) + " and " + Shapes.show(b)
                    + " have different batch axes; batched matmul needs them equal");
        }
        INDArray out = Nd4j.matmul(data, other.data);
        return fromOp("matmul", out, g -> new INDArray[] {
            Nd4j.matmul(g, other.data, false, true, false), Nd4j.matmul(data, g, true, false, false)}, this, other);
    }

    /**
     * a [m, k] @ b [k, n], through gemm directly (INDArray.mmul takes twice as long: 0.54 ms against 0.26 ms for
     * [768, 128] @ [128, 128]). One row (a sampled token) is a matrix-vector product, bᵀ·a: gemm would first copy
     * all of b into its packed layout, which for the LM head is most of the token's time (0.73 ms against 2.0 ms
     * for [1, 384] @ [384, 12,038]).
     */
    private static INDArray matrixProduct(INDArray a, INDArray b) {
        if (a.size(0) != 1) {
            return gemm(a, b, false, false);
        }
        return Nd4j.matmul(b.transpose(), a.reshape(a.length())).reshape(1, b.size(1));
    }

    /**
     * op(a) @ op(b) through gemm, op being a transpose where the flag says so. An operand that is the transposed
     * view of a row-major matrix (a tied LM head's Eᵀ) is passed as that matrix with its flag flipped: gemm would
     * first copy the view (the whole [V, C] table, 18 MB at the 305B configuration, for every sampled token).
     */
    private static INDArray gemm(INDArray a, INDArray b, boolean transposeA, boolean transposeB) {
        if (isTransposedRowMajor(a)) {
            return gemm(a.transpose(), b, !transposeA, transposeB);
        }
        if (isTransposedRowMajor(b)) {
            return gemm(a, b.transpose(), transposeA, !transposeB);
        }
        return Nd4j.gemm(a, b, transposeA, transposeB);
    }

    /** True for a 2-D view whose transpose is a plain row-major matrix (element strides [1, rows]). */
    private static boolean isTransposedRowMajor(INDArray x) {
        return x.rank() == 2 && x.size(0) > 1 && x.size(1) > 1 && x.stride(0) == 1 && x.stride(1) == x.size(0);
    }

    /** This tensor's value as another floating-point type; the gradient is cast back. */
    private Tensor castTo(DataType type) {
        DataType own = data.dataType();
        return fromOp("cast", data.castTo(type), g -> new INDArray[] {g.castTo(own)}, this);
    }

    @Override
    public String toString() {
        return "Tensor(" + op + ", shape=" + Shapes.show(shape()) + (requiresGrad ? ", requiresGrad" : "") + ")\n"
                + data;
    }
}
