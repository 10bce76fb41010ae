package dev.nwf.codec.nwf.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class FilterErrorsTest {
    @Test
    void coLocatedErrorsComeInFeatureOrder() {
        FilterErrors errors = new FilterErrors(3, 4, 8);
        PackedInts[][] bands = new PackedInts[3][3];
        for (int c = 0; c < 3; c++) {
            for (int b = 0; b < 3; b++) bands[c][b] = errors.band(c, b);
        }
        for (int c = 0; c < 3; c++) {
            for (int b = 0; b < 3; b++) {
                assertEquals(4, bands[c][b].length());
                PackedInts[] co = errors.coLocated(c, b);
                // this channel's earlier bands, channel 0's same band, the previous channel's same band
                int expected = b + (c > 0 ? 1 : 0) + (c > 1 ? 1 : 0);
                assertEquals(expected, co.length, "channel " + c + ", band " + b);
                for (int k = 0; k < b; k++) assertSame(bands[c][k], co[k]);
                if (c > 0) assertSame(bands[0][b], co[b]);
                if (c > 1) assertSame(bands[c - 1][b], co[b + 1]);
            }
        }
        assertEquals(FilterErrors.MAX_CO_LOCATED, errors.coLocated(2, 2).length);
    }

    @Test
    void anErrorIsSixteenTimesTheValueLessTheFiltersMeanClamped() {
        assertEquals(16 * 5 - 83, FilterErrors.error(5, 83));
        assertEquals(Integer.MAX_VALUE, FilterErrors.error(1 << 30, -(1 << 30)));
        assertEquals(-Integer.MAX_VALUE, FilterErrors.error(-(1 << 30), 1 << 30));
        assertArrayEquals(new int[] {-1, 0}, FilterErrors.CAUSAL[0]);
    }
}
