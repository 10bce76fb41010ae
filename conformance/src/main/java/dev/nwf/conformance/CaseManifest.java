package dev.nwf.conformance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * test.json of one conformance case. A decode case lists the expected image (size and {@link PixelHash}) after each
 * level and the final one a decoder must output; an error case names the expected error kind and requires the
 * decoder to fail without writing output.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseManifest(String name, String description, List<String> features, String model, String expect,
                           List<Level> levels, Level output, String errorKind) {
    /** A case whose file must decode to the listed level hashes. */
    public static final String EXPECT_DECODE = "decode";
    /** A case whose file must be refused with the named error. */
    public static final String EXPECT_ERROR = "error";

    /** The image after a level. */
    public record Level(int level, int width, int height, String sha256) {
    }
}
