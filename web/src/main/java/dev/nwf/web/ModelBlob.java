package dev.nwf.web;

import dev.nwf.codec.NwfModel;
import dev.nwf.codec.net.IntNet;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The models a page can decode with, as one binary: the model zoo's files are tar archives with JSON manifests, which
 * the browser build cannot read (no Commons Compress, no Jackson there). Per model: id, SHA-256 digest (computed on
 * the JVM, checked against the file's by comparison: no hashing in the browser), family, and each network's
 * {@link IntNet#canonicalBytes} — what the digest covers, so the networks are the zoo's bit for bit.
 */
public final class ModelBlob {
    /** A model and the digest files name it by. */
    public record Entry(NwfModel model, byte[] digest) {
    }

    private ModelBlob() {
    }

    /** The blob of {@code models} (each model's digest computed here). */
    public static byte[] write(List<NwfModel> models) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(models.size());
            for (NwfModel m : models) {
                text(out, m.id());
                out.write(m.digest());
                text(out, m.family());
                out.writeInt(m.nets().size());
                for (IntNet net : m.nets()) {
                    byte[] canonical = net.canonicalBytes();
                    out.writeInt(canonical.length);
                    out.write(canonical);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The models of a blob; a damaged blob is an IllegalArgumentException. */
    public static List<Entry> read(byte[] blob) {
        try {
            ByteBuffer in = ByteBuffer.wrap(blob);
            int count = in.getInt();
            List<Entry> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = text(in);
                byte[] digest = new byte[32];
                in.get(digest);
                String family = text(in);
                int nets = in.getInt();
                List<IntNet> list = new ArrayList<>();
                for (int n = 0; n < nets; n++) {
                    int length = in.getInt();
                    if (length < 0 || length > in.remaining()) throw new IllegalArgumentException("a bad network length");
                    list.add(IntNet.fromCanonicalBytes(ByteBuffer.wrap(blob, in.position(), length)));
                    in.position(in.position() + length);
                }
                out.add(new Entry(new NwfModel(id, family, list), digest));
            }
            return out;
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("the model blob ends early", e);
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
