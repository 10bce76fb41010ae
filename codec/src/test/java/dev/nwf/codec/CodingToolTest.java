package dev.nwf.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tool table's own rules (SPEC.md §2.4.1). */
class CodingToolTest {
    /** Lists' parameters are written in declaration order and read in id order: the two orders are one. */
    @Test
    void declarationOrderIsIdOrderAndIdsAndNamesAreUnique() {
        int last = 0;
        Set<String> names = new HashSet<>();
        for (CodingTool t : CodingTool.values()) {
            assertTrue(t.id > last, t + " is declared after a tool with a larger id");
            last = t.id;
            assertTrue(names.add(t.toolName), t.toolName);
            assertEquals(t, CodingTool.ofId(t.id));
            assertEquals(t, CodingTool.ofName(t.toolName));
            assertTrue(t.section.startsWith("§"), t.section);
        }
        assertNull(CodingTool.ofId(0));
        assertNull(CodingTool.ofName("feature-bit"));
    }

    /** A tool's needed tool is declared before it and supported by at least the families the tool is. */
    @Test
    void neededToolsComeFirstAndEveryFamilyHasWhatItsToolsNeed() {
        for (CodingTool t : CodingTool.values()) {
            if (t.needs == null) continue;
            assertTrue(t.needs.id < t.id, t + " needs a later tool");
            for (String family : new String[] {NwfModel.FAMILY_NWF, NwfModel.FAMILY_RGFLOW}) {
                if (t.supportedBy(family)) assertTrue(t.needs.supportedBy(family), t + " for " + family);
            }
        }
    }

    /** A list written from parsed tools parses back to the same tools, and the bytes are the same. */
    @Test
    void parsedToolsWriteTheirListBack() throws Exception {
        NwfCodec codec = new NwfCodec(TestModels.random(3));
        for (Image img : new Image[] {SyntheticImages.times257(TestImages.blocky(736, 720, 2, 25)),
                SyntheticImages.synthetic(40, 30, 3, 8, 2),
                SyntheticImages.synthetic(260, 257, 3, 8, 34)}) {
            byte[] list = codec.encode(img).header().tools();
            CodingTools tools = CodingTools.parse(list, img.channels(), img.bitDepth(), NwfModel.FAMILY_NWF);
            assertEquals(java.util.HexFormat.of().formatHex(list), java.util.HexFormat.of().formatHex(tools.toBytes()));
        }
    }

    /**
     * Pixel levels' first parameter byte (SPEC.md §2.4.1): bit 7 says differences only, bits 0-6 the levels left out;
     * it writes back as read, and differences only with a period is refused.
     */
    @Test
    void pixelLevelsDifferencesOnlyIsBitSevenOfTheirFirstParameter() throws Exception {
        java.io.ByteArrayOutputStream setBytes = new java.io.ByteArrayOutputStream();
        ToolSet.write(setBytes, new int[] {CodingTool.PIXEL_LEVELS.id});
        byte[] set = setBytes.toByteArray();
        for (int first : new int[] {0x00, 0x02, 0x80, 0x83}) {
            byte[] list = java.util.Arrays.copyOf(set, set.length + 2);
            list[set.length] = (byte) first;
            CodingTools tools = CodingTools.parse(list, 1, 8, NwfModel.FAMILY_NWF);
            assertEquals(first & 0x7F, tools.pixelLevelsSkipped);
            assertEquals((first & 0x80) == 0, tools.pixel.candidates());
            assertEquals(java.util.HexFormat.of().formatHex(list), java.util.HexFormat.of().formatHex(tools.toBytes()));
            assertEquals((first & 0x80) == 0, !String.join("; ", tools.describe()).contains("differences only"));
        }
        byte[] withPeriod = java.util.Arrays.copyOf(set, set.length + 2);
        withPeriod[set.length] = (byte) 0x80;
        withPeriod[set.length + 1] = 24;
        CodingToolException e = org.junit.jupiter.api.Assertions.assertThrows(CodingToolException.class,
                () -> CodingTools.parse(withPeriod, 1, 8, NwfModel.FAMILY_NWF));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("differences only"), e.getMessage());
    }
}
