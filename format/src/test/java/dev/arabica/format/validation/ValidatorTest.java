package dev.arabica.format.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arabica.format.InvalidModuleException;
import dev.arabica.format.model.AbsHeapType;
import dev.arabica.format.model.BlockType;
import dev.arabica.format.model.Export;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.ExternalKind;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Function;
import dev.arabica.format.model.Global;
import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Limits;
import dev.arabica.format.model.Locals;
import dev.arabica.format.model.MemArg;
import dev.arabica.format.model.MemoryType;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.RecGroup;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.SubType;
import dev.arabica.format.model.ValType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    private static Instruction op(Opcode opcode) {
        return new Instruction.Plain(opcode);
    }

    private static Instruction i32(int value) {
        return new Instruction.I32Const(value);
    }

    private static Expr expr(Instruction... instructions) {
        List<Instruction> list = new ArrayList<>(List.of(instructions));
        list.add(op(Opcode.END));
        return Expr.of(list);
    }

    private static Module.Builder withFunction(List<ValType> params, List<ValType> results, Instruction... body) {
        return Module.builder()
                .addRecGroup(RecGroup.single(SubType.of(new FuncType(params, results))))
                .addFunction(new Function(0, List.of(), expr(body)));
    }

    private static InvalidModuleException invalid(Module module) {
        try {
            Validator.validate(module);
        } catch (InvalidModuleException e) {
            return e;
        }
        throw new AssertionError("the module was accepted");
    }

    @Test
    void acceptsAWellTypedFunctionAndReportsItsStackHeight() {
        Module module = withFunction(List.of(), List.of(NumType.I32), i32(1), i32(2), op(Opcode.I32_ADD)).build();
        assertThat(Validator.validate(module).maxStackHeight(0)).isEqualTo(2);
    }

    @Test
    void namesTheFunctionAndInstructionOfATypeMismatch() {
        InvalidModuleException e = invalid(withFunction(List.of(), List.of(NumType.I32),
                i32(1), new Instruction.I64Const(2), op(Opcode.I32_ADD)).build());
        assertThat(e.reason()).contains("type mismatch").contains("i32.add").contains("at instruction 2");
        assertThat(e.functionIndex()).isZero();
    }

    @Test
    void typesUnreachableCodeWithThePolymorphicStack() {
        Validator.validate(withFunction(List.of(), List.of(NumType.I32), op(Opcode.UNREACHABLE), op(Opcode.I32_ADD)).build());
    }

    @Test
    void rejectsValuesLeftAtTheEndOfABlock() {
        assertThat(invalid(withFunction(List.of(), List.of(), i32(1)).build()).reason()).contains("type mismatch");
    }

    @Test
    void checksBranchTargetsAndTheirTypes() {
        assertThat(invalid(withFunction(List.of(), List.of(), new Instruction.Indexed(Opcode.BR, 1)).build()).reason())
                .contains("unknown label");
        Validator.validate(withFunction(List.of(), List.of(NumType.I32),
                new Instruction.Block(Opcode.BLOCK, new BlockType.Value(NumType.I32)),
                i32(7), new Instruction.Indexed(Opcode.BR, 0), op(Opcode.END)).build());
    }

    @Test
    void rejectsUnknownLocalsWithoutExpandingDeclarations() {
        Module module = Module.builder()
                .addRecGroup(RecGroup.single(SubType.of(new FuncType(List.of(), List.of(NumType.I64)))))
                .addFunction(new Function(0, List.of(new Locals(4_000_000_000L, NumType.I64)),
                        expr(new Instruction.Indexed(Opcode.LOCAL_GET, (int) 3_999_999_999L))))
                .build();
        assertThat(Validator.validate(module).localCount(0)).isEqualTo(4_000_000_000L);
        Module unknown = Module.builder()
                .addRecGroup(RecGroup.single(SubType.of(new FuncType(List.of(), List.of(NumType.I64)))))
                .addFunction(new Function(0, List.of(new Locals(2, NumType.I64)), expr(new Instruction.Indexed(Opcode.LOCAL_GET, 2))))
                .build();
        assertThat(invalid(unknown).reason()).contains("unknown local 2");
    }

    /** The validator lists up to 4,096 locals and walks the declarations beyond; both must agree. */
    @Test
    void typesLocalsAlikeOnBothSidesOfTheListingLimit() {
        for (int declared : new int[] {4_094, 4_095, 4_096, 10_000}) {
            int count = 1 + 1 + declared;
            Module lastIsF64 = withLocals(declared, new Instruction.Indexed(Opcode.LOCAL_GET, count - 1));
            assertThat(Validator.validate(lastIsF64).localCount(0)).isEqualTo(1 + declared);
            assertThat(invalid(withLocals(declared, new Instruction.Indexed(Opcode.LOCAL_GET, 0))).reason())
                    .as("local 0 is the i32 parameter, with %d locals", count).contains("type mismatch");
            assertThat(invalid(withLocals(declared, new Instruction.Indexed(Opcode.LOCAL_GET, 1))).reason())
                    .as("local 1 is the first i64 local, with %d locals", count).contains("type mismatch");
            assertThat(invalid(withLocals(declared, new Instruction.Indexed(Opcode.LOCAL_GET, count))).reason())
                    .contains("unknown local " + count);
            assertThat(invalid(withLocals(declared, new Instruction.Indexed(Opcode.LOCAL_GET, -1))).reason())
                    .contains("unknown local 4294967295");
        }
    }

    /** A function (i32) -> f64 with one i64 local, then {@code f64Locals} f64 locals, returning {@code get}. */
    private static Module withLocals(int f64Locals, Instruction get) {
        return Module.builder()
                .addRecGroup(RecGroup.single(SubType.of(new FuncType(List.of(NumType.I32), List.of(NumType.F64)))))
                .addFunction(new Function(0, List.of(new Locals(1, NumType.I64), new Locals(f64Locals, NumType.F64)),
                        expr(get)))
                .build();
    }

    @Test
    void rejectsWritingAnImmutableGlobal() {
        Module module = withFunction(List.of(), List.of(), i32(1), new Instruction.Indexed(Opcode.GLOBAL_SET, 0))
                .addGlobal(new Global(GlobalType.of(NumType.I32, false), expr(i32(0))))
                .build();
        assertThat(invalid(module).reason()).contains("global is immutable");
    }

    @Test
    void rejectsAlignmentLargerThanNatural() {
        Module module = withFunction(List.of(), List.of(NumType.I32),
                i32(0), new Instruction.Memory(Opcode.I32_LOAD, new MemArg(0, 3, 0)))
                .addMemory(MemoryType.of(Limits.of(1))).build();
        assertThat(invalid(module).reason()).contains("alignment must not be larger than natural");
    }

    @Test
    void rejectsMemoryAccessWithoutAMemory() {
        Module module = withFunction(List.of(), List.of(NumType.I32),
                i32(0), new Instruction.Memory(Opcode.I32_LOAD, new MemArg(0, 2, 0))).build();
        assertThat(invalid(module).reason()).contains("unknown memory 0");
    }

    @Test
    void rejectsNonConstantInitializers() {
        Module module = Module.builder()
                .addGlobal(new Global(GlobalType.of(NumType.I32, false), expr(i32(1), i32(2), op(Opcode.I32_ADD))))
                .build();
        assertThat(invalid(module).reason()).contains("constant expression required");
    }

    @Test
    void rejectsDuplicateExportNames() {
        Module module = withFunction(List.of(), List.of())
                .addExport(new Export("f", ExternalKind.FUNC, 0))
                .addExport(new Export("f", ExternalKind.FUNC, 0))
                .build();
        assertThat(invalid(module).reason()).contains("duplicate export name");
    }

    @Test
    void requiresStartFunctionsWithoutParametersOrResults() {
        Module module = withFunction(List.of(NumType.I32), List.of()).start(0).build();
        assertThat(invalid(module).reason()).contains("start function");
    }

    @Test
    void rejectsReferencesToUndeclaredFunctions() {
        Module module = withFunction(List.of(), List.of(RefType.FUNCREF), new Instruction.Indexed(Opcode.REF_FUNC, 0)).build();
        assertThat(invalid(module).reason()).contains("undeclared function reference");
        Validator.validate(withFunction(List.of(), List.of(RefType.FUNCREF), new Instruction.Indexed(Opcode.REF_FUNC, 0))
                .addExport(new Export("f", ExternalKind.FUNC, 0)).build());
    }

    @Test
    void rejectsMemoriesLargerThanFourGibibytes() {
        assertThat(invalid(Module.builder().addMemory(MemoryType.of(Limits.of(65537))).build()).reason())
                .contains("memory size must be at most 65536 pages");
        assertThat(invalid(Module.builder().addMemory(MemoryType.of(Limits.of(2, 1))).build()).reason())
                .contains("size minimum must not be greater than maximum");
    }

    @Test
    void rejectsLaterProposalsAsNotSupportedYet() {
        assertThat(invalid(Module.builder().addMemory(MemoryType.of(Limits.of(1))).addMemory(MemoryType.of(Limits.of(1)))
                .build()).reason()).contains("multiple memories").contains("not supported yet");
        assertThat(invalid(withFunction(List.of(), List.of(), new Instruction.Indexed(Opcode.RETURN_CALL, 0)).build())
                .reason()).contains("not supported yet: tail calls");
        assertThat(invalid(withFunction(List.of(RefType.nonNullable(AbsHeapType.FUNC)), List.of()).build()).reason())
                .contains("not supported yet: typed function references");
        assertThat(invalid(withFunction(List.of(RefType.nullable(AbsHeapType.ANY)), List.of()).build()).reason())
                .contains("not supported yet: garbage collection");
    }

    @Test
    void untypedSelectRejectsReferences() {
        Module module = withFunction(List.of(), List.of(),
                new Instruction.HeapTypeOp(Opcode.REF_NULL, AbsHeapType.FUNC),
                new Instruction.HeapTypeOp(Opcode.REF_NULL, AbsHeapType.FUNC), i32(1), op(Opcode.SELECT), op(Opcode.DROP))
                .build();
        assertThat(invalid(module).reason()).contains("type mismatch");
    }

    @Test
    void checksVectorLaneIndices() {
        Module module = withFunction(List.of(), List.of(NumType.I32),
                new Instruction.V128Const(dev.arabica.format.model.V128.ZERO),
                new Instruction.Indexed(Opcode.I32X4_EXTRACT_LANE, 4)).build();
        assertThat(invalid(module).reason()).contains("invalid lane index");
    }
}
