package dev.arabica.format.model;

/** What an import expects: the description of one importable entity. */
public sealed interface ExternType {

    ExternalKind kind();

    /** A function of the given type; {@code exact} (custom descriptors) forbids subtypes. */
    record Func(int typeIndex, boolean exact) implements ExternType {
        public Func(int typeIndex) {
            this(typeIndex, false);
        }

        @Override
        public ExternalKind kind() {
            return ExternalKind.FUNC;
        }
    }

    record Table(TableType type) implements ExternType {
        @Override
        public ExternalKind kind() {
            return ExternalKind.TABLE;
        }
    }

    record Memory(MemoryType type) implements ExternType {
        @Override
        public ExternalKind kind() {
            return ExternalKind.MEMORY;
        }
    }

    record Global(GlobalType type) implements ExternType {
        @Override
        public ExternalKind kind() {
            return ExternalKind.GLOBAL;
        }
    }

    /** An exception tag whose parameters are those of the function type at {@code typeIndex}. */
    record Tag(int typeIndex) implements ExternType {
        @Override
        public ExternalKind kind() {
            return ExternalKind.TAG;
        }
    }
}
