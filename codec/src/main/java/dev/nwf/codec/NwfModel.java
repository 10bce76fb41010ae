package dev.nwf.codec;

import dev.nwf.codec.net.IntNet;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A coding model (SPEC.md §6): the model family and the integer prior network for high-pass bands. Its digest,
 * stored in every .nwf header, is SHA-256 over the family name and the network's canonical bytes.
 */
public record NwfModel(String id, String family, IntNet prior) {
    public static final String FAMILY_NWF = "nwf";

    public NwfModel {
        if (!FAMILY_NWF.equals(family)) throw new IllegalArgumentException("unsupported model family: " + family);
        HighPassPrior.check(prior);
    }

    public byte[] digest() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(family.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(prior.canonicalBytes());
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String digestHex() {
        return HexFormat.of().formatHex(digest());
    }
}
