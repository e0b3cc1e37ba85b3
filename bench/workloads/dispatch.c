/* A br_table dispatch loop: a small stack-machine interpreter running a counting program. */
#include "workload.h"

enum { PUSH, ADD, SUB, MUL, DUP, SWAP, JNZ, DROP, XOR, SHR, HALT };

static int32_t program[] = {
    PUSH, 0,         /* accumulator */
    PUSH, 0,         /* counter: run sets the operand at COUNTER */
    /* loop: acc counter */
    SWAP, PUSH, 3, MUL, PUSH, 7, ADD, DUP, PUSH, 11, SHR, XOR, SWAP,
    PUSH, 1, SUB, DUP, JNZ, 4,
    DROP, HALT};

#define COUNTER 3
static int32_t stack[64];

EXPORT int64_t run(int32_t scale) {
    program[COUNTER] = scale * 1000000;
    int32_t sp = 0, pc = 0;
    int64_t steps = 0;
    for (;;) {
        steps++;
        switch (program[pc++]) {
        case PUSH: stack[sp++] = program[pc++]; break;
        case ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case SWAP: { int32_t t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; break; }
        case JNZ: { int32_t target = program[pc++]; if (stack[--sp]) pc = target; break; }
        case DROP: sp--; break;
        case XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
        case SHR: sp--; stack[sp - 1] = (int32_t) ((uint32_t) stack[sp - 1] >> stack[sp]); break;
        case HALT: return stack[sp - 1] + steps;
        default: return -1;
        }
    }
}
