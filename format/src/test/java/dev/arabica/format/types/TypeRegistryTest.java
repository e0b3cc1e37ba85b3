package dev.arabica.format.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.format.model.FieldType;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.RecGroup;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.StructType;
import dev.arabica.format.model.SubType;
import dev.arabica.format.model.TypeIndexHeapType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeRegistryTest {

    private static RecGroup func(NumType param) {
        return RecGroup.single(SubType.of(new FuncType(List.of(param), List.of())));
    }

    /** A struct with a field referring to type {@code target}, alone in its group. */
    private static SubType structReferring(int target) {
        return SubType.of(new StructType(List.of(new FieldType(RefType.nullable(new TypeIndexHeapType(target)), false))));
    }

    @Test
    void equalTypesInDifferentModulesShareAnId() {
        TypeRegistry registry = new TypeRegistry();
        int[] first = registry.canonicalize(List.of(func(NumType.I32), func(NumType.I64)));
        int[] second = registry.canonicalize(List.of(func(NumType.I64), func(NumType.I32)));
        assertThat(second[0]).isEqualTo(first[1]);
        assertThat(second[1]).isEqualTo(first[0]);
        assertThat(first[0]).isNotEqualTo(first[1]);
    }

    @Test
    void duplicateTypesInOneModuleShareAnId() {
        int[] ids = new TypeRegistry().canonicalize(List.of(func(NumType.F32), func(NumType.F32)));
        assertThat(ids[0]).isEqualTo(ids[1]);
    }

    @Test
    void referencesOutsideAGroupCompareByCanonicalIdNotByIndex() {
        TypeRegistry registry = new TypeRegistry();
        int[] a = registry.canonicalize(List.of(func(NumType.I32), RecGroup.single(structReferring(0))));
        int[] b = registry.canonicalize(List.of(func(NumType.I64), func(NumType.I32), RecGroup.single(structReferring(1))));
        int[] c = registry.canonicalize(List.of(func(NumType.I64), func(NumType.I32), RecGroup.single(structReferring(0))));
        assertThat(b[2]).isEqualTo(a[1]);
        assertThat(c[2]).isNotEqualTo(a[1]);
    }

    @Test
    void recursiveGroupsCompareInnerReferencesByPosition() {
        TypeRegistry registry = new TypeRegistry();
        RecGroup selfReferring = new RecGroup(List.of(structReferring(0)), true);
        RecGroup shifted = new RecGroup(List.of(structReferring(1)), true);
        int[] a = registry.canonicalize(List.of(selfReferring));
        int[] b = registry.canonicalize(List.of(func(NumType.I32), shifted));
        assertThat(b[1]).isEqualTo(a[0]);
    }

    @Test
    void aTypeInALargerGroupDiffersFromTheSameTypeAlone() {
        TypeRegistry registry = new TypeRegistry();
        SubType type = SubType.of(new FuncType(List.of(), List.of()));
        int[] alone = registry.canonicalize(List.of(RecGroup.single(type)));
        int[] paired = registry.canonicalize(List.of(new RecGroup(List.of(type, type), true)));
        assertThat(paired[0]).isNotEqualTo(alone[0]);
        assertThat(paired[1]).isNotEqualTo(paired[0]);
    }
}
