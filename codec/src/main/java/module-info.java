/**
 * The nwf codec, pure Java. Exports its API ({@code dev.nwf.codec}: {@code NwfCodec}, {@code NwfDecoder}, images,
 * models, the coding-tool table), the integer networks and the evaluator interface other evaluators implement
 * ({@code dev.nwf.codec.net}), and the RG-Flow model's definition that model files and training need
 * ({@code dev.nwf.codec.rgflow}). Transforms, level coding, the nwf family's context and the entropy coder are
 * internal.
 */
module dev.nwf.codec {
    requires transitive dev.nwf.format;

    exports dev.nwf.codec;
    exports dev.nwf.codec.net;
    exports dev.nwf.codec.rgflow;
}
