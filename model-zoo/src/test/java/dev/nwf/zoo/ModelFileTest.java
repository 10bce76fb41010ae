package dev.nwf.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.UnknownModelException;
import dev.nwf.codec.net.IntConv;
import dev.nwf.codec.net.IntNet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    static IntNet net(int seed) {
        java.util.Random r = new java.util.Random(seed);
        int[] w1 = new int[4 * 6 * 9];
        for (int i = 0; i < w1.length; i++) w1[i] = r.nextInt(21) - 10;
        int[] w2 = new int[6 * 10];
        for (int i = 0; i < w2.length; i++) w2[i] = r.nextInt(21) - 10;
        return new IntNet(6, List.of(new IntConv(6, 4, 3, 2, w1, new int[] {1, 2, 3, 4}, 3, 0, 255, false),
                new IntConv(10, 6, 1, 1, w2, new int[] {0, 0, 0, 24, 24, 24}, 4, -4096, 4096, true)));
    }

    static ZooModel model(String id, int seed) {
        IntNet n = net(seed);
        NwfModel model = new NwfModel(id, NwfModel.FAMILY_NWF, n);
        return new ZooModel(ModelZoo.manifest(model, "1", Map.of("hidden", 4), "test", Map.of("x@64", 3.5),
                "test model"), model);
    }

    @Test
    void writeThenLoadGivesTheSameModelAndDigest(@TempDir Path dir) throws Exception {
        ZooModel m = model("unit-a", 1);
        Path f = dir.resolve("unit-a.nwfmodel");
        ModelZoo.save(m, f, false);
        ZooModel back = ModelZoo.load(f);
        assertEquals(m.model(), back.model());
        assertArrayEquals(m.model().digest(), back.model().digest());
        assertEquals(3.5, back.manifest().measuredBpsp().get("x@64"));
        ModelZoo zoo = ModelZoo.builtin().withPath(dir);
        assertEquals(m.model(), zoo.resolve("unit-a", m.model().digest()));
        assertThrows(UnknownModelException.class, () -> zoo.resolve("unit-a", model("unit-a", 2).model().digest()));
        assertThrows(UnknownModelException.class, () -> zoo.get("nope"));
    }

    @Test
    void rgflowModelsKeepTheirNineNetworks(@TempDir Path dir) throws Exception {
        NwfModel model = dev.nwf.codec.TestModels.randomRgFlow(3);
        ZooModel zm = new ZooModel(ModelZoo.manifest(model, "1", Map.of(), "test", Map.of(), null), model);
        Path f = dir.resolve("rg.nwfmodel");
        ModelZoo.save(zm, f, false);
        ZooModel back = ModelZoo.load(f);
        assertEquals(NwfModel.FAMILY_RGFLOW, back.manifest().family());
        assertEquals(dev.nwf.codec.rgflow.RgFlow.NET_NAMES.size(), back.manifest().networks().size());
        assertEquals(model, back.model());
        assertArrayEquals(model.digest(), back.model().digest());
        // a network missing from the manifest is named
        byte[] weights = extract(ModelFile.toBytes(zm), ModelFile.WEIGHTS);
        String manifest = new String(extract(ModelFile.toBytes(zm), ModelFile.MANIFEST), StandardCharsets.UTF_8);
        assertMessage(tar(manifest.replace("\"dec.u2\"", "\"dec.u3\"").getBytes(StandardCharsets.UTF_8), weights),
                "lacks network 'dec.u2'");
    }

    @Test
    void bundledDefaultModelLoadsAndVerifies() throws Exception {
        ZooModel m = ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL);
        assertEquals(m.manifest().weightsSha256(), m.model().digestHex());
    }

    @Test
    void editedWeightsAreRefused() throws Exception {
        ZooModel a = model("unit-b", 1);
        ZooModel b = model("unit-b", 2);
        // manifest of a with weights of b
        byte[] weights = extract(ModelFile.toBytes(b), ModelFile.WEIGHTS);
        byte[] manifest = extract(ModelFile.toBytes(a), ModelFile.MANIFEST);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.fromBytes(tar(manifest, weights),
                "edited"));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void brokenFilesGiveSpecificMessages() throws Exception {
        byte[] weights = extract(ModelFile.toBytes(model("unit-c", 1)), ModelFile.WEIGHTS);
        byte[] manifest = extract(ModelFile.toBytes(model("unit-c", 1)), ModelFile.MANIFEST);
        assertMessage(tar(null, weights), "no manifest.json");
        assertMessage(tar(manifest, null), "no weights.safetensors");
        assertMessage(tar("{not json".getBytes(StandardCharsets.UTF_8), weights), "not a valid manifest");
        assertMessage(tar(new String(manifest, StandardCharsets.UTF_8).replace("\"nwf\"",
                "\"jpeg\"").getBytes(StandardCharsets.UTF_8), weights),
                "family 'jpeg'");
        assertMessage(tar(new String(manifest, StandardCharsets.UTF_8).replace("\"nwf\"",
                "\"rgflow\"").getBytes(StandardCharsets.UTF_8), weights),
                "rgflow manifest lacks its networks");
        assertMessage(tar(manifest, java.util.Arrays.copyOf(weights, 20)), "weights");
        assertMessage("not a tar at all".getBytes(StandardCharsets.UTF_8), "no manifest.json");
    }

    private static void assertMessage(byte[] file, String expected) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.fromBytes(file, "test"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** Our safetensors files are the format DJL reads, and DJL's are the format we read. */
    @Test
    void weightsInteroperateWithDjlSafetensors() throws Exception {
        byte[] ours = extract(ModelFile.toBytes(model("unit-d", 3)), ModelFile.WEIGHTS);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDList list = NDList.decode(m, ours);
            NDArray w0 = list.get("layer0.weight");
            assertArrayEquals(net(3).layers().get(0).weights(), w0.toIntArray());
            NDArray x = m.create(new int[] {5, -7, 1 << 30}, new ai.djl.ndarray.types.Shape(3));
            x.setName("t");
            byte[] djl = new NDList(x).encode(NDList.Encoding.SAFETENSORS);
            var read = SafeTensors.read(djl, "djl");
            assertArrayEquals(new int[] {5, -7, 1 << 30}, read.get("t").data());
        }
    }

    static byte[] extract(byte[] tarBytes, String name) throws Exception {
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(new
                java.io.ByteArrayInputStream(tarBytes))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) if (e.getName().equals(name)) return in.readAllBytes();
        }
        throw new AssertionError(name + " not found");
    }

    static byte[] tar(byte[] manifest, byte[] weights) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            if (manifest != null) put(tar, ModelFile.MANIFEST, manifest);
            if (weights != null) put(tar, ModelFile.WEIGHTS, weights);
        }
        return out.toByteArray();
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] data) throws Exception {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }
}
