package dev.nwf.zoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.net.IntConv;
import dev.nwf.codec.net.IntNet;
import dev.nwf.format.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A model file (SPEC.md §7): a tar archive holding manifest.json and weights.safetensors. Reading rebuilds the
 * integer network and refuses the file unless its digest equals the manifest's weightsSha256.
 */
final class ModelFile {
    static final String EXTENSION = ".nwfmodel";
    static final String MANIFEST = "manifest.json";
    static final String WEIGHTS = "weights.safetensors";
    private static final long MAX_ENTRY_BYTES = 64L << 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    static void write(ZooModel zm, Path target, boolean overwrite) throws IOException {
        AtomicFiles.write(target, overwrite, out -> write(zm, out));
    }

    static void write(ZooModel zm, OutputStream out) throws IOException {
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        NwfModel model = zm.model();
        for (int n = 0; n < model.nets().size(); n++) {
            String prefix = tensorPrefix(model.family(), model.netNames().get(n));
            List<IntConv> layers = model.nets().get(n).layers();
            for (int i = 0; i < layers.size(); i++) {
                IntConv l = layers.get(i);
                tensors.put(prefix + "layer" + i + ".weight", new SafeTensors.Tensor(new long[] {l.outChannels(),
                        l.inChannels(), l.kernel(), l.kernel()}, l.weights()));
                tensors.put(prefix + "layer" + i + ".bias", new SafeTensors.Tensor(new long[] {l.outChannels()},
                        l.bias()));
            }
        }
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        entry(tar, MANIFEST, JSON.writeValueAsBytes(zm.manifest()));
        entry(tar, WEIGHTS, SafeTensors.write(tensors));
        tar.finish();
    }

    private static void entry(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        e.setModTime(0);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    static ZooModel read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    static ZooModel read(InputStream in, String source) throws IOException {
        byte[] manifestBytes = null;
        byte[] weightBytes = null;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.getSize() > MAX_ENTRY_BYTES) throw new ModelFileException(source,
                        e.getName() + " is larger than " + MAX_ENTRY_BYTES + " bytes");
                if (e.getName().equals(MANIFEST)) manifestBytes = tar.readAllBytes();
                else if (e.getName().equals(WEIGHTS)) weightBytes = tar.readAllBytes();
            }
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof ModelFileException mfe) throw mfe;
            throw new ModelFileException(source, "not a readable model archive: " + e.getMessage(), e);
        }
        if (manifestBytes == null) throw new ModelFileException(source, "archive has no " + MANIFEST);
        if (weightBytes == null) throw new ModelFileException(source, "archive has no " + WEIGHTS);
        ModelManifest m;
        try {
            m = JSON.readValue(manifestBytes, ModelManifest.class);
        } catch (IOException e) {
            throw new ModelFileException(source, MANIFEST + " is not a valid manifest: " + e.getMessage(), e);
        }
        return build(m, SafeTensors.read(weightBytes, source), source);
    }

    static ZooModel build(ModelManifest m, Map<String, SafeTensors.Tensor> tensors,
            String source) throws ModelFileException {
        if (m.formatVersion() != ModelManifest.FORMAT_VERSION) {
            throw new ModelFileException(source, "model format version " + m.formatVersion()
                    + " is not supported (expected "
                    + ModelManifest.FORMAT_VERSION + ")");
        }
        if (m.id() == null) throw new ModelFileException(source, "manifest lacks an id");
        List<IntNet> nets = new ArrayList<>();
        if (NwfModel.FAMILY_NWF.equals(m.family())) {
            if (m.architecture() == null || m.architecture().isEmpty() || m.inputs() == null) {
                throw new ModelFileException(source, "manifest lacks the prior's inputs or architecture");
            }
            nets.add(network(m.inputs(), m.architecture(), "", tensors, source));
        } else if (NwfModel.FAMILY_RGFLOW.equals(m.family())) {
            if (m.networks() == null) throw new ModelFileException(source, "rgflow manifest lacks its networks");
            for (String name : dev.nwf.codec.rgflow.RgFlow.NET_NAMES) {
                ModelManifest.Network n = m.networks().stream().filter(x -> name.equals(x.name())).findFirst()
                        .orElseThrow(() -> new ModelFileException(source,
                                "rgflow manifest lacks network '" + name + "'"));
                if (n.architecture() == null || n.architecture().isEmpty()) throw new ModelFileException(source,
                        "network '" + name + "' has no layers");
                nets.add(network(n.inputs(), n.architecture(), tensorPrefix(m.family(), name), tensors, source));
            }
        } else {
            throw new ModelFileException(source, "model family '" + m.family() + "' is not supported by this codec");
        }
        NwfModel model;
        try {
            model = new NwfModel(m.id(), m.family(), nets);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(source, "invalid network: " + e.getMessage(), e);
        }
        if (!model.digestHex().equals(m.weightsSha256())) {
            throw new ModelFileException(source, "weights digest " + model.digestHex()
                    + " does not match the manifest's "
                    + m.weightsSha256() + " (file damaged or edited)");
        }
        return new ZooModel(m, model);
    }

    /** Tensor name prefix of a network: none for nwf's single prior, "NAME." otherwise. */
    private static String tensorPrefix(String family, String name) {
        return NwfModel.FAMILY_NWF.equals(family) ? "" : name + ".";
    }

    private static IntNet network(int inputs, List<ModelManifest.Layer> arch, String prefix, Map<String,
            SafeTensors.Tensor> tensors,
                                  String source) throws ModelFileException {
        List<IntConv> layers = new ArrayList<>();
        for (int i = 0; i < arch.size(); i++) {
            ModelManifest.Layer l = arch.get(i);
            String name = prefix + "layer" + i;
            SafeTensors.Tensor w = tensors.get(name + ".weight");
            SafeTensors.Tensor b = tensors.get(name + ".bias");
            if (w == null || b == null) throw new ModelFileException(source, "weights for " + name + " are missing");
            long[] expected = {l.outChannels(), l.inChannels(), l.kernel(), l.kernel()};
            if (!Arrays.equals(w.shape(), expected) || !Arrays.equals(b.shape(), new long[] {l.outChannels()})) {
                throw new ModelFileException(source, name + " weights have shape " + Arrays.toString(w.shape())
                        + ", the manifest's architecture needs " + Arrays.toString(expected));
            }
            try {
                layers.add(new IntConv(l.inChannels(), l.outChannels(), l.kernel(), l.dilation(), w.data(), b.data(),
                        l.shift(),
                        l.clampLo() == null ? IntConv.NO_CLAMP_LO : l.clampLo(), l.clampHi() == null
                                ? IntConv.NO_CLAMP_HI : l.clampHi(),
                        l.withNetInput()));
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(source, name + ": " + e.getMessage(), e);
            }
        }
        try {
            return new IntNet(inputs, layers);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(source, "invalid network: " + e.getMessage(), e);
        }
    }

    /** Architecture entries describing {@code net}, for manifests. */
    static List<ModelManifest.Layer> describe(IntNet net) {
        List<ModelManifest.Layer> out = new ArrayList<>();
        for (IntConv l : net.layers()) {
            out.add(new ModelManifest.Layer(l.inChannels(), l.outChannels(), l.kernel(), l.dilation(), l.shift(),
                    l.clampLo() == IntConv.NO_CLAMP_LO ? null : l.clampLo(), l.clampHi() == IntConv.NO_CLAMP_HI ? null
                            : l.clampHi(),
                    l.withNetInput()));
        }
        return out;
    }

    static byte[] toBytes(ZooModel zm) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        write(zm, out);
        return out.toByteArray();
    }

    static ZooModel fromBytes(byte[] bytes, String source) throws IOException {
        return read(new ByteArrayInputStream(bytes), source);
    }
}
