package dev.nwf.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nwf.codec.NwfModel;
import dev.nwf.zoo.ModelZoo;
import dev.nwf.zoo.ZooModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled models survive the blob bit for bit (same digest); a cut blob is refused. */
class ModelBlobTest {
    @Test
    void bundledModelsComeBackWithTheirDigests() throws Exception {
        List<NwfModel> models = new ArrayList<>();
        for (ZooModel m : ModelZoo.builtin().list()) models.add(m.model());
        byte[] blob = ModelBlob.write(models);
        List<ModelBlob.Entry> back = ModelBlob.read(blob);
        assertEquals(models.size(), back.size());
        for (int i = 0; i < models.size(); i++) {
            assertEquals(models.get(i), back.get(i).model());
            assertArrayEquals(models.get(i).digest(), back.get(i).digest());
            assertArrayEquals(models.get(i).digest(), back.get(i).model().digest());
        }
        assertThrows(IllegalArgumentException.class, () -> ModelBlob.read(Arrays.copyOf(blob, blob.length / 2)));
    }
}
