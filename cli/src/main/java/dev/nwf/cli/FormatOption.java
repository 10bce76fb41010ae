package dev.nwf.cli;

import dev.nwf.codec.NwfCodec;
import dev.nwf.format.NwfContainer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which container format version files may need: limits the feature bits an encoder may set (SPEC.md §2.4.1). */
final class FormatOption {
    @Option(names = "--format", paramLabel = "VERSION", description = "Write files that decoders of this format version read: "
            + "1.0 (no adaptive context, about 4 %% larger), 1.1 (YCoCg-R only, about 1 %% larger), "
            + "1.2 (also subtract green where it codes smaller; no value maps or block grids: JPEG-decoded photos about 2-4 %% "
            + "larger, images using few values, such as 8-bit data stored as 16-bit, several times larger), "
            + "1.3 (no Haar split: smooth photos from JPEGs up to 10 %% larger), 1.4 (no zero context: about 1.3 %% larger), "
            + "1.5 (Haar levels evaluate the network: decoding about 1.7 times slower), 1.6 (no bias correction: about 0.4 %% larger), "
            + "1.7 (no error feedback: about 1 %% larger), 1.8 (each level one stream: images from 256x256 up decode on one core "
            + "only, about 1.4 times slower on two cores), 1.9 (no green first: photos whose channels share little up to 4 %% larger, "
            + "set A 0.3 %%), 1.10 (fixed local-scale blend: about 0.3 %% larger), 1.11 (default).")
    String version;

    @Option(names = "--format-1.0", hidden = true, description = "Same as --format 1.0 (kept for scripts written for 1.1).")
    boolean format10;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The codec limited to what the chosen version defines (and its family supports). */
    NwfCodec apply(NwfCodec codec) {
        int minor = minor();
        if (minor == NwfContainer.VERSION_MINOR) return codec;
        return codec.withFeatures(codec.features() & NwfContainer.featuresUpTo(minor));
    }

    private int minor() {
        if (format10) return 0;
        if (version == null) return NwfContainer.VERSION_MINOR;
        String prefix = NwfContainer.VERSION_MAJOR + ".";
        if (version.startsWith(prefix)) {
            try {
                int minor = Integer.parseInt(version.substring(prefix.length()));
                if (minor >= 0 && minor <= NwfContainer.VERSION_MINOR) return minor;
            } catch (NumberFormatException e) {
                // falls through to the usage error
            }
        }
        throw new ParameterException(command.commandLine(), "--format must be 1.0 to 1." + NwfContainer.VERSION_MINOR + ": " + version);
    }
}
