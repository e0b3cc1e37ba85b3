package dev.arabica.fuzz;

import dev.arabica.format.model.ExternalKind;
import dev.arabica.format.model.Export;
import dev.arabica.format.model.ExternType;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.ValType;
import dev.arabica.fuzz.generate.InterestingValues;
import dev.arabica.fuzz.generate.Rng;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls the harness makes into a module, the same for both engines: every exported function
 * in export order, one to three times, with interesting arguments derived from the seed.
 */
record CallPlan(List<PlannedCall> calls) {

    /** A function argument, by index, to be resolved in whichever instance the call runs in. */
    record FunctionArgument(int index) {
    }

    record PlannedCall(String export, List<Value> args) {

        /** The arguments for {@code instance}, with function arguments resolved to its functions. */
        Value[] argsFor(Instance instance) {
            Value[] resolved = new Value[args.size()];
            for (int i = 0; i < resolved.length; i++) {
                Value arg = args.get(i);
                resolved[i] = arg.ref() instanceof FunctionArgument function
                        ? Value.funcref(instance.funcAt(function.index()))
                        : arg;
            }
            return resolved;
        }
    }

    static CallPlan of(Module module, long seed) {
        Rng rng = new Rng(seed ^ 0x5DEE_CE66_DL);
        int functionCount = module.importCount(ExternalKind.FUNC) + module.functions().size();
        List<PlannedCall> calls = new ArrayList<>();
        for (Export export : module.exports()) {
            if (export.kind() != ExternalKind.FUNC) {
                continue;
            }
            FuncType type = functionType(module, export.index());
            int times = rng.between(1, 3);
            for (int i = 0; i < times; i++) {
                List<Value> args = new ArrayList<>();
                for (ValType param : type.params()) {
                    args.add(argument(rng, param, functionCount));
                }
                calls.add(new PlannedCall(export.name(), args));
            }
        }
        return new CallPlan(calls);
    }

    private static FuncType functionType(Module module, int function) {
        int imported = module.importCount(ExternalKind.FUNC);
        int typeIndex = function < imported
                ? ((ExternType.Func) module.imports(ExternalKind.FUNC).get(function).type()).typeIndex()
                : module.functions().get(function - imported).typeIndex();
        return (FuncType) module.types().get(typeIndex).compType();
    }

    private static Value argument(Rng rng, ValType type, int functionCount) {
        if (type.equals(ValType.I32)) {
            return Value.i32(InterestingValues.i32(rng));
        } else if (type.equals(ValType.I64)) {
            return Value.i64(InterestingValues.i64(rng));
        } else if (type.equals(ValType.F32)) {
            return Value.f32Bits(InterestingValues.f32Bits(rng));
        } else if (type.equals(ValType.F64)) {
            return Value.f64Bits(InterestingValues.f64Bits(rng));
        } else if (type.equals(ValType.V128)) {
            return Value.v128(InterestingValues.v128(rng));
        } else if (type.equals(ValType.EXTERNREF)) {
            return Value.externref(rng.chance(0.7) ? new HostRef(rng.below(100)) : null);
        }
        return Value.ref(ValType.FUNCREF, rng.chance(0.6) ? new FunctionArgument(rng.below(functionCount)) : null);
    }
}
