package hw.nn;

import hw.tensor.Tensor;
import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;

/** Fills parameters in place with initial values drawn from a seeded {@link Random}, so runs repeat exactly. */
public final class Init {
    private Init() {
    }

    /** Values from N(0, std²). */
    public static void normal(Tensor parameter, double std, Random rng) {
        double[] v = new double[Math.toIntExact(parameter.data().length())];
        for (int i = 0; i < v.length; i++) {
            v[i] = std * rng.nextGaussian();
        }
        set(parameter, v);
    }

    /** Values from U(−bound, bound). */
    public static void uniform(Tensor parameter, double bound, Random rng) {
        double[] v = new double[Math.toIntExact(parameter.data().length())];
        for (int i = 0; i < v.length; i++) {
            v[i] = bound * (2 * rng.nextDouble() - 1);
        }
        set(parameter, v);
    }

    /** Every element set to {@code value}. */
    public static void constant(Tensor parameter, double value) {
        parameter.data().assign(value);
    }

    private static void set(Tensor parameter, double[] values) {
        parameter.data().assign(Nd4j.create(values, parameter.shape(), parameter.data().dataType()));
    }
}
