package dev.arabica.text.wat;

import dev.arabica.format.model.V128;
import dev.arabica.text.TextParseException;
import dev.arabica.text.lexer.Token;

/** Numeric immediates: float constants, vector constants and shuffles. */
final class Numbers {

    private Numbers() {
    }

    static int f32(Token token) {
        rejectNanPattern(token);
        try {
            Integer bits = Literals.f32Bits(token.text());
            if (bits == null) {
                throw new TextParseException("unknown operator " + token, token.line(), token.column());
            }
            return bits;
        } catch (Literals.OutOfRange e) {
            throw new TextParseException("constant out of range", token.line(), token.column());
        }
    }

    static long f64(Token token) {
        rejectNanPattern(token);
        try {
            Long bits = Literals.f64Bits(token.text());
            if (bits == null) {
                throw new TextParseException("unknown operator " + token, token.line(), token.column());
            }
            return bits;
        } catch (Literals.OutOfRange e) {
            throw new TextParseException("constant out of range", token.line(), token.column());
        }
    }

    /** {@code nan:canonical} and {@code nan:arithmetic} are result patterns of scripts, not literals. */
    private static void rejectNanPattern(Token token) {
        String text = token.text().startsWith("+") || token.text().startsWith("-") ? token.text().substring(1) : token.text();
        if (text.equals("nan:canonical") || text.equals("nan:arithmetic")) {
            throw new TextParseException("unexpected token " + token, token.line(), token.column());
        }
    }

    /** An integer of {@code width} bits; a malformed literal reads as an unknown operator, as in the reference. */
    static long integer(Token token, int width, String outOfRange) {
        try {
            Long bits = Literals.bits(token.text(), width);
            if (bits == null) {
                throw new TextParseException("unknown operator " + token, token.line(), token.column());
            }
            return bits;
        } catch (Literals.OutOfRange e) {
            throw new TextParseException(outOfRange, token.line(), token.column());
        }
    }

    /** {@code v128.const SHAPE lanes...}: the shape decides the number and kind of lane literals. */
    static V128 v128(Cursor in) {
        Token shape = in.takeToken(Token.Kind.ATOM);
        if (shape == null) {
            throw in.unexpected();
        }
        int lanes;
        int laneBits;
        switch (shape.text()) {
            case "i8x16" -> { lanes = 16; laneBits = 8; }
            case "i16x8" -> { lanes = 8; laneBits = 16; }
            case "i32x4", "f32x4" -> { lanes = 4; laneBits = 32; }
            case "i64x2", "f64x2" -> { lanes = 2; laneBits = 64; }
            default -> throw new TextParseException("unexpected token " + shape, shape.line(), shape.column());
        }
        boolean isFloat = shape.text().startsWith("f");
        long low = 0;
        long high = 0;
        for (int i = 0; i < lanes; i++) {
            Token lane = in.takeToken(Token.Kind.ATOM);
            if (lane == null) {
                throw in.error("wrong number of lane literals");
            }
            long bits;
            if (isFloat) {
                bits = laneBits == 32 ? f32(lane) & 0xFFFFFFFFL : f64(lane);
            } else {
                bits = integer(lane, laneBits, "constant out of range");
            }
            long mask = laneBits == 64 ? -1L : (1L << laneBits) - 1;
            int bitOffset = i * laneBits;
            if (bitOffset < 64) {
                low |= (bits & mask) << bitOffset;
            } else {
                high |= (bits & mask) << (bitOffset - 64);
            }
        }
        if (in.peekToken(Token.Kind.ATOM) != null && Literals.integer(in.peekToken(Token.Kind.ATOM).text()) != null) {
            throw in.error("wrong number of lane literals");
        }
        return new V128(low, high);
    }

    static V128 shuffle(Cursor in) {
        byte[] lanes = new byte[16];
        for (int i = 0; i < 16; i++) {
            Token lane = in.takeToken(Token.Kind.ATOM);
            if (lane == null) {
                throw in.error("invalid lane length");
            }
            Long value;
            try {
                value = Literals.unsigned(lane.text(), 8);
            } catch (Literals.OutOfRange e) {
                throw new TextParseException("malformed lane index", lane.line(), lane.column());
            }
            if (value == null) {
                throw new TextParseException("malformed lane index", lane.line(), lane.column());
            }
            lanes[i] = (byte) (long) value;
        }
        Token extra = in.peekToken(Token.Kind.ATOM);
        if (extra != null && Literals.integer(extra.text()) != null) {
            throw in.error("invalid lane length");
        }
        return V128.fromBytes(lanes, 0);
    }
}
