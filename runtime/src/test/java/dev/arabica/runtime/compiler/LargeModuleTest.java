package dev.arabica.runtime.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.runtime.Engine;
import dev.arabica.runtime.ExecutionMode;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.Value;
import dev.arabica.text.Wat;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Modules at the sizes where class-file and method limits bite: no valid module is rejected. */
class LargeModuleTest {

    private static Instance instantiate(String wat, ExecutionMode mode) {
        Engine engine = Engine.builder().mode(mode).build();
        Store store = new Store(engine);
        return new Linker(engine).instantiate(store, engine.compile(Wat.parseModule(wat)));
    }

    private static int call(Instance instance, String name, Value... args) {
        return instance.func(name).call(instance.store(), args)[0].asInt();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aFunctionOf200000Instructions(ExecutionMode mode) {
        StringBuilder wat = new StringBuilder("(module (func (export \"count\") (result i32) (local i32)\n");
        for (int i = 0; i < 50_000; i++) {
            wat.append("local.get 0 i32.const 1 i32.add local.set 0\n");
        }
        wat.append("local.get 0))");
        assertThat(call(instantiate(wat.toString(), mode), "count")).isEqualTo(50_000);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aModuleOf100000Functions(ExecutionMode mode) {
        StringBuilder wat = new StringBuilder("(module (table 100000 funcref)\n");
        for (int i = 0; i < 100_000; i++) {
            wat.append("(func $f").append(i).append(" (result i32) i32.const ").append(i).append(")\n");
        }
        wat.append("(elem (i32.const 0) func");
        for (int i = 0; i < 100_000; i++) {
            wat.append(" $f").append(i);
        }
        wat.append(")\n(type $t (func (result i32)))\n");
        wat.append("(func (export \"pick\") (param i32) (result i32) local.get 0 call_indirect (type $t))\n");
        wat.append("(func (export \"last\") (result i32) call $f99999)\n");
        wat.append("(export \"first\" (func $f0)))");
        Instance instance = instantiate(wat.toString(), mode);
        assertThat(call(instance, "first")).isZero();
        assertThat(call(instance, "last")).isEqualTo(99_999);
        for (int i = 0; i < 100_000; i += 9_973) {
            assertThat(call(instance, "pick", Value.i32(i))).isEqualTo(i);
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aBrTableOf50000Targets(ExecutionMode mode) {
        int targets = 50_000;
        StringBuilder wat = new StringBuilder("(module (func (export \"dispatch\") (param i32) (result i32)\n");
        wat.append("block\n".repeat(targets + 1));
        wat.append("local.get 0 br_table");
        for (int i = 0; i <= targets; i++) {
            wat.append(' ').append(i);
        }
        wat.append('\n');
        for (int i = 0; i <= targets; i++) {
            wat.append("end i32.const ").append(i * 3).append(" return\n");
        }
        wat.append("))");
        Instance instance = instantiate(wat.toString(), mode);
        assertThat(call(instance, "dispatch", Value.i32(0))).isZero();
        assertThat(call(instance, "dispatch", Value.i32(12_345))).isEqualTo(12_345 * 3);
        assertThat(call(instance, "dispatch", Value.i32(49_999))).isEqualTo(49_999 * 3);
        assertThat(call(instance, "dispatch", Value.i32(-1))).isEqualTo(targets * 3);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void blocksNested100000Deep(ExecutionMode mode) {
        int depth = 100_000;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        for (int i = 0; i < depth; i++) {
            body.write(0x02);
            body.write(0x40);
        }
        for (int i = 0; i < depth; i++) {
            body.write(0x0B);
        }
        body.write(0x41);
        body.write(7);
        body.write(0x0B);
        ByteArrayOutputStream module = new ByteArrayOutputStream();
        module.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        section(module, 1, new byte[] {1, 0x60, 0, 1, 0x7F});
        section(module, 3, new byte[] {1, 0});
        section(module, 7, new byte[] {1, 1, 'f', 0, 0});
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.write(1);
        leb(code, body.size());
        code.writeBytes(body.toByteArray());
        section(module, 10, code.toByteArray());
        Engine engine = Engine.builder().mode(mode).build();
        Store store = new Store(engine);
        Instance instance = new Linker(engine).instantiate(store, engine.compile(module.toByteArray()));
        assertThat(call(instance, "f")).isEqualTo(7);
    }

    private static void section(ByteArrayOutputStream module, int id, byte[] contents) {
        module.write(id);
        leb(module, contents.length);
        module.writeBytes(contents);
    }

    private static void leb(ByteArrayOutputStream out, int value) {
        do {
            int bits = value & 0x7F;
            value >>>= 7;
            out.write(value != 0 ? bits | 0x80 : bits);
        } while (value != 0);
    }
}
