package dev.arabica.runtime;

class InterpreterEmbeddingTest extends EmbeddingTest {

    @Override
    ExecutionMode mode() {
        return ExecutionMode.INTERPRETER;
    }
}
