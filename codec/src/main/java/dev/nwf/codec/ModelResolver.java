package dev.nwf.codec;
/** Finds the model a file names. The model zoo implements this; the codec never loads files itself. */
@FunctionalInterface
public interface ModelResolver {
    /** @throws UnknownModelException when no model with that id and digest is available */
    NwfModel resolve(String id, byte[] digest) throws UnknownModelException;
}
