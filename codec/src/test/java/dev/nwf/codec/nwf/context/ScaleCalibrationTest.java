package dev.nwf.codec.nwf.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScaleCalibrationTest {
    private static final int LOCAL = 20;

    @Test
    void anUnseenIndexIsItsOwnCalibration() {
        ScaleCalibration cal = new ScaleCalibration(3, 3);
        for (int l = 0; l < 72; l++) assertEquals(l, cal.calibrated(2, 1, l));
    }

    /** Residuals four times the nominal MAD move the index up two octaves (4 steps each); smaller ones move it down. */
    @Test
    void followsTheResidualsCodedUnderAnIndex() {
        ScaleCalibration cal = new ScaleCalibration(1, 3);
        for (int k = 0; k < 1000; k++) cal.record(0, 0, LOCAL, 4 * LocalScale.mad(LOCAL));
        assertEquals(LOCAL + 8, cal.calibrated(0, 0, LOCAL), 1);
        assertEquals(LOCAL, cal.calibrated(0, 1, LOCAL), "other bands keep their own statistics");
        // the image changes: the halving counts forget the large residuals
        for (int k = 0; k < 600; k++) cal.record(0, 0, LOCAL, LocalScale.mad(LOCAL) / 4);
        assertTrue(cal.calibrated(0, 0, LOCAL) < LOCAL, "calibrated " + cal.calibrated(0, 0, LOCAL));
        for (int k = 0; k < 3000; k++) cal.record(0, 0, LOCAL, LocalScale.mad(LOCAL) / 4);
        assertEquals(LOCAL - 8, cal.calibrated(0, 0, LOCAL), 1);
    }
}
