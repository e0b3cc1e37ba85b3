package dev.arabica.text.wat;

import java.math.BigInteger;

/**
 * Numeric literals of the text format: integers (decimal or hex, optional sign, underscores between
 * digits) and floats (decimal, hex with optional {@code p} exponent, {@code inf}, {@code nan},
 * {@code nan:0x...}). Methods return null when the text is not a literal of that kind, and throw
 * {@link OutOfRange} when it is but its value does not fit.
 */
public final class Literals {

    /** The literal is well-formed but its value does not fit the type. */
    public static final class OutOfRange extends RuntimeException {
        OutOfRange() {
            super("constant out of range", null, false, false);
        }
    }


    private Literals() {
    }

    /** An integer literal as an exact value, or null if the text is not one. */
    public static BigInteger integer(String text) {
        String body = text;
        boolean negative = false;
        if (body.startsWith("+") || body.startsWith("-")) {
            negative = body.charAt(0) == '-';
            body = body.substring(1);
        }
        int radix = 10;
        if (body.startsWith("0x")) {
            radix = 16;
            body = body.substring(2);
        }
        String digits = digits(body, radix);
        if (digits == null) {
            return null;
        }
        BigInteger value = new BigInteger(digits, radix);
        return negative ? value.negate() : value;
    }

    /** Removes underscores that each sit between two digits; null if anything else is off. */
    private static String digits(String body, int radix) {
        if (body.isEmpty() || body.startsWith("_") || body.endsWith("_") || body.contains("__")) {
            return null;
        }
        String digits = body.replace("_", "");
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return null;
            }
        }
        return digits;
    }

    /** An N-bit integer (signed or unsigned range accepted), as its two's complement bits. */
    public static Long bits(String text, int width) {
        BigInteger value = integer(text);
        if (value == null) {
            return null;
        }
        BigInteger limit = BigInteger.ONE.shiftLeft(width);
        BigInteger min = BigInteger.ONE.shiftLeft(width - 1).negate();
        if (value.compareTo(min) < 0 || value.compareTo(limit) >= 0) {
            throw new OutOfRange();
        }
        return value.longValue();
    }

    /** An unsigned integer that must fit in {@code width} bits, e.g. an offset or a count. */
    public static Long unsigned(String text, int width) {
        if (text.startsWith("+") || text.startsWith("-")) {
            return null;
        }
        BigInteger value = integer(text);
        if (value == null) {
            return null;
        }
        if (value.bitLength() > width) {
            throw new OutOfRange();
        }
        return value.longValue();
    }

    public static Integer f32Bits(String text) {
        boolean negative = text.startsWith("-");
        String body = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        int sign = negative ? 0x80000000 : 0;
        if (body.equals("inf")) {
            return sign | 0x7F800000;
        }
        if (body.equals("nan")) {
            return sign | 0x7FC00000;
        }
        if (body.startsWith("nan:0x")) {
            String digits = digits(body.substring(6), 16);
            if (digits == null) {
                return null;
            }
            BigInteger payload = new BigInteger(digits, 16);
            if (payload.signum() == 0 || payload.bitLength() > 23) {
                throw new OutOfRange();
            }
            return sign | 0x7F800000 | payload.intValue();
        }
        if (parse(body) == null) {
            return null;
        }
        float value = body.startsWith("0x") ? hexToFloat(body) : Float.parseFloat(javaDecimal(body));
        if (Float.isInfinite(value)) {
            throw new OutOfRange();
        }
        return sign | Float.floatToRawIntBits(value);
    }

    public static Long f64Bits(String text) {
        boolean negative = text.startsWith("-");
        String body = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        long sign = negative ? 0x8000000000000000L : 0;
        if (body.equals("inf")) {
            return sign | 0x7FF0000000000000L;
        }
        if (body.equals("nan")) {
            return sign | 0x7FF8000000000000L;
        }
        if (body.startsWith("nan:0x")) {
            String digits = digits(body.substring(6), 16);
            if (digits == null) {
                return null;
            }
            BigInteger payload = new BigInteger(digits, 16);
            if (payload.signum() == 0 || payload.bitLength() > 52) {
                throw new OutOfRange();
            }
            return sign | 0x7FF0000000000000L | payload.longValue();
        }
        Double value = parse(body);
        if (value == null) {
            return null;
        }
        if (Double.isInfinite(value)) {
            throw new OutOfRange();
        }
        return sign | Double.doubleToRawLongBits(value);
    }

    /** Parses an unsigned decimal or hex float into a double (correctly rounded); null if malformed. */
    private static Double parse(String body) {
        if (body.startsWith("0x")) {
            String java = javaHex(body);
            return java == null ? null : Double.parseDouble(java);
        }
        String java = javaDecimal(body);
        return java == null ? null : Double.parseDouble(java);
    }

    /** Hex floats round once, straight to f32, rather than through f64. */
    private static float hexToFloat(String body) {
        return Float.parseFloat(javaHex(body));
    }

    private static String javaDecimal(String body) {
        int exponentAt = Math.max(body.indexOf('e'), body.indexOf('E'));
        String mantissa = exponentAt >= 0 ? body.substring(0, exponentAt) : body;
        String exponent = exponentAt >= 0 ? body.substring(exponentAt + 1) : null;
        int dot = mantissa.indexOf('.');
        String whole = dot >= 0 ? mantissa.substring(0, dot) : mantissa;
        String fraction = dot >= 0 ? mantissa.substring(dot + 1) : "";
        String wholeDigits = digits(whole, 10);
        if (wholeDigits == null) {
            return null;
        }
        String fractionDigits = fraction.isEmpty() ? "" : digits(fraction, 10);
        if (fractionDigits == null) {
            return null;
        }
        StringBuilder java = new StringBuilder(wholeDigits);
        if (!fractionDigits.isEmpty()) {
            java.append('.').append(fractionDigits);
        }
        if (exponent != null) {
            String signless = exponent.startsWith("+") || exponent.startsWith("-") ? exponent.substring(1) : exponent;
            String exponentDigits = digits(signless, 10);
            if (exponentDigits == null) {
                return null;
            }
            java.append('e').append(exponent.startsWith("-") ? "-" : "").append(clampExponent(exponentDigits));
        }
        return java.toString();
    }

    private static String javaHex(String body) {
        String rest = body.substring(2);
        int exponentAt = Math.max(rest.indexOf('p'), rest.indexOf('P'));
        String mantissa = exponentAt >= 0 ? rest.substring(0, exponentAt) : rest;
        String exponent = exponentAt >= 0 ? rest.substring(exponentAt + 1) : "0";
        int dot = mantissa.indexOf('.');
        String whole = dot >= 0 ? mantissa.substring(0, dot) : mantissa;
        String fraction = dot >= 0 ? mantissa.substring(dot + 1) : "";
        String wholeDigits = digits(whole, 16);
        String fractionDigits = fraction.isEmpty() ? "" : digits(fraction, 16);
        String signless = exponent.startsWith("+") || exponent.startsWith("-") ? exponent.substring(1) : exponent;
        String exponentDigits = digits(signless, 10);
        if (wholeDigits == null || fractionDigits == null || exponentDigits == null) {
            return null;
        }
        return "0x" + wholeDigits + "." + (fractionDigits.isEmpty() ? "0" : fractionDigits) + "p"
                + (exponent.startsWith("-") ? "-" : "") + clampExponent(exponentDigits);
    }

    /** Exponents beyond any float's range saturate, so huge exponents parse to 0 or infinity. */
    private static String clampExponent(String digits) {
        BigInteger value = new BigInteger(digits);
        return value.compareTo(BigInteger.valueOf(100000)) > 0 ? "100000" : value.toString();
    }
}
