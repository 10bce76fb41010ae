package dev.nwf.zoo;

import dev.nwf.codec.NwfModel;

/** A loaded model: its manifest and the codec model built from it. */
public record ZooModel(ModelManifest manifest, NwfModel model) {
}
