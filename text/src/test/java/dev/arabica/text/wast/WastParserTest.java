package dev.arabica.text.wast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.format.model.AbsHeapType;
import dev.arabica.format.model.NumType;
import java.util.List;
import org.junit.jupiter.api.Test;

class WastParserTest {

    private static List<Command> parse(String source) {
        return WastParser.parse(source, "test.wast").commands();
    }

    @Test
    void readsModulesInTextBinaryAndQuotedForms() {
        List<Command> commands = parse("(module $m (func))\n(module binary \"\\00asm\" \"\\01\\00\\00\\00\")\n"
                + "(module definition $d quote \"(func)\")\n(module instance $i $d)");
        assertThat(commands).hasSize(4);
        Command.ModuleCommand text = (Command.ModuleCommand) commands.get(0);
        assertThat(text.id()).isEqualTo("m");
        assertThat(text.source().toModule().functions()).hasSize(1);
        assertThat(((Command.ModuleCommand) commands.get(1)).source()).isInstanceOf(ModuleSource.Binary.class);
        Command.ModuleCommand definition = (Command.ModuleCommand) commands.get(2);
        assertThat(definition.definition()).isTrue();
        assertThat(definition.source().toModule().functions()).hasSize(1);
        assertThat(commands.get(3)).isEqualTo(new Command.ModuleInstance(4, "i", "d"));
    }

    @Test
    void readsActionsAndResultPatterns() {
        Command.AssertReturn assertion = (Command.AssertReturn) parse(
                "(assert_return (invoke $m \"f\" (i32.const -1) (ref.null extern))"
                        + " (f32.const nan:canonical) (v128.const f64x2 nan:arithmetic 1.0) (ref.extern 3) (ref.func)"
                        + " (either (i64.const 1) (i64.const 2)))").get(0);
        assertThat(assertion.action()).isEqualTo(new Action.Invoke("m", "f",
                List.of(new Value.I32(-1), new Value.RefNull(AbsHeapType.EXTERN))));
        assertThat(assertion.expected()).containsExactly(
                new ResultPattern.NanPattern(NumType.F32, true),
                new ResultPattern.V128Lanes("f64x2", List.of(new ResultPattern.NanPattern(NumType.F64, false),
                        new ResultPattern.Exact(new Value.F64(Double.doubleToRawLongBits(1.0))))),
                new ResultPattern.Exact(new Value.RefExtern(3)),
                new ResultPattern.RefPattern("func", null),
                new ResultPattern.Either(List.of(new ResultPattern.Exact(new Value.I64(1)),
                        new ResultPattern.Exact(new Value.I64(2)))));
    }

    @Test
    void readsAssertionsAboutModules() {
        List<Command> commands = parse("(assert_malformed (module quote \"(func\") \"unexpected end\")\n"
                + "(assert_invalid (module (func (result i32))) \"type mismatch\")\n"
                + "(assert_trap (module (func unreachable) (start 0)) \"unreachable\")\n"
                + "(assert_unlinkable (module (import \"m\" \"f\" (func))) \"unknown import\")\n"
                + "(register \"m\" $a)");
        assertThat(commands.get(0)).isInstanceOf(Command.AssertMalformed.class);
        assertThat(((Command.AssertInvalid) commands.get(1)).message()).isEqualTo("type mismatch");
        assertThat(((Command.AssertTrap) commands.get(2)).module()).isNotNull();
        assertThat(commands.get(3)).isInstanceOf(Command.AssertUnlinkable.class);
        assertThat(commands.get(4)).isEqualTo(new Command.Register(5, "m", "a"));
    }

    @Test
    void treatsBareFieldsAsOneInlineModule() {
        List<Command> commands = parse("(func) (memory 1)");
        assertThat(commands).hasSize(1);
        assertThat(((Command.ModuleCommand) commands.get(0)).source().toModule().memories()).hasSize(1);
    }
}
