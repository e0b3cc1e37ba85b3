package dev.arabica.format.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arabica.format.InvalidModuleException;
import dev.arabica.format.MalformedModuleException;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.Feature;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.validation.ModuleInfo;
import dev.arabica.format.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleDecoderTest {

    private static final byte[] HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};

    private static byte[] module(int... sectionBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEADER);
        for (int b : sectionBytes) {
            out.write(b);
        }
        return out.toByteArray();
    }

    /** A module with one function of type [] -> [i32] whose body is {@code body} (without locals). */
    private static byte[] function(int... body) {
        return functions(body);
    }

    /** A module with functions of type [] -> [i32], one per body (each without locals). */
    private static byte[] functions(int[]... bodies) {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.write(bodies.length);
        for (int[] body : bodies) {
            code.write(body.length + 1);
            code.write(0);
            for (int b : body) {
                code.write(b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {1, 5, 1, 0x60, 0, 1, 0x7F, 3, (byte) (bodies.length + 1), (byte) bodies.length});
        for (int i = 0; i < bodies.length; i++) {
            out.write(0);
        }
        out.write(10);
        out.write(code.size());
        out.writeBytes(code.toByteArray());
        int[] sections = new int[out.size()];
        byte[] bytes = out.toByteArray();
        for (int i = 0; i < bytes.length; i++) {
            sections[i] = bytes[i] & 0xFF;
        }
        return module(sections);
    }

    private static MalformedModuleException malformed(byte[] bytes) {
        try {
            ModuleDecoder.decode(bytes);
        } catch (MalformedModuleException e) {
            return e;
        }
        throw new AssertionError("decoded a malformed module");
    }

    @Test
    void decodesTheEmptyModule() {
        assertThat(ModuleDecoder.decode(HEADER)).isEqualTo(Module.builder().build());
    }

    @Test
    void rejectsAMissingMagicHeaderAtOffsetZero() {
        MalformedModuleException e = malformed(new byte[] {0, 'a', 's', 'n', 1, 0, 0, 0});
        assertThat(e.reason()).contains("magic header not detected");
        assertThat(e.offset()).isZero();
    }

    @Test
    void rejectsAnUnknownVersion() {
        assertThat(malformed(new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0}).reason()).contains("unknown binary version");
    }

    @Test
    void rejectsATruncatedHeaderAsUnexpectedEnd() {
        assertThat(malformed(new byte[] {0, 'a', 's'}).reason()).contains("unexpected end");
    }

    @Test
    void decodesAFunctionAndRecordsInstructionOffsets() {
        Module module = ModuleDecoder.decode(function(0x41, 0x2A, 0x0B));
        assertThat(module.types().get(0).compType()).isEqualTo(new FuncType(List.of(), List.of(NumType.I32)));
        assertThat(module.functions().get(0).body().instructions())
                .containsExactly(new Instruction.I32Const(42), new Instruction.Plain(Opcode.END));
        assertThat(module.functions().get(0).body().offset(0)).isEqualTo(24);
        assertThat(module.functions().get(0).body().offset(1)).isEqualTo(26);
    }

    @Test
    void decodesSignedLeb128Constants() {
        Module module = ModuleDecoder.decode(function(0x41, 0x80, 0x80, 0x80, 0x80, 0x78, 0x0B));
        assertThat(module.functions().get(0).body().instructions().get(0)).isEqualTo(new Instruction.I32Const(Integer.MIN_VALUE));
    }

    @Test
    void rejectsOverlongLeb128() {
        assertThat(malformed(function(0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0B)).reason())
                .contains("integer representation too long");
    }

    @Test
    void rejectsUnusedBitsThatAreNotSignExtension() {
        assertThat(malformed(function(0x41, 0x80, 0x80, 0x80, 0x80, 0x70, 0x0B)).reason()).contains("integer too large");
    }

    @Test
    void rejectsSectionsOutOfOrder() {
        assertThat(malformed(module(3, 1, 0, 1, 1, 0)).reason()).contains("unexpected content after last section");
    }

    @Test
    void rejectsASectionWhoseContentIsShorterThanItsSize() {
        assertThat(malformed(module(1, 2, 0, 0)).reason()).contains("section size mismatch");
    }

    @Test
    void rejectsAnUnknownSectionId() {
        assertThat(malformed(module(14, 0)).reason()).contains("malformed section id");
    }

    @Test
    void rejectsFunctionsWithoutCode() {
        assertThat(malformed(module(1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0)).reason())
                .contains("function and code section have inconsistent lengths");
    }

    @Test
    void rejectsACountLargerThanTheBytesThatFollow() {
        assertThat(malformed(module(3, 5, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)).reason()).contains("unexpected end of section");
    }

    @Test
    void requiresADataCountSectionForMemoryInit() {
        assertThat(malformed(function(0xFC, 8, 0, 0, 0x0B)).reason()).contains("data count section required");
    }

    @Test
    void rejectsAnIllegalOpcode() {
        assertThat(malformed(function(0xFF, 0x0B)).reason()).contains("illegal opcode");
    }

    @Test
    void readsMemoryIndicesAsZeroBytesWithoutMultiMemory() {
        byte[] bytes = function(0x3F, 0x01, 0x0B);
        assertThat(ModuleDecoder.decode(bytes, Feature.all()).functions().get(0).body().instructions().get(0))
                .isEqualTo(new Instruction.Indexed(Opcode.MEMORY_SIZE, 1));
        assertThatThrownBy(() -> ModuleDecoder.decode(bytes, Feature.wasm2()))
                .isInstanceOf(MalformedModuleException.class).hasMessageContaining("zero byte expected");
    }

    @Test
    void rejectsMalformedUtf8InNames() {
        assertThat(malformed(module(0, 3, 2, 0xC0, 0x80)).reason()).contains("malformed UTF-8 encoding");
    }

    @Test
    void lazyDecodingLeavesBodiesEncodedAndDecodesThemAsEagerDecodingDoes() {
        byte[] bytes = functions(new int[] {0x41, 0x2A, 0x0B}, new int[] {0x02, 0x7F, 0x41, 0x01, 0x0B, 0x0B});
        Module eager = ModuleDecoder.decode(bytes);
        Module lazy = ModuleDecoder.decodeLazily(bytes, Feature.all());
        ModuleInfo eagerInfo = Validator.validate(eager);
        ModuleInfo lazyInfo = Validator.validate(lazy);
        for (int i = 0; i < 2; i++) {
            Expr body = lazy.functions().get(i).body();
            assertThat(body.encoded()).isNotNull();
            assertThat(lazyInfo.instructionCount(i)).isEqualTo(eagerInfo.instructionCount(i));
            assertThat(lazyInfo.maxStackHeight(i)).isEqualTo(eagerInfo.maxStackHeight(i));
            for (int j = 0; j < lazyInfo.instructionCount(i); j++) {
                assertThat(lazyInfo.slotHeight(i, j)).isEqualTo(eagerInfo.slotHeight(i, j));
                assertThat(body.offset(j)).isEqualTo(eager.functions().get(i).body().offset(j));
            }
            assertThat(body.instructions()).isEqualTo(eager.functions().get(i).body().instructions());
        }
        assertThat(lazy).isEqualTo(eager);
    }

    @Test
    void aMalformedBodyOfALazilyDecodedModuleFailsItsValidation() {
        byte[] bytes = function(0x41, 0x2A, 0xFF, 0x0B);
        Module lazy = ModuleDecoder.decodeLazily(bytes, Feature.all());
        assertThatThrownBy(() -> Validator.validate(lazy)).isInstanceOfSatisfying(MalformedModuleException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(malformed(bytes).reason());
                    assertThat(e.offset()).isEqualTo(malformed(bytes).offset());
                });
    }

    @Test
    void decodeAndValidateReportsWhatDecodeAndValidateDo() {
        byte[] invalidThenMalformed = functions(new int[] {0x0B}, new int[] {0xFF, 0x0B});
        byte[] junkAfterTheEnd = function(0x41, 0x2A, 0x0B, 0x01);
        byte[] noEnd = function(0x41, 0x2A);
        for (byte[] bytes : List.of(invalidThenMalformed, junkAfterTheEnd, noEnd)) {
            MalformedModuleException expected = malformed(bytes);
            assertThatThrownBy(() -> Validator.decodeAndValidate(bytes, Feature.all()))
                    .isInstanceOfSatisfying(MalformedModuleException.class, e -> {
                        assertThat(e.reason()).isEqualTo(expected.reason());
                        assertThat(e.offset()).isEqualTo(expected.offset());
                    });
        }
        assertThat(malformed(junkAfterTheEnd).reason()).contains("junk after the end of function 0");
        assertThatThrownBy(() -> Validator.decodeAndValidate(function(0x0B), Feature.all()))
                .isInstanceOf(InvalidModuleException.class).hasMessageContaining("type mismatch");
    }
}
