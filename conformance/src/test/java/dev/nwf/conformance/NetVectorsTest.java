package dev.nwf.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nwf.codec.Image;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.net.IntConv;
import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.net.ReferenceEvaluator;
import dev.nwf.zoo.ModelZoo;
import dev.nwf.zoo.SafeTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Network vectors rebuild, from their files alone, networks that reproduce the recorded outputs. */
class NetVectorsTest {
    @Test
    void everyCaseRebuildsItsNetworkAndOutput(@TempDir Path dir) throws Exception {
        List<NwfModel> models = List.of(ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL).model(), ModelZoo.builtin().get(ModelZoo.RGFLOW_MODEL).model());
        Image img = gradient(40, 36);
        int n = NetVectors.write(models, img, dir, 1);
        JsonNode cases = new ObjectMapper().readTree(dir.resolve(NetVectors.MANIFEST).toFile()).path("cases");
        assertEquals(n, cases.size());
        int nets = models.stream().mapToInt(m -> m.nets().size()).sum();
        assertEquals(3 * nets, n, "one recorded call, one at the largest value seen, one at the codec's bound per network");
        for (JsonNode c : cases) {
            Map<String, SafeTensors.Tensor> t = SafeTensors.read(Files.readAllBytes(dir.resolve(c.path("file").asText())), c.path("name").asText());
            IntNet net = rebuild(c.path("layers"), t);
            NwfModel model = models.stream().filter(m -> m.id().equals(c.path("model").asText())).findFirst().orElseThrow();
            assertTrue(model.nets().contains(net), c.path("name") + " rebuilds one of its model's networks");
            int w = c.path("width").asInt();
            int h = c.path("height").asInt();
            int[][] out = ReferenceEvaluator.INSTANCE.evaluate(net, planes(t.get("input"), w * h), w, h);
            assertArrayEquals(t.get("expected").data(), NetVectors.flat(out), c.path("name").asText());
            assertEquals(net.tf32Exact(c.path("inputBound").asLong()), c.path("tf32Exact").asBoolean());
        }
    }

    private static IntNet rebuild(JsonNode layers, Map<String, SafeTensors.Tensor> t) {
        List<IntConv> list = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            JsonNode l = layers.get(i);
            SafeTensors.Tensor w = t.get("layer" + i + ".weight");
            list.add(new IntConv((int) w.shape()[1], (int) w.shape()[0], l.path("kernel").asInt(), l.path("dilation").asInt(),
                    w.data(), t.get("layer" + i + ".bias").data(), l.path("shift").asInt(),
                    l.has("clampLo") ? l.path("clampLo").asInt() : IntConv.NO_CLAMP_LO,
                    l.has("clampHi") ? l.path("clampHi").asInt() : IntConv.NO_CLAMP_HI, l.path("withNetInput").asBoolean()));
        }
        return new IntNet((int) t.get("input").shape()[0], list);
    }

    private static int[][] planes(SafeTensors.Tensor t, int n) {
        int[][] p = new int[(int) t.shape()[0]][n];
        for (int c = 0; c < p.length; c++) System.arraycopy(t.data(), c * n, p[c], 0, n);
        return p;
    }

    private static Image gradient(int w, int h) {
        int[][] p = new int[3][w * h];
        for (int i = 0; i < w * h; i++) {
            int x = i % w;
            int y = i / w;
            p[0][i] = (x * 5 + y * 3) & 255;
            p[1][i] = (x * y) & 255;
            p[2][i] = (255 - x * 4 + (y & 7)) & 255;
        }
        return new Image(w, h, 8, p);
    }
}
