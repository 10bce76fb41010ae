package dev.nwf.codec.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The error context's neighbours (SPEC.md §4.4.2, errors): which samples it reads, at the edges and per level. */
class PassErrorsTest {
    @Test
    void readsThisRowAndThePassPreviousRowAndFillsTheEdges() {
        PassErrors e = new PassErrors();
        e.startRow(PixelScan.RASTER, 1, 1, 6);
        for (int x = 0; x < 6; x++) e.record(x, -(x + 1) * 4); // 4, 8, 12, 16, 20, 24, kept as magnitudes
        e.startRow(PixelScan.RASTER, 1, 1, 6);
        e.record(0, 3);
        e.record(1, 5);
        e.at(2, 0);
        // W 5, N 12, NW 8, NE 16: 2*5 + 2*12 + 8 + 16 = 58
        assertEquals(PassErrors.halfOctave(58), e.level());
        e.at(0, 0);
        // no W: 0; NW and NE: N's (4) where missing, NE 8: 2*0 + 2*4 + 4 + 8 = 20
        assertEquals(PassErrors.halfOctave(20), e.level());
        e.at(5, 0);
        // NE missing: N's (24); W at 4 not recorded on this row yet: 0
        assertEquals(PassErrors.halfOctave(2 * 24 + 20 + 24), e.level());
    }

    @Test
    void aNewStrideStartsFromZerosAndPassesKeepTheirOwnRows() {
        PassErrors e = new PassErrors();
        e.startRow(PixelScan.ACROSS, 2, 4, 8);
        e.record(2, 1000);
        e.startRow(PixelScan.DOWN, 2, 2, 8);
        e.at(2, 0);
        assertEquals(0, e.level(), "DOWN has rows of its own");
        e.startRow(PixelScan.ACROSS, 2, 4, 8);
        e.at(2, 1);
        assertNotEquals(0, e.level(), "the previous ACROSS row is N");
        e.startRow(PixelScan.ACROSS, 1, 2, 8);
        e.at(2, 1);
        assertEquals(0, e.level(), "a finer level starts from zeros");
    }

    @Test
    void levelsAreHalfOctavesUpTo15() {
        assertEquals(0, PassErrors.halfOctave(0));
        assertEquals(1, PassErrors.halfOctave(1));
        assertEquals(3, PassErrors.halfOctave(2));
        assertEquals(4, PassErrors.halfOctave(3));
        assertEquals(5, PassErrors.halfOctave(4));
        assertEquals(6, PassErrors.halfOctave(7));
        assertEquals(2 * 16 + 1 + 1, PassErrors.halfOctave((1 << 16) + (1 << 15)));
        assertEquals(-4, PassErrors.signedHalfOctave(-3));
        assertEquals(0, PassErrors.signedHalfOctave(0));
        assertEquals(-1, PassErrors.signedHalfOctave(-1));
        assertEquals(6, PassErrors.signedHalfOctave(7));
        PassErrors e = new PassErrors();
        e.startRow(PixelScan.RASTER, 1, 1, 3);
        e.record(0, PassErrors.LIMIT * 4);
        e.startRow(PixelScan.RASTER, 1, 1, 3);
        e.at(0, 0);
        assertEquals(15, e.level());
    }
}
