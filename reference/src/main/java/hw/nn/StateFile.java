package hw.nn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A file of named arrays, for saving and loading a model's parameters. Big-endian binary:
 *
 * <pre>
 *     "GPTHW-STATE" (UTF), version (int, 1), count (int), then per array:
 *     name (UTF), rank (int), shape (rank longs), values (doubles, row-major)
 * </pre>
 */
public final class StateFile {
    private static final String MAGIC = "GPTHW-STATE";
    private static final int VERSION = 1;

    private StateFile() {
    }

    public static void write(Path file, Map<String, INDArray> arrays) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(arrays.size());
            for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                INDArray a = e.getValue();
                out.writeUTF(e.getKey());
                out.writeInt(a.rank());
                for (long d : a.shape()) {
                    out.writeLong(d);
                }
                for (double v : a.dup('c').reshape(a.length()).toDoubleVector()) {
                    out.writeDouble(v);
                }
            }
        }
    }

    public static Map<String, INDArray> read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic;
            try {
                magic = in.readUTF();
            } catch (IOException e) {
                magic = null;
            }
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + " is not a saved model state (no " + MAGIC + " header)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has state format version " + version + "; this code reads " + VERSION);
            }
            int count = in.readInt();
            Map<String, INDArray> out = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long[] shape = new long[in.readInt()];
                long n = 1;
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readLong();
                    n *= shape[d];
                }
                double[] values = new double[Math.toIntExact(n)];
                for (int j = 0; j < values.length; j++) {
                    values[j] = in.readDouble();
                }
                out.put(name, Nd4j.create(values, shape, DataType.DOUBLE));
            }
            return out;
        } catch (EOFException e) {
            throw new IOException(file + " ends early: the state file is truncated", e);
        }
    }
}
