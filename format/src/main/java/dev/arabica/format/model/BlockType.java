package dev.arabica.format.model;

/** The type of a block, loop, if or try: empty, a single result, or a function type index. */
public sealed interface BlockType {

    BlockType EMPTY = new Empty();

    record Empty() implements BlockType {
    }

    record Value(ValType type) implements BlockType {
    }

    record TypeIndex(int index) implements BlockType {
    }
}
