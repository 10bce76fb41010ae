package dev.nwf.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.NwfModel;
import dev.nwf.format.NwfHeader;
import java.io.IOException;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every bundled model has a number of the compact form's table (SPEC.md §2.9), so its files are written compact. */
class ModelNumbersTest {
    @Test
    void everyBundledModelHasItsOwnNumber() throws IOException {
        Set<Integer> seen = new HashSet<>();
        for (ZooModel z : ModelZoo.builtin().list()) {
            NwfModel m = z.model();
            OptionalInt number = dev.nwf.format.NwfContainer.modelNumber(new NwfHeader(1, 1, 1, 8, m.id(),
                    m.digest(), 1, new byte[0]));
            assertTrue(number.isPresent(), m.id() + " (digest " + m.digestHex() + ") has no model number");
            assertTrue(seen.add(number.getAsInt()), "number " + number.getAsInt() + " twice");
        }
        assertEquals(ModelZoo.BUNDLED.length, seen.size());
    }
}
