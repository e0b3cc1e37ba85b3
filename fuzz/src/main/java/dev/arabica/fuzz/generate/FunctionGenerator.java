package dev.arabica.fuzz.generate;

import dev.arabica.format.model.Expr;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Function;

/** Writes one function: its extra locals, the fuel charge at entry, and a body of statements. */
final class FunctionGenerator {

    private FunctionGenerator() {
    }

    static Function generate(Rng rng, ModuleEnvironment module, GeneratorOptions options, int index) {
        int typeIndex = module.functionTypes().get(index);
        FuncType type = module.types().get(typeIndex);
        FunctionContext f = new FunctionContext(rng, module, options, type, index,
                rng.between(10, options.maxBodyInstructions()));
        int locals = rng.between(0, 6);
        for (int i = 0; i < locals; i++) {
            f.declareLocal(f.randomValueType());
        }
        ValueGenerator values = new ValueGenerator(f);
        MemoryAccesses memory = new MemoryAccesses(f, values);
        TableAccesses tables = new TableAccesses(f, values);
        StatementGenerator statements = new StatementGenerator(f, values, memory, tables);
        values.connect(memory, tables, statements);

        Fuel.charge(f.code, module.fuelGlobal());
        statements.statements(Integer.MAX_VALUE);
        statements.settle(type.results());
        Expr body = f.code.finish();
        return new Function(typeIndex, f.declaredLocals(), body);
    }
}
