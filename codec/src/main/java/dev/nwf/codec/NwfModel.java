package dev.nwf.codec;

import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.nwf.HighPassPrior;
import dev.nwf.codec.rgflow.RgFlow;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A coding model (SPEC.md §6, §8): the model family and its integer networks, in the family's fixed order — for
 * {@value #FAMILY_NWF} the one high-pass prior, for {@value #FAMILY_RGFLOW} the networks {@link RgFlow#NET_NAMES}
 * names. Its digest, stored in every .nwf header, is SHA-256 over the family name, a zero byte and the networks'
 * canonical bytes in order.
 */
public record NwfModel(String id, String family, List<IntNet> nets) {
    /** The wavelet family (SPEC.md §4-§7). */
    public static final String FAMILY_NWF = "nwf";
    /** The RG-Flow family (SPEC.md §8). */
    public static final String FAMILY_RGFLOW = "rgflow";
    /** The largest |input| any family feeds its networks: what an evaluator must be exact for. */
    public static final int MAX_INPUT_BOUND = Math.max(HighPassPrior.INPUT_BOUND, RgFlow.INPUT_BOUND);

    /** Checks the family's networks have the shapes it needs. */
    public NwfModel {
        nets = List.copyOf(nets);
        switch (family) {
            case FAMILY_NWF -> {
                if (nets.size() != 1) throw new IllegalArgumentException("an nwf model has one network, got "
                        + nets.size());
                HighPassPrior.check(nets.get(0));
            }
            case FAMILY_RGFLOW -> RgFlow.check(nets);
            default -> throw new IllegalArgumentException("unsupported model family: " + family);
        }
    }

    /** An nwf-family model with the given high-pass prior. */
    public NwfModel(String id, String family, IntNet prior) {
        this(id, family, List.of(prior));
    }

    /** The high-pass prior of an nwf-family model. */
    public IntNet prior() {
        if (!FAMILY_NWF.equals(family)) throw new IllegalStateException(family + " models have no high-pass prior");
        return nets.get(0);
    }

    /** Names of the networks, in order (what model files call them). */
    public List<String> netNames() {
        return FAMILY_NWF.equals(family) ? List.of("prior") : RgFlow.NET_NAMES;
    }

    /** SHA-256 over the family name and every network's canonical bytes: the digest files carry. */
    public byte[] digest() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(family.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            for (IntNet n : nets) md.update(n.canonicalBytes());
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digest as 64 lower-case hex digits. */
    public String digestHex() {
        return HexFormat.of().formatHex(digest());
    }
}
