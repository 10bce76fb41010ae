package dev.nwf.imageio;

import dev.nwf.format.NwfHeader;
import java.util.Map;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * What a .nwf file holds besides pixels, read-only: in the native format {@value #NATIVE_FORMAT} the header's fields
 * as attributes, each text entry as a {@code Text} node, the ICC profile and EXIF bytes as the user objects of
 * {@code ICC} and {@code EXIF} nodes; in the standard format, chroma, lossless compression, transparency and text.
 */
final class NwfMetadata extends IIOMetadata {
    static final String NATIVE_FORMAT = "dev_nwf_image_1.0";

    private final NwfHeader header;
    private final Map<String, String> text;
    private final byte[] icc;
    private final byte[] exif;

    NwfMetadata(NwfHeader header, Map<String, String> text, byte[] icc, byte[] exif) {
        super(false, NATIVE_FORMAT, null, null, null);
        this.header = header;
        this.text = text;
        this.icc = icc;
        this.exif = exif;
    }

    @Override
    public boolean isReadOnly() {
        return true;
    }

    @Override
    public Node getAsTree(String formatName) {
        if (NATIVE_FORMAT.equals(formatName)) return nativeTree();
        if (IIOMetadataFormatImpl.standardMetadataFormatName.equals(formatName)) return getStandardTree();
        throw new IllegalArgumentException("unknown metadata format " + formatName);
    }

    private Node nativeTree() {
        IIOMetadataNode root = new IIOMetadataNode(NATIVE_FORMAT);
        root.setAttribute("width", Integer.toString(header.width()));
        root.setAttribute("height", Integer.toString(header.height()));
        root.setAttribute("channels", Integer.toString(header.channels()));
        root.setAttribute("bitDepth", Integer.toString(header.bitDepth()));
        root.setAttribute("levels", Integer.toString(header.levels()));
        root.setAttribute("model", header.modelId());
        appendText(root, "Text");
        if (icc != null) root.appendChild(bytes("ICC", icc));
        if (exif != null) root.appendChild(bytes("EXIF", exif));
        return root;
    }

    /** Appends a node {@code name} with one attribute. */
    private static void child(IIOMetadataNode parent, String name, String attribute, String value) {
        IIOMetadataNode n = new IIOMetadataNode(name);
        n.setAttribute(attribute, value);
        parent.appendChild(n);
    }

    /** Appends a node {@code name} with keyword and value attributes per text entry. */
    private void appendText(IIOMetadataNode parent, String name) {
        for (Map.Entry<String, String> e : text.entrySet()) {
            IIOMetadataNode t = new IIOMetadataNode(name);
            t.setAttribute("keyword", e.getKey());
            t.setAttribute("value", e.getValue());
            parent.appendChild(t);
        }
    }

    private static IIOMetadataNode bytes(String name, byte[] value) {
        IIOMetadataNode n = new IIOMetadataNode(name);
        n.setAttribute("length", Integer.toString(value.length));
        n.setUserObject(value.clone());
        return n;
    }

    @Override
    protected IIOMetadataNode getStandardChromaNode() {
        IIOMetadataNode chroma = new IIOMetadataNode("Chroma");
        child(chroma, "ColorSpaceType", "name", header.channels() <= 2 ? "GRAY" : "RGB");
        child(chroma, "NumChannels", "value", Integer.toString(header.channels()));
        return chroma;
    }

    @Override
    protected IIOMetadataNode getStandardCompressionNode() {
        IIOMetadataNode compression = new IIOMetadataNode("Compression");
        child(compression, "CompressionTypeName", "value", "nwf");
        child(compression, "Lossless", "value", "TRUE");
        child(compression, "NumProgressiveScans", "value", Integer.toString(header.levels()));
        return compression;
    }

    @Override
    protected IIOMetadataNode getStandardDataNode() {
        IIOMetadataNode data = new IIOMetadataNode("Data");
        child(data, "BitsPerSample", "value", String.join(" ", java.util.Collections.nCopies(header.channels(),
                Integer.toString(header.bitDepth()))));
        return data;
    }

    @Override
    protected IIOMetadataNode getStandardTransparencyNode() {
        IIOMetadataNode transparency = new IIOMetadataNode("Transparency");
        child(transparency, "Alpha", "value", header.channels() % 2 == 0 ? "nonpremultipled" : "none");
        return transparency;
    }

    @Override
    protected IIOMetadataNode getStandardTextNode() {
        if (text.isEmpty()) return null;
        IIOMetadataNode node = new IIOMetadataNode("Text");
        appendText(node, "TextEntry");
        return node;
    }

    @Override
    public void mergeTree(String formatName, Node root) {
        throw new IllegalStateException("nwf metadata is read-only");
    }

    @Override
    public void reset() {
        throw new IllegalStateException("nwf metadata is read-only");
    }
}
