package dev.nwf.zoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The safetensors layout for int32 tensors: u64 little-endian header length, a JSON header of
 * {name: {dtype, shape, data_offsets}}, then the raw little-endian data. Written in plain Java so that models load
 * without native libraries; files are interchangeable with DJL's NDList SAFETENSORS encoding (tested).
 */
public final class SafeTensors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 1 << 24;

    /** A named int32 tensor. */
    public record Tensor(long[] shape, int[] data) {
    }

    private SafeTensors() {
    }

    /** The tensors as a safetensors file (header JSON, then the data). */
    public static byte[] write(Map<String, Tensor> tensors) {
        ObjectNode header = JSON.createObjectNode();
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "I32");
            var shape = t.putArray("shape");
            for (long d : e.getValue().shape()) shape.add(d);
            long size = 4L * e.getValue().data().length;
            t.putArray("data_offsets").add(offset).add(offset + size);
            offset += size;
        }
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerBytes.length);
        out.writeBytes(len.array());
        out.writeBytes(headerBytes);
        for (Tensor t : tensors.values()) {
            ByteBuffer b = ByteBuffer.allocate(4 * t.data().length).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : t.data()) b.putInt(v);
            out.writeBytes(b.array());
        }
        return out.toByteArray();
    }

    /** Reads a safetensors file's int32 tensors; {@code source} names it in messages. */
    public static Map<String, Tensor> read(byte[] bytes, String source) throws ModelFileException {
        if (bytes.length < 8) throw new ModelFileException(source, "weights file is shorter than its 8-byte header length");
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER || 8 + headerLength > bytes.length) {
            throw new ModelFileException(source, "weights header length " + headerLength + " is out of range");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new ModelFileException(source, "weights header is not valid JSON", e);
        }
        int dataStart = 8 + (int) headerLength;
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) continue;
            JsonNode t = e.getValue();
            if (!"I32".equals(t.path("dtype").asText())) {
                throw new ModelFileException(source, "tensor " + e.getKey() + " has dtype " + t.path("dtype").asText() + ", expected I32");
            }
            long[] shape = new long[t.path("shape").size()];
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = t.path("shape").get(i).asLong();
                count *= shape[i];
            }
            long begin = t.path("data_offsets").path(0).asLong(-1);
            long end = t.path("data_offsets").path(1).asLong(-1);
            if (begin < 0 || end != begin + 4 * count || dataStart + end > bytes.length) {
                throw new ModelFileException(source, "tensor " + e.getKey() + " has inconsistent data offsets");
            }
            int[] data = new int[(int) count];
            ByteBuffer b = ByteBuffer.wrap(bytes, dataStart + (int) begin, (int) (4 * count)).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < data.length; i++) data[i] = b.getInt();
            out.put(e.getKey(), new Tensor(shape, data));
        }
        return out;
    }
}
