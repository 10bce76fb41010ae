package dev.nwf.format;

import java.util.List;
import java.util.OptionalInt;

/**
 * The compact form's model numbers (SPEC.md §2.9): one number stands for a bundled model's id and digest, so a
 * compact file names its model in one byte instead of 33 or more. The table only grows; a number is never reused,
 * and a retrained model gets a new id and a new number. The container compares identities and knows nothing else
 * of the models.
 */
final class ModelNumbers {
    record Entry(int number, String id, byte[] digest) {
    }

    private static final List<Entry> TABLE = List.of(
            entry(1, "nwf-photo-v1", "4e7a73e881644f63c0e9eac6ac59e8ac951327a8f3a818e8df55027e337b8805"),
            entry(2, "nwf-photo-v2", "c0fe6c3cb83fb8e2397e7af96cf79d4d528ed9233552c257d44de909ce92a328"),
            entry(3, "rgflow-photo-v1", "9d05fd9d9e8edc9e83bdc90b0236fe0107d03dfec731fc08a8c75a606356db36"),
            entry(4, "nwf-photo-v3", "6d434b9455e551fdf06c225d96a0e1ab00af6ee8ca7d358de7af070264f044c3"));

    private ModelNumbers() {
    }

    private static Entry entry(int number, String id, String digestHex) {
        return new Entry(number, id, Hex.parse(digestHex));
    }

    /** The number of the model with this id and digest, or empty when the table lacks it. */
    static OptionalInt numberOf(String id, byte[] digest) {
        for (Entry e : TABLE) {
            if (e.id.equals(id) && java.util.Arrays.equals(e.digest, digest)) return OptionalInt.of(e.number);
        }
        return OptionalInt.empty();
    }

    /** The entry of a number, or null when this reader's table has none (a file from a newer writer). */
    static Entry byNumber(long number) {
        for (Entry e : TABLE) if (e.number == number) return e;
        return null;
    }

    static List<Entry> all() {
        return TABLE;
    }
}
