package dev.arabica.text.wat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LiteralsTest {

    @Test
    void readsIntegersInEveryForm() {
        assertThat(Literals.bits("42", 32)).isEqualTo(42);
        assertThat(Literals.bits("-0x8000_0000", 32)).isEqualTo(-0x8000_0000L);
        assertThat(Literals.bits("0xffff_ffff", 32)).isEqualTo(0xFFFF_FFFFL);
        assertThat(Literals.bits("+1_000", 32)).isEqualTo(1000);
    }

    @Test
    void rejectsMisplacedUnderscores() {
        assertThat(Literals.integer("1__0")).isNull();
        assertThat(Literals.integer("_1")).isNull();
        assertThat(Literals.integer("1_")).isNull();
        assertThat(Literals.integer("0x_1")).isNull();
    }

    @Test
    void rejectsIntegersOutsideTheirWidth() {
        assertThatThrownBy(() -> Literals.bits("0x1_0000_0000", 32)).isInstanceOf(Literals.OutOfRange.class);
        assertThatThrownBy(() -> Literals.bits("-0x8000_0001", 32)).isInstanceOf(Literals.OutOfRange.class);
    }

    @Test
    void readsFloatsIncludingHexAndSpecialValues() {
        assertThat(Literals.f32Bits("1.5")).isEqualTo(Float.floatToRawIntBits(1.5f));
        assertThat(Literals.f32Bits("0x1.8p1")).isEqualTo(Float.floatToRawIntBits(3f));
        assertThat(Literals.f32Bits("0x1p-149")).isEqualTo(1);
        assertThat(Literals.f32Bits("-inf")).isEqualTo(0xFF800000);
        assertThat(Literals.f32Bits("nan")).isEqualTo(0x7FC00000);
        assertThat(Literals.f32Bits("-nan:0x1")).isEqualTo(0xFF800001);
        assertThat(Literals.f64Bits("1e3")).isEqualTo(Double.doubleToRawLongBits(1000));
        assertThat(Literals.f64Bits("0x1.fffffffffffffp1023")).isEqualTo(Double.doubleToRawLongBits(Double.MAX_VALUE));
        assertThat(Literals.f64Bits("1_000.000_1")).isEqualTo(Double.doubleToRawLongBits(1000.0001));
    }

    @Test
    void roundsHexFloatsOnceToSinglePrecision() {
        assertThat(Literals.f32Bits("0x1.000001p0")).isEqualTo(Float.floatToRawIntBits(1f));
        assertThat(Literals.f32Bits("0x1.000003p0")).isEqualTo(Float.floatToRawIntBits(1.0000002f));
    }

    @Test
    void rejectsFloatsThatOverflowAndNanPayloadsThatDoNotFit() {
        assertThatThrownBy(() -> Literals.f32Bits("0x1p128")).isInstanceOf(Literals.OutOfRange.class);
        assertThatThrownBy(() -> Literals.f32Bits("nan:0x80_0000")).isInstanceOf(Literals.OutOfRange.class);
        assertThatThrownBy(() -> Literals.f32Bits("nan:0x0")).isInstanceOf(Literals.OutOfRange.class);
    }
}
