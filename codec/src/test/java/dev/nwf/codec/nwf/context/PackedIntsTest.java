package dev.nwf.codec.nwf.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedIntsTest {
    /** Residuals span ±Integer.MAX_VALUE (clamped): every one comes back exactly, packed or not. */
    @Test
    void everyValueComesBackExactly() {
        int[] edges = {0, 1, -1, Short.MAX_VALUE, Short.MAX_VALUE + 1, Short.MIN_VALUE, Short.MIN_VALUE + 1,
            Short.MIN_VALUE - 1, Integer.MAX_VALUE, -Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 20, -(1 << 20)};
        Random r = new Random(5);
        for (int depth : new int[] {1, 8, 9, 16}) {
            int n = edges.length + 1000;
            PackedInts p = PackedInts.zeros(n, depth);
            int[] expected = new int[n];
            for (int i = 0; i < n; i++) {
                expected[i] = i < edges.length ? edges[i] : r.nextInt(7) == 0 ? r.nextInt() : r.nextInt(65536) - 32768;
                p.set(i, expected[i]);
            }
            assertEquals(n, p.length());
            for (int i = 0; i < n; i++) assertEquals(expected[i], p.get(i), "depth " + depth + ", index " + i);
        }
    }

    @Test
    void aValueKeptApartThenReplacedReadsAsTheNewOne() {
        PackedInts p = PackedInts.zeros(2, 8);
        p.set(1, 1 << 20);
        p.set(1, -7);
        assertEquals(-7, p.get(1));
        p.set(1, Short.MIN_VALUE);
        assertEquals(Short.MIN_VALUE, p.get(1));
    }

    @Test
    void wrappedArraysAreNotCopied() {
        int[] a = {3, -4};
        PackedInts p = PackedInts.of(a);
        a[1] = 1 << 25;
        assertEquals(1 << 25, p.get(1));
        p.set(0, 9);
        assertEquals(9, a[0]);
    }
}
