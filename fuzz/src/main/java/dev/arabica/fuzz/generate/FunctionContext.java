package dev.arabica.fuzz.generate;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Locals;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The state shared by the generators of one function body: its locals, its code and its budget. */
final class FunctionContext {

    final Rng rng;
    final ModuleEnvironment module;
    final Operators operators;
    final GeneratorOptions options;
    final FuncType type;
    /** This function's index in the function index space. */
    final int index;
    final CodeWriter code;
    private final List<ValType> locals;
    private final int paramCount;
    /** Loop counters, which generated code reads but never writes except to count. */
    private final Set<Integer> counters = new HashSet<>();
    /** One scratch local per type, for NaN canonicalization. */
    private final Map<ValType, Integer> scratch = new HashMap<>();
    private final int instructionBudget;
    private int canonicalizationSize;
    private final double riskiness;

    FunctionContext(Rng rng, ModuleEnvironment module, GeneratorOptions options, FuncType type, int index,
            int instructionBudget) {
        this.rng = rng;
        this.module = module;
        this.operators = Operators.of(module.simd());
        this.options = options;
        this.type = type;
        this.code = new CodeWriter(type.results());
        this.locals = new ArrayList<>(type.params());
        this.paramCount = type.params().size();
        this.index = index;
        this.instructionBudget = instructionBudget;
        this.riskiness = rng.pick(List.of(0.005, 0.03, 0.15));
    }

    /**
     * Whether to take a choice that may trap (an address past the end, an index out of range, a
     * callee of the wrong type) rather than one that cannot. Each function has its own odds, so
     * that some functions mostly run to their end and others mostly trap.
     */
    boolean risky() {
        return rng.chance(riskiness);
    }

    /**
     * True when the body is long enough: generators then prefer the shortest code that stays valid.
     * Canonicalization does not count, so that it does not change what else is generated.
     */
    boolean overBudget() {
        return code.size() - canonicalizationSize >= instructionBudget;
    }

    ValType randomValueType() {
        return ValueTypes.random(rng, module.simd());
    }

    void declareLocal(ValType type) {
        locals.add(type);
    }

    /** A fresh i32 local reserved as a loop counter. */
    int newCounter() {
        locals.add(ValType.I32);
        counters.add(locals.size() - 1);
        return locals.size() - 1;
    }

    /** A local of {@code type} that code uses only right after setting it. */
    int scratch(ValType type) {
        return scratch.computeIfAbsent(type, t -> {
            locals.add(t);
            return locals.size() - 1;
        });
    }

    /** Emits a plain operator (see {@link Operators}), and the canonicalization of its NaNs if the module wants it. */
    void emitOperator(Opcode op) {
        FuncType signature = operators.signature(op);
        code.emit(op, signature.params(), signature.results());
        if (module.canonicalNans()) {
            int before = code.size();
            NanCanonicalization.after(this, op);
            canonicalizationSize += code.size() - before;
        }
    }

    /**
     * The locals of {@code type}; with {@code writable}, without the loop counters. Never the
     * scratch locals: the choices among locals must not depend on whether the module canonicalizes
     * NaNs (see {@link NanCanonicalization}).
     */
    List<Integer> localsOfType(ValType type, boolean writable) {
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < locals.size(); i++) {
            if (locals.get(i).equals(type) && !(writable && counters.contains(i)) && !scratch.containsValue(i)) {
                matching.add(i);
            }
        }
        return matching;
    }

    /** The declared (non-parameter) locals, with runs of one type merged as the code section writes them. */
    List<Locals> declaredLocals() {
        List<Locals> runs = new ArrayList<>();
        for (int i = paramCount; i < locals.size(); i++) {
            ValType local = locals.get(i);
            int last = runs.size() - 1;
            if (last >= 0 && runs.get(last).type().equals(local)) {
                runs.set(last, new Locals(runs.get(last).count() + 1, local));
            } else {
                runs.add(new Locals(1, local));
            }
        }
        return runs;
    }
}
