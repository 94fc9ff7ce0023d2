package hw.tensor;

/**
 * Whether new operations record a graph for backpropagation. Inference does not need one, and skipping it saves
 * memory and time:
 *
 * <pre>{@code
 * try (GradMode.Scope ignored = GradMode.disabled()) {
 *     Tensor logits = model.forward(ids);   // no graph is recorded here
 * }
 * }</pre>
 *
 * The switch is per thread, and scopes nest.
 */
public final class GradMode {
    private static final ThreadLocal<int[]> DISABLED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private GradMode() {
    }

    /** True unless the current thread is inside a {@link #disabled()} scope. */
    public static boolean isEnabled() {
        return DISABLED_DEPTH.get()[0] == 0;
    }

    /** Opens a scope in which operations record no graph; close it (try-with-resources) to leave. */
    public static Scope disabled() {
        DISABLED_DEPTH.get()[0]++;
        return new Scope();
    }

    /** A no-grad scope; closing it twice is harmless. */
    public static final class Scope implements AutoCloseable {
        private boolean open = true;

        private Scope() {
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                DISABLED_DEPTH.get()[0]--;
            }
        }
    }
}
