package dev.arabica.runtime.compiler;

import dev.arabica.format.model.V128;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Global;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Trap;
import dev.arabica.runtime.TrapKind;
import dev.arabica.runtime.ops.Bulk;
import dev.arabica.runtime.ops.FuelTank;

/**
 * The operations compiled code delegates to the runtime objects: memory size and growth, bulk
 * memory and table operators, v128 globals, indirect call lookup, and recording a frame on a passing trap.
 * Operands come first and the instance last, in the order the JVM stack holds them.
 */
public final class CompiledSupport {

    private CompiledSupport() {
    }

    public static byte[] memory(Instance instance) {
        return instance.defaultMemory().bytes();
    }

    public static int memorySize(Instance instance) {
        return instance.defaultMemory().pages();
    }

    public static int memoryGrow(int delta, Instance instance) {
        return instance.defaultMemory().grow(delta & 0xFFFFFFFFL);
    }

    public static void memoryFill(int destination, int value, int length, byte[] mem) {
        Bulk.fill(mem, destination & 0xFFFFFFFFL, (byte) value, length & 0xFFFFFFFFL);
    }

    public static void memoryCopy(int destination, int source, int length, byte[] mem) {
        Bulk.copy(mem, destination & 0xFFFFFFFFL, source & 0xFFFFFFFFL, length & 0xFFFFFFFFL);
    }

    public static void memoryInit(int destination, int source, int length, byte[] mem, Instance instance, int segment) {
        Bulk.init(mem, destination & 0xFFFFFFFFL, instance.dataAt(segment), source & 0xFFFFFFFFL, length & 0xFFFFFFFFL);
    }

    public static V128 vectorGlobal(Global global) {
        return new V128(global.bits(), global.high());
    }

    public static void setVectorGlobal(Global global, V128 value) {
        global.setBits(value.low());
        global.setHigh(value.high());
    }

    public static void dataDrop(Instance instance, int segment) {
        instance.dropData(segment);
    }

    public static Object tableGet(int index, Instance instance, int table) {
        return instance.tableAt(table).get(index & 0xFFFFFFFFL);
    }

    public static void tableSet(int index, Object value, Instance instance, int table) {
        instance.tableAt(table).set(index & 0xFFFFFFFFL, value);
    }

    public static int tableSize(Instance instance, int table) {
        return instance.tableAt(table).size();
    }

    public static int tableGrow(Object initial, int delta, Instance instance, int table) {
        return instance.tableAt(table).grow(delta & 0xFFFFFFFFL, initial);
    }

    public static void tableFill(int destination, Object value, int length, Instance instance, int table) {
        Bulk.fill(instance.tableAt(table), destination & 0xFFFFFFFFL, value, length & 0xFFFFFFFFL);
    }

    public static void tableCopy(int destination, int source, int length, Instance instance, int to, int from) {
        Bulk.copy(instance.tableAt(to), destination & 0xFFFFFFFFL, instance.tableAt(from), source & 0xFFFFFFFFL,
                length & 0xFFFFFFFFL);
    }

    public static void tableInit(int destination, int source, int length, Instance instance, int segment, int table) {
        Bulk.init(instance.tableAt(table), destination & 0xFFFFFFFFL, instance.elemAt(segment), source & 0xFFFFFFFFL,
                length & 0xFFFFFFFFL);
    }

    public static void elemDrop(Instance instance, int segment) {
        instance.dropElem(segment);
    }

    /** The function {@code call_indirect} calls, after the checks the specification makes. */
    public static Func indirect(int index, Instance instance, int table, int canonicalType) {
        return instance.tableAt(table).indirectTarget(index & 0xFFFFFFFFL, canonicalType);
    }

    /**
     * The index of {@code func} if it is a compiled function of {@code instance}, which compiled
     * code then calls directly; -1 otherwise.
     */
    public static int localIndex(Func func, Instance instance) {
        return func instanceof CompiledFunc compiled && compiled.instance() == instance ? compiled.index() : -1;
    }

    /** Marks a compiled function's fuel local while a callee holds the fuel; see {@link #keepFuel}. */
    public static final long FUEL_HELD_BY_CALLEE = Long.MIN_VALUE;

    /** The fuel check of compiled code; the function's trap handler puts what is left in the tank. */
    public static void checkFuel(long left) {
        if (left < 0) {
            throw new Trap(TrapKind.OUT_OF_FUEL);
        }
    }

    /**
     * On a trap in a compiled function: the fuel in its local goes back to the tank, unless the
     * function was in a call, whose callee kept the tank up to date.
     */
    public static void keepFuel(FuelTank tank, long remaining) {
        if (remaining != FUEL_HELD_BY_CALLEE) {
            tank.set(remaining);
        }
    }

    /** Before a call that leaves compiled code: the callee counts its depth from the machine's. */
    public static void setCallDepth(Instance instance, int depth) {
        instance.machine().setDepth(depth);
    }

    public static Trap callStackExhausted() {
        return new Trap(TrapKind.CALL_STACK_EXHAUSTED);
    }

    /** The interpreter's version of function {@code index}, for a function too large to compile. */
    public static Func interpreted(Instance instance, int index) {
        return instance.interpretedFunc(index);
    }

    /** Adds the frame of compiled function {@code index} to a trap unwinding through it. */
    public static Trap frame(Trap trap, Instance instance, int index) {
        trap.addFrame(new Trap.Frame(index, instance.module().names().functionName(index).orElse(null), -1));
        return trap;
    }
}
