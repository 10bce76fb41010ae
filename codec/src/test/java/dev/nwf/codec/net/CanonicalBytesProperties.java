package dev.nwf.codec.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** A network's canonical bytes read back give the same network; cut bytes are refused, never misread. */
class CanonicalBytesProperties {
    @Property(tries = 50)
    void canonicalBytesReadBackToTheSameNetwork(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        Random r = new Random(seed);
        IntNet net = RandomNets.net(r, 1 + r.nextInt(5), 1 + r.nextInt(100));
        byte[] bytes = net.canonicalBytes();
        assertEquals(net, IntNet.fromCanonicalBytes(ByteBuffer.wrap(bytes)));
        byte[] cut = Arrays.copyOf(bytes, r.nextInt(bytes.length));
        assertThrows(IllegalArgumentException.class, () -> IntNet.fromCanonicalBytes(ByteBuffer.wrap(cut)));
    }
}
