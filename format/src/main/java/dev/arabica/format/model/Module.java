package dev.arabica.format.model;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A WebAssembly module as the specification defines it, independent of how it was written
 * (binary or text). Immutable. Index spaces (functions, tables, memories, globals, tags) start
 * with the imports of that kind, followed by the module's own definitions.
 */
public record Module(
        List<RecGroup> recGroups,
        List<Import> imports,
        List<Function> functions,
        List<Table> tables,
        List<MemoryType> memories,
        List<Tag> tags,
        List<Global> globals,
        List<Export> exports,
        OptionalInt start,
        List<ElementSegment> elements,
        List<DataSegment> data,
        OptionalInt dataCount,
        List<CustomSection> customSections) {

    public Module {
        recGroups = List.copyOf(recGroups);
        imports = List.copyOf(imports);
        functions = List.copyOf(functions);
        tables = List.copyOf(tables);
        memories = List.copyOf(memories);
        tags = List.copyOf(tags);
        globals = List.copyOf(globals);
        exports = List.copyOf(exports);
        elements = List.copyOf(elements);
        data = List.copyOf(data);
        customSections = List.copyOf(customSections);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All defined types in index order, flattening the recursive groups. */
    public List<SubType> types() {
        List<SubType> types = new ArrayList<>();
        for (RecGroup group : recGroups) {
            types.addAll(group.types());
        }
        return types;
    }

    /** The imports of one kind, in order: the first entries of that kind's index space. */
    public List<Import> imports(ExternalKind kind) {
        return imports.stream().filter(i -> i.type().kind() == kind).toList();
    }

    /** The number of imports of one kind. */
    public int importCount(ExternalKind kind) {
        int count = 0;
        for (Import i : imports) {
            if (i.type().kind() == kind) {
                count++;
            }
        }
        return count;
    }

    /** Collects the parts of a module; every list starts empty. */
    public static final class Builder {
        private final List<RecGroup> recGroups = new ArrayList<>();
        private final List<Import> imports = new ArrayList<>();
        private final List<Function> functions = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<MemoryType> memories = new ArrayList<>();
        private final List<Tag> tags = new ArrayList<>();
        private final List<Global> globals = new ArrayList<>();
        private final List<Export> exports = new ArrayList<>();
        private OptionalInt start = OptionalInt.empty();
        private final List<ElementSegment> elements = new ArrayList<>();
        private final List<DataSegment> data = new ArrayList<>();
        private OptionalInt dataCount = OptionalInt.empty();
        private final List<CustomSection> customSections = new ArrayList<>();

        private Builder() {
        }

        public Builder addRecGroup(RecGroup group) {
            recGroups.add(group);
            return this;
        }

        public Builder addImport(Import value) {
            imports.add(value);
            return this;
        }

        public Builder addFunction(Function value) {
            functions.add(value);
            return this;
        }

        public Builder addTable(Table value) {
            tables.add(value);
            return this;
        }

        public Builder addMemory(MemoryType value) {
            memories.add(value);
            return this;
        }

        public Builder addTag(Tag value) {
            tags.add(value);
            return this;
        }

        public Builder addGlobal(Global value) {
            globals.add(value);
            return this;
        }

        public Builder addExport(Export value) {
            exports.add(value);
            return this;
        }

        public Builder start(int funcIndex) {
            start = OptionalInt.of(funcIndex);
            return this;
        }

        public Builder addElement(ElementSegment value) {
            elements.add(value);
            return this;
        }

        public Builder addData(DataSegment value) {
            data.add(value);
            return this;
        }

        public Builder dataCount(int count) {
            dataCount = OptionalInt.of(count);
            return this;
        }

        public Builder addCustomSection(CustomSection value) {
            customSections.add(value);
            return this;
        }

        public Module build() {
            return new Module(recGroups, imports, functions, tables, memories, tags, globals, exports, start,
                    elements, data, dataCount, customSections);
        }
    }
}
