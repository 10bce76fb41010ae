package dev.nwf.e2e;

import dev.nwf.codec.Image;
import dev.nwf.files.ImageFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** An image as JPEG leaves it: through the JDK's JPEG writer at a quality, read back as the CLI reads a JPEG. */
final class JpegDecoded {
    private JpegDecoded() {
    }

    static Image of(Image image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(jpeg)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(ImageFiles.toBufferedImage(image), null, null), param);
        } finally {
            writer.dispose();
        }
        return ImageFiles.read(new ByteArrayInputStream(jpeg.toByteArray()), "image.jpg");
    }
}
