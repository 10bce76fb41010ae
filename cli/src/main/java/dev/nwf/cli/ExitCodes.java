package dev.nwf.cli;

import dev.nwf.codec.CodingToolException;
import dev.nwf.codec.CorruptLevelException;
import dev.nwf.codec.UnknownModelException;
import dev.nwf.format.NwfFormatException;
import dev.nwf.zoo.ModelFileException;
import java.io.IOException;

/** Distinct exit codes so scripts can tell failures apart (README "Exit codes"). */
final class ExitCodes {
    static final int OK = 0;
    static final int INTERNAL = 1;
    static final int USAGE = 2;
    static final int CORRUPT = 3;
    static final int TRUNCATED = 4;
    static final int UNKNOWN_MODEL = 5;
    static final int IO = 6;
    static final int VERIFY_FAILED = 7;

    private ExitCodes() {
    }

    static int of(Throwable e) {
        if (e instanceof picocli.CommandLine.ParameterException || e instanceof IllegalArgumentException) return USAGE;
        if (e instanceof NwfFormatException f) {
            return switch (f.kind()) {
                case TRUNCATED -> TRUNCATED;
                case UNKNOWN_MODEL -> UNKNOWN_MODEL;
                default -> CORRUPT;
            };
        }
        if (e instanceof CorruptLevelException || e instanceof CodingToolException) return CORRUPT;
        if (e instanceof dev.nwf.files.UnreadableImageException) return CORRUPT;
        if (e instanceof EncodeCommand.ImageTooLarge) return CORRUPT;
        if (e instanceof UnknownModelException || e instanceof ModelFileException) return UNKNOWN_MODEL;
        if (e instanceof VerifyFailedException) return VERIFY_FAILED;
        if (e instanceof IOException) return IO;
        return INTERNAL;
    }
}
