package dev.nwf.codec.level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class BandScheduleTest {
    /** Some work whose length varies by band and row, so that threads drift apart. */
    private static long spin(Random r) {
        long x = 0;
        for (int i = r.nextInt(20000); i > 0; i--) x += i * 31L ^ x;
        return x;
    }

    @Test
    void aBandCodesRowYOnlyOnceTheBandBeforeItHasCodedRowYPlusOne() {
        int bands = 9;
        int h = 40;
        AtomicIntegerArray rows = new AtomicIntegerArray(bands);
        List<String> early = Collections.synchronizedList(new ArrayList<>());
        BandSchedule.run(bands, h, 4, (s, k) -> {
            Random r = new Random(k);
            for (int y = 0; y < h; y++) {
                s.beforeRow(k, y);
                if (k > 0 && rows.get(k - 1) < Math.min(h,
                        y + 2)) early.add("band " + k + " row " + y + " before band " + (k - 1) + " row " + (y + 1));
                spin(r);
                rows.set(k, y + 1);
                s.afterRow(k, y);
            }
        });
        assertEquals(List.of(), early);
        for (int k = 0; k < bands; k++) assertEquals(h, rows.get(k), "band " + k);
    }

    @Test
    void oneWorkerRunsTheBandsInOrder() {
        List<Integer> order = new ArrayList<>();
        BandSchedule.run(6, 3, 1, (s, k) -> {
            for (int y = 0; y < 3; y++) {
                s.beforeRow(k, y);
                s.afterRow(k, y);
            }
            order.add(k);
        });
        assertEquals(List.of(0, 1, 2, 3, 4, 5), order);
    }

    /**
     * Band 2 fails at row 5 and band 4 at its first row: the lowest band's failure is thrown, whatever the timing, and
     * the bands waiting on band 2 end instead of waiting for ever.
     */
    @Test
    void theLowestFailedBandsErrorIsThrownAndTheBandsAfterItEnd() {
        IOException two = new IOException("band 2");
        for (int workers : new int[] {1, 2, 4}) {
            IOException thrown = assertThrows(IOException.class, () -> BandSchedule.<IOException>run(6, 20, workers, (s,
                    k) -> {
                for (int y = 0; y < 20; y++) {
                    if (k == 4) throw new IllegalStateException("band 4");
                    s.beforeRow(k, y);
                    if (k == 2 && y == 5) throw two;
                    s.afterRow(k, y);
                }
            }));
            assertSame(two, thrown, workers + " workers");
        }
    }

    @Test
    void aBandThatWaitsForAWholeBandSeesItComplete() {
        AtomicIntegerArray rows = new AtomicIntegerArray(4);
        List<String> early = Collections.synchronizedList(new ArrayList<>());
        BandSchedule.run(4, 10, 3, (s, k) -> {
            // like a channel's network input: band 3 needs bands 0..2 whole before its first row
            if (k == 3) {
                s.awaitBand(2);
                for (int j = 0; j < 3; j++) if (rows.get(j) != 10) early.add("band " + j + " at row " + rows.get(j));
            }
            Random r = new Random(k);
            for (int y = 0; y < 10; y++) {
                s.beforeRow(k, y);
                spin(r);
                rows.set(k, y + 1);
                s.afterRow(k, y);
            }
        });
        assertEquals(List.of(), early);
        assertTrue(BandSchedule.workers(3, 0) >= 1 && BandSchedule.workers(3, 0) <= 3 && BandSchedule.workers(9, 4) == 4
                && BandSchedule.workers(2, 4) == 2);
    }
}
