package dev.arabica.format.binary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.format.model.AbsHeapType;
import dev.arabica.format.model.CustomSection;
import dev.arabica.format.model.DataSegment;
import dev.arabica.format.model.ElementSegment;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Function;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Limits;
import dev.arabica.format.model.MemArg;
import dev.arabica.format.model.MemoryType;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.RecGroup;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.SegmentMode;
import dev.arabica.format.model.SubType;
import dev.arabica.format.model.Table;
import dev.arabica.format.model.TableType;
import dev.arabica.format.model.V128;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleEncoderTest {

    private static Expr expr(Instruction... instructions) {
        List<Instruction> list = new java.util.ArrayList<>(List.of(instructions));
        list.add(new Instruction.Plain(Opcode.END));
        return Expr.of(list);
    }

    private static Module roundTrip(Module module) {
        return ModuleDecoder.decode(ModuleEncoder.encode(module));
    }

    @Test
    void roundTripsEveryElementSegmentForm() {
        Expr zero = expr(new Instruction.I32Const(0));
        Expr refFunc = expr(new Instruction.Indexed(Opcode.REF_FUNC, 0));
        Expr refNull = expr(new Instruction.HeapTypeOp(Opcode.REF_NULL, AbsHeapType.FUNC));
        RefType funcIndices = RefType.nonNullable(AbsHeapType.FUNC);
        Module module = Module.builder()
                .addRecGroup(RecGroup.single(SubType.of(new FuncType(List.of(), List.of()))))
                .addFunction(new Function(0, List.of(), expr()))
                .addTable(new Table(new TableType(RefType.FUNCREF, Limits.of(1)), null))
                .addTable(new Table(new TableType(RefType.FUNCREF, Limits.of(1)), null))
                .addElement(new ElementSegment(new SegmentMode.Active(0, zero), funcIndices, List.of(refFunc)))
                .addElement(new ElementSegment(new SegmentMode.Passive(), funcIndices, List.of(refFunc)))
                .addElement(new ElementSegment(new SegmentMode.Active(1, zero), funcIndices, List.of(refFunc)))
                .addElement(new ElementSegment(new SegmentMode.Declarative(), funcIndices, List.of(refFunc)))
                .addElement(new ElementSegment(new SegmentMode.Active(0, zero), RefType.FUNCREF, List.of(refNull)))
                .addElement(new ElementSegment(new SegmentMode.Passive(), RefType.FUNCREF, List.of(refFunc, refNull)))
                .addElement(new ElementSegment(new SegmentMode.Active(1, zero), RefType.FUNCREF, List.of(refNull)))
                .addElement(new ElementSegment(new SegmentMode.Declarative(), RefType.FUNCREF, List.of(refFunc)))
                .build();
        assertThat(roundTrip(module)).isEqualTo(module);
    }

    @Test
    void roundTripsMemoryAccessesVectorsAndData() {
        Module module = Module.builder()
                .addRecGroup(RecGroup.single(SubType.of(new FuncType(List.of(), List.of()))))
                .addMemory(MemoryType.of(Limits.of(1, 2)))
                .addFunction(new Function(0, List.of(), expr(
                        new Instruction.I32Const(8),
                        new Instruction.V128Const(new V128(0x0102030405060708L, -1L)),
                        new Instruction.Memory(Opcode.V128_STORE, new MemArg(0, 4, 0xFFFF_FFFFL)),
                        new Instruction.BrTable(new int[] {0, 0}, 0))))
                .addData(new DataSegment(new SegmentMode.Active(0, expr(new Instruction.I32Const(3))), new byte[] {1, 2, 3}))
                .addData(new DataSegment(new SegmentMode.Passive(), new byte[0]))
                .dataCount(2)
                .build();
        assertThat(roundTrip(module)).isEqualTo(module);
    }

    @Test
    void putsCustomSectionsBackWhereTheyWere() {
        Module module = Module.builder()
                .addCustomSection(new CustomSection("first", new byte[] {1}, 0))
                .addRecGroup(RecGroup.single(SubType.of(new FuncType(List.of(), List.of()))))
                .addCustomSection(new CustomSection("after types", new byte[] {2}, 1))
                .addCustomSection(new CustomSection("after an empty section", new byte[0], 3))
                .build();
        assertThat(roundTrip(module)).isEqualTo(module);
    }
}
