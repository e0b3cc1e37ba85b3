package dev.arabica.fuzz.generate;

import dev.arabica.format.model.V128;

/**
 * Constants that make operators show their edge cases: zero and minus one, the extremes, values
 * around shift widths and page sizes, and for floats signed zeros, infinities, subnormals, NaNs
 * with and without payloads, and the bounds at which truncation to an integer overflows. Every
 * family is mixed with plain random values, so that ordinary arithmetic is exercised too.
 */
public final class InterestingValues {

    private static final int[] I32 = {
        0, 1, -1, 2, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 127, 128, 255, 256, 0x7FFF, 0x8000, 0xFFFF,
        0x1_0000, 0x1_0001, 0xFFFE, 0x2_0000, 0x3_0000, 0x4_0000, -0x1_0000, 0x7FFF_FFFF, 0x8000_0000,
        0x8000_0001, 0x7FFF_FFFE, 0xFFFF_FFFE, 0x55555555, 0xAAAAAAAA, 0x0F0F0F0F, 0x1234_5678,
    };

    private static final long[] I64 = {
        0, 1, -1, 2, 31, 32, 63, 64, 65, 127, 128, 255, 0xFFFF, 0x1_0000, 0x7FFF_FFFFL, 0x8000_0000L,
        0xFFFF_FFFFL, 0x1_0000_0000L, 0x1_0000_0001L, -0x8000_0000L, 1L << 53, (1L << 53) + 1, Long.MAX_VALUE,
        Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, 0x5555_5555_5555_5555L, 0xAAAA_AAAA_AAAA_AAAAL,
        0x0123_4567_89AB_CDEFL,
    };

    private static final int[] F32_BITS = {
        0x0000_0000, 0x8000_0000, // +0, -0
        0x3F80_0000, 0xBF80_0000, 0x3F00_0000, 0xBF00_0000, 0x3FC0_0000, 0x4020_0000, 0x3EFF_FFFF, // 1, -1, 0.5, -0.5, 1.5, 2.5, 0.49999997
        0x7F80_0000, 0xFF80_0000, // infinities
        0x7FC0_0000, 0xFFC0_0000, 0x7FC0_0001, 0x7FA0_0000, 0x7F80_0001, 0xFFFF_FFFF, 0x7FFF_FFFF, // NaNs
        0x0000_0001, 0x807F_FFFF, 0x0080_0000, 0x7F7F_FFFF, 0xFF7F_FFFF, // subnormals, normal extremes
        0x4F00_0000, 0xCF00_0000, 0x4EFF_FFFF, 0xCF00_0001, 0x4F80_0000, 0x4F7F_FFFF, // around 2^31 and 2^32
        0x5F00_0000, 0xDF00_0000, 0x5EFF_FFFF, 0xDF00_0001, 0x5F80_0000, 0x5F7F_FFFF, // around 2^63 and 2^64
        0xBF7F_FFFF, 0x4B00_0000, 0x4B00_0001, // just above -1, 2^23, 2^23 + 1
    };

    private static final long[] F64_BITS = {
        0x0000_0000_0000_0000L, 0x8000_0000_0000_0000L,
        0x3FF0_0000_0000_0000L, 0xBFF0_0000_0000_0000L, 0x3FE0_0000_0000_0000L, 0xBFE0_0000_0000_0000L,
        0x3FF8_0000_0000_0000L, 0x4004_0000_0000_0000L, 0x3FDF_FFFF_FFFF_FFFFL,
        0x7FF0_0000_0000_0000L, 0xFFF0_0000_0000_0000L,
        0x7FF8_0000_0000_0000L, 0xFFF8_0000_0000_0000L, 0x7FF8_0000_0000_0001L, 0x7FF4_0000_0000_0000L,
        0x7FF0_0000_0000_0001L, 0xFFFF_FFFF_FFFF_FFFFL, 0x7FFF_FFFF_FFFF_FFFFL,
        0x0000_0000_0000_0001L, 0x800F_FFFF_FFFF_FFFFL, 0x0010_0000_0000_0000L, 0x7FEF_FFFF_FFFF_FFFFL,
        0x41E0_0000_0000_0000L, 0xC1E0_0000_0000_0000L, 0x41DF_FFFF_FFFF_FFFFL, // 2^31, -2^31, 2^31 - ulp
        0x41DF_FFFF_FFC0_0000L, 0xC1E0_0000_0020_0000L, // 2147483647, -2147483649
        0x41EF_FFFF_FFFF_FFFFL, 0x41F0_0000_0000_0000L, 0x41EF_FFFF_FFE0_0000L, // around 2^32
        0x43E0_0000_0000_0000L, 0xC3E0_0000_0000_0000L, 0x43DF_FFFF_FFFF_FFFFL, 0xC3E0_0000_0000_0001L, // around 2^63
        0x43F0_0000_0000_0000L, 0x43EF_FFFF_FFFF_FFFFL, // around 2^64
        0xBFEF_FFFF_FFFF_FFFFL, 0x4330_0000_0000_0000L, 0x4330_0000_0000_0001L, 0x36A0_0000_0000_0000L, // 2^52, f32 subnormal range
    };

    private InterestingValues() {
    }

    public static int i32(Rng rng) {
        return switch (rng.weighted(6, 3, 2, 1)) {
            case 0 -> rng.pick(I32);
            case 1 -> rng.between(-16, 16);
            case 2 -> rng.pick(I32) + rng.between(-2, 2);
            default -> rng.nextInt();
        };
    }

    public static long i64(Rng rng) {
        return switch (rng.weighted(6, 3, 2, 1, 1)) {
            case 0 -> rng.pick(I64);
            case 1 -> rng.between(-16, 16);
            case 2 -> rng.pick(I64) + rng.between(-2, 2);
            case 3 -> i32(rng);
            default -> rng.nextLong();
        };
    }

    public static int f32Bits(Rng rng) {
        return switch (rng.weighted(6, 2, 2, 1)) {
            case 0 -> rng.pick(F32_BITS);
            case 1 -> Float.floatToRawIntBits(rng.between(-100, 100));
            case 2 -> Float.floatToRawIntBits(rng.between(-1000, 1000) / 8.0f);
            default -> rng.nextInt();
        };
    }

    public static long f64Bits(Rng rng) {
        return switch (rng.weighted(6, 2, 2, 1, 1)) {
            case 0 -> rng.pick(F64_BITS);
            case 1 -> Double.doubleToRawLongBits(rng.between(-100, 100));
            case 2 -> Double.doubleToRawLongBits(rng.between(-1000, 1000) / 8.0);
            case 3 -> Double.doubleToRawLongBits(Float.intBitsToFloat(f32Bits(rng)));
            default -> rng.nextLong();
        };
    }

    /** A vector filled lane by lane with interesting values of one randomly chosen lane shape. */
    public static V128 v128(Rng rng) {
        return switch (rng.weighted(1, 1, 2, 2, 2, 2, 2, 2)) {
            case 0 -> V128.ZERO;
            case 1 -> new V128(-1, -1);
            case 2 -> new V128(rng.nextLong(), rng.nextLong());
            case 3 -> new V128(i64(rng), i64(rng));
            case 4 -> new V128(f64Bits(rng), f64Bits(rng));
            case 5 -> new V128(pair(f32Bits(rng), f32Bits(rng)), pair(f32Bits(rng), f32Bits(rng)));
            case 6 -> new V128(pair(i32(rng), i32(rng)), pair(i32(rng), i32(rng)));
            default -> new V128(smallLanes(rng), smallLanes(rng));
        };
    }

    private static long pair(int low, int high) {
        return (low & 0xFFFF_FFFFL) | ((long) high << 32);
    }

    /** Four 16-bit lanes around the 8- and 16-bit boundaries, which saturating and narrowing operators care about. */
    private static long smallLanes(Rng rng) {
        int[] edges = {0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0xFF80, 0x0100};
        long lanes = 0;
        for (int i = 0; i < 4; i++) {
            lanes |= (long) (rng.pick(edges) & 0xFFFF) << (16 * i);
        }
        return lanes;
    }
}
