package dev.arabica.runtime.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Methods written through a FrameWriter, with no frames computed by ASM, must pass the JVM's
 * verifier (a wrong frame is a VerifyError when the class is defined and linked) and compute the
 * right thing.
 */
class FrameWriterTest {

    /** Sums 0..n-1 in a loop whose header is reached first by falling into it, then by a back edge. */
    @Test
    void loopHeaderTakesItsBackEdge() throws Exception {
        Method sum = define("(I)I", frames -> {
            Label header = new Label();
            Label done = new Label();
            frames.visitInsn(ICONST_0);
            frames.visitVarInsn(ISTORE, 1);
            frames.visitLabel(header);
            frames.visitVarInsn(ILOAD, 0);
            frames.visitJumpInsn(IFLE, done);
            frames.visitIincInsn(0, -1);
            frames.visitVarInsn(ILOAD, 1);
            frames.visitVarInsn(ILOAD, 0);
            frames.visitInsn(IADD);
            frames.visitVarInsn(ISTORE, 1);
            frames.visitJumpInsn(GOTO, header);
            frames.visitLabel(done);
            frames.visitVarInsn(ILOAD, 1);
            frames.visitInsn(IRETURN);
        });

        assertThat(sum.invoke(null, 5)).isEqualTo(10);
    }

    /**
     * A local first stored as null holds a string later, and a loop header has a string on the
     * stack that the back edge replaces with an Integer: both must be typed Object in the header's frame.
     */
    @Test
    void referencesWidenAtLoopHeaders() throws Exception {
        Method lastOf = define("(I)Ljava/lang/Object;", frames -> {
            Label header = new Label();
            Label done = new Label();
            frames.visitInsn(ACONST_NULL);
            frames.visitVarInsn(ASTORE, 1);
            frames.visitLdcInsn("none");
            frames.visitLabel(header);
            frames.visitVarInsn(ILOAD, 0);
            frames.visitJumpInsn(IFLE, done);
            frames.visitInsn(POP);
            frames.visitIincInsn(0, -1);
            frames.visitLdcInsn("seen");
            frames.visitVarInsn(ASTORE, 1);
            frames.visitVarInsn(ILOAD, 0);
            frames.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
            frames.visitJumpInsn(GOTO, header);
            frames.visitLabel(done);
            frames.visitInsn(ARETURN);
        });

        assertThat(lastOf.invoke(null, 0)).isEqualTo("none");
        assertThat(lastOf.invoke(null, 3)).isEqualTo(0);
    }

    /** Two jumps bring a long and different references to one label, which code also falls into. */
    @Test
    void forwardJumpsMergeWithFallThrough() throws Exception {
        Method choose = define("(I)Ljava/lang/Object;", frames -> {
            Label second = new Label();
            Label join = new Label();
            frames.visitLdcInsn(7L);
            frames.visitVarInsn(ILOAD, 0);
            frames.visitJumpInsn(IFEQ, second);
            frames.visitLdcInsn("first");
            frames.visitJumpInsn(GOTO, join);
            frames.visitLabel(second);
            frames.visitIntInsn(BIPUSH, 9);
            frames.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
            frames.visitLabel(join);
            frames.visitInsn(DUP_X2);
            frames.visitInsn(POP);
            frames.visitInsn(POP2);
            frames.visitInsn(ARETURN);
        });

        assertThat(choose.invoke(null, 1)).isEqualTo("first");
        assertThat(choose.invoke(null, 0)).isEqualTo(9);
    }

    /** A handler placed before its try block sees the locals as they were when the block was declared. */
    @Test
    void handlerBeforeItsTryBlock() throws Exception {
        Method divide = define("(II)I", frames -> {
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            frames.visitIntInsn(BIPUSH, -1);
            frames.visitVarInsn(ISTORE, 2);
            frames.visitTryCatchBlock(start, end, handler, "java/lang/ArithmeticException");
            frames.visitJumpInsn(GOTO, start);
            frames.visitLabel(handler);
            frames.visitInsn(POP);
            frames.visitVarInsn(ILOAD, 2);
            frames.visitInsn(IRETURN);
            frames.visitLabel(start);
            frames.visitVarInsn(ILOAD, 0);
            frames.visitVarInsn(ILOAD, 1);
            frames.visitInsn(IDIV);
            frames.visitVarInsn(ISTORE, 3);
            frames.visitVarInsn(ILOAD, 3);
            frames.visitInsn(IRETURN);
            frames.visitLabel(end);
        });

        assertThat(divide.invoke(null, 12, 4)).isEqualTo(3);
        assertThat(divide.invoke(null, 12, 0)).isEqualTo(-1);
    }

    @Test
    void tellsWhetherALabelIsReachedAndRefusesCodeThatIsNot() {
        FrameWriter frames = new FrameWriter(new ClassWriter(0).visitMethod(ACC_STATIC, "m", "()V", null, null), "()V");
        frames.visitCode();
        Label target = new Label();
        Label unreached = new Label();
        frames.visitJumpInsn(GOTO, target);
        assertThat(frames.reachable()).isFalse();
        frames.visitLabel(unreached);
        assertThat(frames.reachable()).isFalse();
        assertThatThrownBy(() -> frames.visitInsn(NOP)).isInstanceOf(IllegalStateException.class);
        frames.visitLabel(target);
        assertThat(frames.reachable()).isTrue();
    }

    private static Method define(String descriptor, Consumer<MethodVisitor> body) throws Exception {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(V17, ACC_PUBLIC | ACC_SUPER, "dev/arabica/runtime/compiler/FrameWriterTest$Generated", null,
                "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(ACC_PUBLIC | ACC_STATIC, "run", descriptor, null, null);
        FrameWriter frames = new FrameWriter(method, descriptor);
        frames.visitCode();
        body.accept(frames);
        frames.visitMaxs(0, 0);
        frames.visitEnd();
        writer.visitEnd();
        Class<?> generated = MethodHandles.lookup().defineHiddenClass(writer.toByteArray(), true).lookupClass();
        Method run = generated.getDeclaredMethods()[0];
        run.setAccessible(true);
        return run;
    }
}
