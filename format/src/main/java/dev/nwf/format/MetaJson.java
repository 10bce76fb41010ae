package dev.nwf.format;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The meta chunk's JSON (SPEC.md §2.6), read and written here rather than with Jackson so that the container module
 * has no dependency and compiles to the browser (TeaVM, which cannot run a reflective library). Reads objects as
 * insertion-ordered maps, arrays as lists, integers as Integer, Long or BigInteger by size, other numbers as Double;
 * writes compactly with Jackson's escapes (the short ones for \b \t \n \f \r, \\u00XX for other control
 * characters, nothing else escaped), so files written before keep their bytes.
 */
final class MetaJson {
    private final String s;
    private int p;

    private MetaJson(String s) {
        this.s = s;
    }

    /** A malformed document, with the character offset where it went wrong. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message, int at) {
            super(message + " at character " + at);
        }
    }

    static Object parse(String text) throws SyntaxException {
        MetaJson r = new MetaJson(text);
        r.space();
        Object v = r.value(0);
        r.space();
        if (r.p != text.length()) throw new SyntaxException("unexpected text after the value", r.p);
        return v;
    }

    /** Nesting deeper than this is refused: a hostile file must not overflow the reader's stack. */
    private static final int MAX_DEPTH = 256;

    private Object value(int depth) throws SyntaxException {
        if (depth > MAX_DEPTH) throw new SyntaxException("nested deeper than " + MAX_DEPTH, p);
        if (p >= s.length()) throw new SyntaxException("a value is missing", p);
        char c = s.charAt(p);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || c >= '0' && c <= '9') return number();
                throw new SyntaxException("unexpected character '" + c + "'", p);
        }
    }

    private Map<String, Object> object(int depth) throws SyntaxException {
        Map<String, Object> m = new LinkedHashMap<>();
        p++;
        space();
        if (peek() == '}') {
            p++;
            return m;
        }
        while (true) {
            space();
            if (peek() != '"') throw new SyntaxException("a member name must be a string", p);
            String key = string();
            space();
            expect(':');
            space();
            m.put(key, value(depth + 1));
            space();
            char c = next();
            if (c == '}') return m;
            if (c != ',') throw new SyntaxException("expected ',' or '}'", p - 1);
        }
    }

    private List<Object> array(int depth) throws SyntaxException {
        List<Object> a = new ArrayList<>();
        p++;
        space();
        if (peek() == ']') {
            p++;
            return a;
        }
        while (true) {
            space();
            a.add(value(depth + 1));
            space();
            char c = next();
            if (c == ']') return a;
            if (c != ',') throw new SyntaxException("expected ',' or ']'", p - 1);
        }
    }

    private String string() throws SyntaxException {
        p++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (p >= s.length()) throw new SyntaxException("unterminated string", p);
            char c = s.charAt(p++);
            if (c == '"') return b.toString();
            if (c < 0x20) throw new SyntaxException("a control character inside a string", p - 1);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (p + 4 > s.length()) throw new SyntaxException("a cut \\u escape", p);
                    int v = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(s.charAt(p++), 16);
                        if (d < 0) throw new SyntaxException("a bad \\u escape", p - 1);
                        v = v << 4 | d;
                    }
                    b.append((char) v);
                }
                default -> throw new SyntaxException("unknown escape \\" + e, p - 1);
            }
        }
    }

    private Object number() throws SyntaxException {
        int start = p;
        if (peek() == '-') p++;
        int digits = p;
        while (p < s.length() && Character.isDigit(s.charAt(p))) p++;
        if (p == digits) throw new SyntaxException("a number without digits", start);
        if (s.charAt(digits) == '0' && p - digits > 1) throw new SyntaxException("a number with a leading zero", start);
        boolean integer = true;
        if (p < s.length() && s.charAt(p) == '.') {
            integer = false;
            p++;
            int fraction = p;
            while (p < s.length() && Character.isDigit(s.charAt(p))) p++;
            if (p == fraction) throw new SyntaxException("a fraction without digits", start);
        }
        if (p < s.length() && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            integer = false;
            p++;
            if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-')) p++;
            int exponent = p;
            while (p < s.length() && Character.isDigit(s.charAt(p))) p++;
            if (p == exponent) throw new SyntaxException("an exponent without digits", start);
        }
        String t = s.substring(start, p);
        if (!integer) return Double.parseDouble(t);
        BigInteger v = new BigInteger(t);
        if (v.bitLength() < 32) return v.intValue();
        if (v.bitLength() < 64) return v.longValue();
        return v;
    }

    private Object literal(String word, Object v) throws SyntaxException {
        if (!s.startsWith(word, p)) throw new SyntaxException("expected " + word, p);
        p += word.length();
        return v;
    }

    private void space() {
        while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t' || s.charAt(p) == '\n'
                || s.charAt(p) == '\r')) p++;
    }

    private char peek() throws SyntaxException {
        if (p >= s.length()) throw new SyntaxException("the text ends early", p);
        return s.charAt(p);
    }

    private char next() throws SyntaxException {
        char c = peek();
        p++;
        return c;
    }

    private void expect(char c) throws SyntaxException {
        if (next() != c) throw new SyntaxException("expected '" + c + "'", p - 1);
    }

    /** The value as compact JSON; maps need string keys, values maps, lists, strings, numbers, booleans or null. */
    static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String str) {
            quote(b, str);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte || v instanceof BigInteger) {
            b.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) throw new IllegalArgumentException("JSON has no " + d);
            b.append(v);
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) b.append(',');
                first = false;
                quote(b, String.valueOf(e.getKey()));
                b.append(':');
                write(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) b.append(',');
                write(b, list.get(i));
            }
            b.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    private static final String HEX = "0123456789ABCDEF";

    private static void quote(StringBuilder b, String str) {
        b.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }
}
