package hw.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A known answer computed by PyTorch: a JSON object from {@code src/test/resources/fixtures} (written by
 * tests/fixtures/make_fixtures.py, whose docstring gives the conventions). Arrays are {"shape": [...], "data": [...]}.
 */
public final class Fixture {
    private final JsonObject json;
    private final String where;

    private Fixture(JsonObject json, String where) {
        this.json = json;
        this.where = where;
    }

    /** Loads {@code /fixtures/NAME} from the class path. */
    public static Fixture load(String name) {
        String resource = "/fixtures/" + name;
        InputStream in = Fixture.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the test fixture " + resource + " is missing from the class path");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new Fixture(JsonParser.parseReader(reader).getAsJsonObject(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A nested object. */
    public Fixture at(String key) {
        return new Fixture(get(key).getAsJsonObject(), where + "/" + key);
    }

    /** A list of nested objects. */
    public List<Fixture> list(String key) {
        List<Fixture> out = new ArrayList<>();
        JsonArray a = get(key).getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            out.add(new Fixture(a.get(i).getAsJsonObject(), where + "/" + key + "[" + i + "]"));
        }
        return out;
    }

    public boolean has(String key) {
        return json.has(key);
    }

    public Set<String> keys() {
        return json.keySet();
    }

    /** An array (double precision). */
    public INDArray array(String key) {
        JsonObject a = get(key).getAsJsonObject();
        JsonArray shapeJson = a.getAsJsonArray("shape");
        long[] shape = new long[shapeJson.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeJson.get(i).getAsLong();
        }
        JsonArray dataJson = a.getAsJsonArray("data");
        double[] data = new double[dataJson.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = dataJson.get(i).getAsDouble();
        }
        return shape.length == 0 ? Nd4j.scalar(data[0]) : Nd4j.create(data, shape, DataType.DOUBLE);
    }

    /** A list of ints. */
    public int[] ints(String key) {
        JsonArray a = get(key).getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    /** A list of lists of ints. */
    public int[][] intRows(String key) {
        JsonArray a = get(key).getAsJsonArray();
        int[][] out = new int[a.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonArray row = a.get(i).getAsJsonArray();
            out[i] = new int[row.size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = row.get(j).getAsInt();
            }
        }
        return out;
    }

    public double number(String key) {
        return get(key).getAsDouble();
    }

    public int integer(String key) {
        return get(key).getAsInt();
    }

    private JsonElement get(String key) {
        JsonElement e = json.get(key);
        if (e == null) {
            throw new IllegalStateException("the test fixture " + where + " has no entry '" + key + "'");
        }
        return e;
    }
}
