package dev.arabica.text.wat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arabica.format.model.Module;
import dev.arabica.format.names.NameSection;
import dev.arabica.text.TextParseException;
import dev.arabica.text.Wat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Abbreviations of the text format produce the same module as the forms they abbreviate. */
class WatParserTest {

    /** Compares the modules without their custom sections: names are debugging information, not meaning. */
    private static void sameModule(String abbreviated, String expanded) {
        Module a = Wat.parseModule(abbreviated);
        Module b = Wat.parseModule(expanded);
        assertThat(a).usingRecursiveComparison().ignoringFields("customSections").isEqualTo(b);
    }

    @Test
    void functionIdentifiersBecomeTheNameSection() {
        Module module = Wat.parseModule("(module (import \"m\" \"f\" (func $imported)) (func) (func $third))");
        assertThat(NameSection.of(module).functions()).isEqualTo(Map.of(0, "imported", 2, "third"));
        assertThat(Wat.parseModule("(module (func))").customSections()).isEmpty();
    }

    @Test
    void foldedInstructionsUnfoldInOperandOrder() {
        sameModule("(module (func (result i32) (i32.add (i32.const 1) (i32.const 2))))",
                "(module (func (result i32) i32.const 1 i32.const 2 i32.add))");
    }

    /** A 17th lane literal is an error, but in flat code the next instruction may follow the 16 lanes. */
    @Test
    void aShuffleInFlatCodeIsFollowedByTheNextInstruction() {
        sameModule("(module (func (param v128) (result i32) local.get 0 local.get 0"
                + " i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 i32x4.extract_lane 0))",
                "(module (func (param v128) (result i32) (i32x4.extract_lane 0"
                + " (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (local.get 0) (local.get 0)))))");
        assertThatThrownBy(() -> Wat.parseModule("(module (func (param v128) (result v128) local.get 0 local.get 0"
                + " i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16))"))
                .isInstanceOf(TextParseException.class).hasMessageContaining("invalid lane length");
    }

    @Test
    void foldedIfPutsTheConditionFirst() {
        sameModule("(module (func (param i32) (if (local.get 0) (then nop) (else nop))))",
                "(module (func (param i32) local.get 0 if nop else nop end))");
    }

    @Test
    void inlineExportsAndImportsBecomeFields() {
        sameModule("(module (global (import \"m\" \"g\") i32) (func $f (export \"a\") (export \"b\")))",
                "(module (import \"m\" \"g\" (global i32)) (func $f) (export \"a\" (func $f)) (export \"b\" (func $f)))");
    }

    @Test
    void inlineSignaturesReuseAMatchingTypeOrAppendOne() {
        sameModule("(module (type (func (param i32))) (func (param i32)) (func (result i64)))",
                "(module (type (func (param i32))) (type (func (result i64))) (func (type 0)) (func (type 1)))");
    }

    @Test
    void inlineExportsCountImportedFunctionsInTheIndexSpace() {
        sameModule("(module (import \"m\" \"f\" (func)) (func (export \"g\")))",
                "(module (import \"m\" \"f\" (func)) (func) (export \"g\" (func 1)))");
    }

    @Test
    void lineCommentsEndAtACarriageReturn() {
        sameModule("(module (func (result i32) ;; comment\r i32.const 2))", "(module (func (result i32) i32.const 2))");
    }

    @Test
    void tableWithInlineElementsDeclaresItsSizeAndASegment() {
        sameModule("(module (func $f) (table funcref (elem $f $f)))",
                "(module (func $f) (table 2 2 funcref) (elem (i32.const 0) func $f $f))");
    }

    @Test
    void memoryWithInlineDataDeclaresItsSizeAndASegment() {
        sameModule("(module (memory (data \"ab\" \"c\")))",
                "(module (memory 1 1) (data (i32.const 0) \"abc\"))");
    }

    @Test
    void namesResolveInEveryIndexSpace() {
        sameModule("(module (global $g (mut i32) (i32.const 0)) (func $f (param $p i32) (local $l i32)"
                        + " (block $b (br $b)) (global.set $g (local.get $l)) (call $f (local.get $p))))",
                "(module (global (mut i32) (i32.const 0)) (func (param i32) (local i32)"
                        + " (block (br 0)) (global.set 0 (local.get 1)) (call 0 (local.get 0))))");
    }

    @Test
    void reportsUnknownNamesWithTheirPosition() {
        assertThatThrownBy(() -> Wat.parseModule("(module\n (func (call $nowhere)))"))
                .isInstanceOf(TextParseException.class)
                .hasMessageContaining("2:").hasMessageContaining("unknown function $nowhere");
    }

    @Test
    void rejectsImportsAfterDefinitions() {
        assertThatThrownBy(() -> Wat.parseModule("(module (func) (import \"m\" \"f\" (func)))"))
                .hasMessageContaining("import after function");
    }

    @Test
    void rejectsMismatchedLabelsAndUnknownOperators() {
        assertThatThrownBy(() -> Wat.parseModule("(module (func block $a end $b))")).hasMessageContaining("mismatching label");
        assertThatThrownBy(() -> Wat.parseModule("(module (func i32.bogus))")).hasMessageContaining("unknown operator");
    }
}
