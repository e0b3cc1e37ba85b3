package dev.arabica.runtime.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.format.model.Feature;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.MemArg;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.V128;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.junit.jupiter.api.Test;

/**
 * The emitter finds its helpers by name, so a misspelt or missing one would only show when the
 * generated code first runs (as a NoSuchMethodError): every vector instruction of WebAssembly 2.0
 * must call public static methods that exist, with the descriptor the emitter uses.
 */
class SimdEmitterTest {

    private record Call(String owner, String name, String descriptor) {
    }

    @Test
    void everyVectorInstructionCallsAnExistingHelper() throws ClassNotFoundException {
        List<Opcode> vectorOpcodes = Arrays.stream(Opcode.values()).filter(op -> op.feature() == Feature.SIMD).toList();
        assertThat(vectorOpcodes).hasSize(236);
        for (Opcode op : vectorOpcodes) {
            List<Call> calls = new ArrayList<>();
            new SimdEmitter(recording(calls)).emit(instruction(op), 1);
            if (op == Opcode.V128_CONST) {
                assertThat(calls).as(op.mnemonic()).isEmpty();
                continue;
            }
            assertThat(calls).as(op.mnemonic()).hasSize(1);
            Call call = calls.get(0);
            assertThat(exists(call)).as("%s calls %s", op.mnemonic(), call).isTrue();
        }
    }

    @Test
    void namesFollowTheMnemonic() {
        assertThat(SimdEmitter.camelCase("add_sat_s")).isEqualTo("addSatS");
        assertThat(SimdEmitter.camelCase("f32x4.demote_f64x2_zero")).isEqualTo("f32x4DemoteF64x2Zero");
    }

    private static Instruction instruction(Opcode op) {
        MemArg memArg = new MemArg(0, 0, 16);
        return switch (op.immediate()) {
            case MEMARG -> new Instruction.Memory(op, memArg);
            case MEMARG_LANE -> new Instruction.MemoryLane(op, memArg, 1);
            case LANE -> new Instruction.Indexed(op, 1);
            case V128 -> new Instruction.V128Const(new V128(1, 2));
            case SHUFFLE -> new Instruction.Shuffle(new V128(0x0706050403020100L, 0x1716151413121110L));
            default -> new Instruction.Plain(op);
        };
    }

    private static MethodVisitor recording(List<Call> calls) {
        return new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                if (opcode == Opcodes.INVOKESTATIC) {
                    calls.add(new Call(owner, name, descriptor));
                }
            }
        };
    }

    private static boolean exists(Call call) throws ClassNotFoundException {
        Class<?> owner = Class.forName(call.owner().replace('/', '.'));
        for (Method method : owner.getMethods()) {
            if (method.getName().equals(call.name()) && Modifier.isStatic(method.getModifiers())
                    && Type.getMethodDescriptor(method).equals(call.descriptor())) {
                return true;
            }
        }
        return false;
    }
}
