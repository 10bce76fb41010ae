package dev.nwf.zoo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * manifest.json of a model file (SPEC.md §7): identity, architecture (enough to rebuild the integer networks: for the
 * nwf family {@code inputs} and {@code architecture} of its one prior, for rgflow the named {@code networks}),
 * how it was trained and what it measured. {@code weightsSha256} is the model digest written into .nwf headers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(int formatVersion, String id, String version, String family, Integer inputs, List<Layer> architecture,
                            List<Network> networks, Map<String, Object> hyperParameters, String trainingData,
                            Map<String, Double> measuredBpsp, String weightsSha256, String notes) {
    /** The manifest layout this reader writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** One integer convolution layer; weights and biases live in weights.safetensors as layerN.weight / layerN.bias. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Layer(int inChannels, int outChannels, int kernel, int dilation, int shift, Integer clampLo, Integer clampHi,
                        boolean withNetInput) {
    }

    /** One named network of a multi-network family; tensors are NAME.layerN.weight / NAME.layerN.bias. */
    public record Network(String name, int inputs, List<Layer> architecture) {
    }
}
