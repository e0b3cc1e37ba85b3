package dev.arabica.runtime;

class CompilerEmbeddingTest extends EmbeddingTest {

    @Override
    ExecutionMode mode() {
        return ExecutionMode.COMPILER;
    }
}
