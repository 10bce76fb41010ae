package dev.nwf.zoo;

import dev.nwf.codec.ModelResolver;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.UnknownModelException;
import dev.nwf.codec.net.IntNet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model zoo's public entry point: bundled models by id, model files on disk, and the {@link ModelResolver} the
 * decoder uses. Extra directories of {@code *.nwfmodel} files can be added (e.g. from {@code --model-path}).
 */
public final class ModelZoo implements ModelResolver {
    /** The model `nwf encode` uses unless told otherwise. */
    public static final String DEFAULT_MODEL = "nwf-photo-v3";
    static final String RESOURCE_DIR = "/dev/nwf/zoo/models/";
    /** The bundled model of the rgflow family. */
    public static final String RGFLOW_MODEL = "rgflow-photo-v1";
    /** Earlier defaults stay bundled so that files coded with them still decode. */
    static final String[] BUNDLED = {"nwf-photo-v1", "nwf-photo-v2", DEFAULT_MODEL, RGFLOW_MODEL};

    private final Map<String, ZooModel> models = new LinkedHashMap<>();

    private ModelZoo() {
    }

    /** The bundled models. */
    public static ModelZoo builtin() throws IOException {
        ModelZoo zoo = new ModelZoo();
        for (String id : BUNDLED) {
            String resource = RESOURCE_DIR + id + ModelFile.EXTENSION;
            try (InputStream in = ModelZoo.class.getResourceAsStream(resource)) {
                if (in == null) throw new ModelFileException(resource, "bundled model is missing from the jar");
                zoo.add(ModelFile.read(in, resource));
            }
        }
        return zoo;
    }

    /** Adds every *.nwfmodel file of {@code dir}, or the single file {@code dir} names. */
    public ModelZoo withPath(Path dir) throws IOException {
        if (Files.isRegularFile(dir)) {
            add(ModelFile.read(dir));
            return this;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(ModelFile.EXTENSION)).sorted().toList()) add(ModelFile.read(p));
        }
        return this;
    }

    void add(ZooModel m) {
        models.put(m.manifest().id(), m);
    }

    /** Every model found, bundled ones first, then those added from folders in file-name order. */
    public List<ZooModel> list() {
        return new ArrayList<>(models.values());
    }

    /** The model with this id. */
    public ZooModel get(String id) throws UnknownModelException {
        ZooModel m = models.get(id);
        if (m == null) throw new UnknownModelException("unknown model '" + id + "'; available: " + String.join(", ", models.keySet()));
        return m;
    }

    @Override
    public NwfModel resolve(String id, byte[] digest) throws UnknownModelException {
        NwfModel m = get(id).model();
        if (!Arrays.equals(m.digest(), digest)) {
            throw new UnknownModelException("model '" + id + "' here has digest " + m.digestHex().substring(0, 12)
                    + ", the file needs " + java.util.HexFormat.of().formatHex(digest).substring(0, 12) + " (a different version)");
        }
        return m;
    }

    /** Loads one model file. */
    public static ZooModel load(Path file) throws IOException {
        return ModelFile.read(file);
    }

    /** Writes a model file (atomically). */
    public static void save(ZooModel model, Path file, boolean overwrite) throws IOException {
        ModelFile.write(model, file, overwrite);
    }

    /** A manifest for a freshly built model; architecture and digest are taken from it. */
    public static ModelManifest manifest(NwfModel model, String version, Map<String, Object> hyper, String trainingData,
                                         Map<String, Double> bpsp, String notes) {
        boolean single = NwfModel.FAMILY_NWF.equals(model.family());
        List<ModelManifest.Network> networks = null;
        if (!single) {
            networks = new ArrayList<>();
            for (int i = 0; i < model.nets().size(); i++) {
                IntNet n = model.nets().get(i);
                networks.add(new ModelManifest.Network(model.netNames().get(i), n.inputs(), ModelFile.describe(n)));
            }
        }
        return new ModelManifest(ModelManifest.FORMAT_VERSION, model.id(), version, model.family(),
                single ? model.prior().inputs() : null, single ? ModelFile.describe(model.prior()) : null, networks,
                hyper, trainingData, bpsp, model.digestHex(), notes);
    }
}
