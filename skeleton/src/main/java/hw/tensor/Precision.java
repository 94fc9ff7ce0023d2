package hw.tensor;

import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The floating-point type of new tensors and parameters, like PyTorch's {@code torch.set_default_dtype}: double
 * precision unless changed, which is what the gradient checks and the PyTorch fixtures need (central
 * differences lose most of float32's 7 digits). Training and sampling do not need double: float32 halves the
 * memory and the bytes each operation moves, and BLAS multiplies floats about twice as fast — so the command line
 * trains and samples in float32 (a run's {@code --dtype}), as PyTorch does.
 *
 * <pre>{@code
 * try (Precision.Scope ignored = Precision.use(DataType.FLOAT)) {
 *     GPT model = new GPT(config);   // float32 parameters; every operation on them stays float32
 *     ...
 * }
 * }</pre>
 *
 * What it decides: {@link Tensor#of}, {@link Tensor#zeros}, {@link Tensor#ones}, {@link Tensor#scalar}, and the
 * parameters the layers create. An operation's result has its inputs' type. The setting is global (for the whole
 * program, as PyTorch's is); scopes nest.
 */
public final class Precision {
    private static volatile DataType current = DataType.DOUBLE;

    private Precision() {
    }

    /** The type new tensors and parameters get now. */
    public static DataType current() {
        return current;
    }

    /** Until the scope is closed, new tensors and parameters are of {@code type} (FLOAT or DOUBLE). */
    public static Scope use(DataType type) {
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("Precision: FLOAT or DOUBLE, not " + type);
        }
        Scope scope = new Scope(current);
        current = type;
        return scope;
    }

    /** "float32" or "float64" (PyTorch's names; also "float", "double"), as a type. */
    public static DataType parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "float32", "float", "fp32" -> DataType.FLOAT;
            case "float64", "double", "fp64" -> DataType.DOUBLE;
            default -> throw new IllegalArgumentException("a floating-point type is float32 or float64, not '" + name
                    + "'");
        };
    }

    /** PyTorch's name of a type: "float32" or "float64". */
    public static String name(DataType type) {
        return type == DataType.FLOAT ? "float32" : type == DataType.DOUBLE ? "float64" : type.toString();
    }

    /** Restores the type that was current when it was opened; closing it twice is harmless. */
    public static final class Scope implements AutoCloseable {
        private final DataType previous;
        private boolean open = true;

        private Scope(DataType previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                current = previous;
            }
        }
    }
}
