package dev.arabica.format.validation;

import dev.arabica.format.binary.InstructionReader;
import dev.arabica.format.model.ImmediateKind;
import dev.arabica.format.model.MemoryType;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.TableType;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;

/** Typing of the table, memory, segment and memory-access instructions. */
final class TableAndMemoryOps {

    private TableAndMemoryOps() {
    }

    /** Type-checks the instruction {@code reader} is at if it is one of these; says whether it was. */
    static boolean validate(FunctionValidator v, ModuleContext context, Opcode op, InstructionReader reader) {
        switch (op) {
            case TABLE_GET -> {
                TableType table = v.table(reader.index());
                v.popType(address(table));
                v.pushType(table.elementType());
            }
            case TABLE_SET -> {
                TableType table = v.table(reader.index());
                v.popType(table.elementType());
                v.popType(address(table));
            }
            case TABLE_SIZE -> v.pushType(address(v.table(reader.index())));
            case TABLE_GROW -> {
                TableType table = v.table(reader.index());
                v.popType(address(table));
                v.popType(table.elementType());
                v.pushType(address(table));
            }
            case TABLE_FILL -> {
                TableType table = v.table(reader.index());
                v.popType(address(table));
                v.popType(table.elementType());
                v.popType(address(table));
            }
            case TABLE_COPY -> {
                TableType destination = v.table(reader.index());
                TableType source = v.table(reader.second());
                if (!context.types.isSubtype(source.elementType(), destination.elementType())) {
                    throw v.fail("type mismatch: table.copy from " + source.elementType() + " to " + destination.elementType());
                }
                v.popType(narrowest(address(destination), address(source)));
                v.popType(address(source));
                v.popType(address(destination));
            }
            case TABLE_INIT -> {
                TableType table = v.table(reader.second());
                RefType element = elem(v, context, reader.index());
                if (!context.types.isSubtype(element, table.elementType())) {
                    throw v.fail("type mismatch: table.init of " + element + " into a table of " + table.elementType());
                }
                v.popType(NumType.I32);
                v.popType(NumType.I32);
                v.popType(address(table));
            }
            case ELEM_DROP -> elem(v, context, reader.index());
            case MEMORY_SIZE -> v.pushType(address(v.memory(reader.index())));
            case MEMORY_GROW -> {
                ValType address = address(v.memory(reader.index()));
                v.popType(address);
                v.pushType(address);
            }
            case MEMORY_FILL -> {
                ValType address = address(v.memory(reader.index()));
                v.popType(address);
                v.popType(NumType.I32);
                v.popType(address);
            }
            case MEMORY_COPY -> {
                ValType destination = address(v.memory(reader.index()));
                ValType source = address(v.memory(reader.second()));
                v.popType(narrowest(destination, source));
                v.popType(source);
                v.popType(destination);
            }
            case MEMORY_INIT -> {
                ValType address = address(v.memory(reader.second()));
                data(v, context, reader.index());
                v.popType(NumType.I32);
                v.popType(NumType.I32);
                v.popType(address);
            }
            case DATA_DROP -> data(v, context, reader.index());
            default -> {
                if (op.immediate() == ImmediateKind.MEMARG) {
                    memoryAccess(v, op, v.memArg(op, reader));
                    return true;
                }
                if (op.immediate() == ImmediateKind.MEMARG_LANE) {
                    ValType address = v.memArg(op, reader);
                    v.checkLane(reader.index(), 16 >> op.naturalAlignmentLog2());
                    v.popType(VecType.V128);
                    v.popType(address);
                    if (!op.isStore()) {
                        v.pushType(VecType.V128);
                    }
                    return true;
                }
                return false;
            }
        }
        return true;
    }

    /** Loads push their value type; stores pop it. */
    private static void memoryAccess(FunctionValidator v, Opcode op, ValType address) {
        ValType value = op.accessedType();
        if (op.isStore()) {
            v.popType(value);
            v.popType(address);
        } else {
            v.popType(address);
            v.pushType(value);
        }
    }

    private static ValType address(TableType table) {
        return table.limits().addressType().valType();
    }

    private static ValType address(MemoryType memory) {
        return memory.limits().addressType().valType();
    }

    /** A length operand spanning two memories or tables is i64 only if both are 64-bit. */
    private static ValType narrowest(ValType a, ValType b) {
        return a == NumType.I64 && b == NumType.I64 ? NumType.I64 : NumType.I32;
    }

    private static RefType elem(FunctionValidator v, ModuleContext context, int index) {
        if (index < 0 || index >= context.elems.size()) {
            throw v.fail("unknown elem segment " + Integer.toUnsignedString(index));
        }
        return context.elems.get(index);
    }

    private static void data(FunctionValidator v, ModuleContext context, int index) {
        if (index < 0 || index >= context.dataCount()) {
            throw v.fail("unknown data segment " + Integer.toUnsignedString(index));
        }
    }
}
