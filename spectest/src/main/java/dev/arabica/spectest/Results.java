package dev.arabica.spectest;

import dev.arabica.format.model.NumType;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.ValType;
import dev.arabica.runtime.Func;
import dev.arabica.text.wast.ResultPattern;
import java.util.Arrays;
import java.util.List;

/** Converts script constants to runtime values and checks results against expected patterns. */
final class Results {

    private Results() {
    }

    static dev.arabica.runtime.Value toValue(dev.arabica.text.wast.Value value, ValType type) {
        if (value instanceof dev.arabica.text.wast.Value.I32 v) {
            return dev.arabica.runtime.Value.i32(v.value());
        } else if (value instanceof dev.arabica.text.wast.Value.I64 v) {
            return dev.arabica.runtime.Value.i64(v.value());
        } else if (value instanceof dev.arabica.text.wast.Value.F32 v) {
            return dev.arabica.runtime.Value.f32Bits(v.bits());
        } else if (value instanceof dev.arabica.text.wast.Value.F64 v) {
            return dev.arabica.runtime.Value.f64Bits(v.bits());
        } else if (value instanceof dev.arabica.text.wast.Value.V128 v) {
            return dev.arabica.runtime.Value.v128(v.value());
        } else if (value instanceof dev.arabica.text.wast.Value.RefNull v) {
            return dev.arabica.runtime.Value.ref(type instanceof RefType ref ? ref : RefType.nullable(v.type()), null);
        } else if (value instanceof dev.arabica.text.wast.Value.RefExtern v) {
            return dev.arabica.runtime.Value.externref(new InterpreterHarness.HostRef(v.payload()));
        } else if (value instanceof dev.arabica.text.wast.Value.RefHost v) {
            return dev.arabica.runtime.Value.externref(new InterpreterHarness.HostRef(v.payload()));
        }
        throw new IllegalArgumentException("unsupported argument " + value);
    }

    static Outcome check(dev.arabica.runtime.Value[] results, List<ResultPattern> expected) {
        if (results.length != expected.size()) {
            return Outcome.failed("returned " + results.length + " results, expected " + expected.size());
        }
        for (int i = 0; i < results.length; i++) {
            if (!matches(results[i], expected.get(i))) {
                return Outcome.failed("result " + i + " is " + results[i] + ", expected " + expected.get(i)
                        + " (all results: " + Arrays.toString(results) + ")");
            }
        }
        return Outcome.PASSED;
    }

    private static boolean matches(dev.arabica.runtime.Value result, ResultPattern pattern) {
        if (pattern instanceof ResultPattern.Either either) {
            return either.alternatives().stream().anyMatch(p -> matches(result, p));
        } else if (pattern instanceof ResultPattern.NanPattern nan) {
            return nan.type() == NumType.F32 ? isNan32((int) result.bits(), nan.canonical())
                    : isNan64(result.bits(), nan.canonical());
        } else if (pattern instanceof ResultPattern.RefNullPattern) {
            return result.ref() == null;
        } else if (pattern instanceof ResultPattern.RefPattern ref) {
            return result.ref() != null && switch (ref.kind()) {
                case "func" -> result.ref() instanceof Func;
                case "extern", "host" -> ref.payload() == null
                        || result.ref().equals(new InterpreterHarness.HostRef(ref.payload()));
                default -> false;
            };
        } else if (pattern instanceof ResultPattern.Exact exact) {
            return matchesValue(result, exact.value());
        } else if (pattern instanceof ResultPattern.V128Lanes lanes) {
            return matchesLanes(result, lanes);
        }
        return false;
    }

    /** Lane-by-lane comparison of a v128 result, for lanes that are NaN patterns. */
    private static boolean matchesLanes(dev.arabica.runtime.Value result, ResultPattern.V128Lanes pattern) {
        int count = pattern.lanes().size();
        int width = 128 / count;
        for (int i = 0; i < count; i++) {
            int bit = i * width;
            long word = bit < 64 ? result.bits() : result.high();
            long mask = width == 64 ? -1L : (1L << width) - 1;
            long lane = (word >>> (bit & 63)) & mask;
            ResultPattern expected = pattern.lanes().get(i);
            boolean ok;
            if (expected instanceof ResultPattern.NanPattern nan) {
                ok = width == 32 ? isNan32((int) lane, nan.canonical()) : isNan64(lane, nan.canonical());
            } else if (expected instanceof ResultPattern.Exact exact) {
                ok = (laneBits(exact.value()) & mask) == lane;
            } else {
                ok = false;
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static long laneBits(dev.arabica.text.wast.Value value) {
        if (value instanceof dev.arabica.text.wast.Value.I32 v) {
            return v.value();
        } else if (value instanceof dev.arabica.text.wast.Value.I64 v) {
            return v.value();
        } else if (value instanceof dev.arabica.text.wast.Value.F32 v) {
            return v.bits();
        } else if (value instanceof dev.arabica.text.wast.Value.F64 v) {
            return v.bits();
        }
        throw new IllegalArgumentException("not a lane value: " + value);
    }

    private static boolean matchesValue(dev.arabica.runtime.Value result, dev.arabica.text.wast.Value value) {
        if (value instanceof dev.arabica.text.wast.Value.I32 v) {
            return result.type() == NumType.I32 && result.asInt() == v.value();
        } else if (value instanceof dev.arabica.text.wast.Value.I64 v) {
            return result.type() == NumType.I64 && result.asLong() == v.value();
        } else if (value instanceof dev.arabica.text.wast.Value.F32 v) {
            return result.type() == NumType.F32 && (int) result.bits() == v.bits();
        } else if (value instanceof dev.arabica.text.wast.Value.F64 v) {
            return result.type() == NumType.F64 && result.bits() == v.bits();
        } else if (value instanceof dev.arabica.text.wast.Value.V128 v) {
            return result.bits() == v.value().low() && result.high() == v.value().high();
        } else if (value instanceof dev.arabica.text.wast.Value.RefNull) {
            return result.ref() == null;
        } else if (value instanceof dev.arabica.text.wast.Value.RefExtern v) {
            return new InterpreterHarness.HostRef(v.payload()).equals(result.ref());
        } else if (value instanceof dev.arabica.text.wast.Value.RefHost v) {
            return new InterpreterHarness.HostRef(v.payload()).equals(result.ref());
        }
        return false;
    }

    private static boolean isNan32(int bits, boolean canonical) {
        int magnitude = bits & 0x7FFFFFFF;
        return canonical ? magnitude == 0x7FC00000 : (magnitude & 0x7FC00000) == 0x7FC00000;
    }

    private static boolean isNan64(long bits, boolean canonical) {
        long magnitude = bits & Long.MAX_VALUE;
        return canonical ? magnitude == 0x7FF8000000000000L : (magnitude & 0x7FF8000000000000L) == 0x7FF8000000000000L;
    }
}
