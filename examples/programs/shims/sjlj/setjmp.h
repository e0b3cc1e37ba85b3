/* setjmp/longjmp for wasm32-wasi without the exception-handling proposal.
 *
 * wasi-libc (2022) has no <setjmp.h>. This header and asyncify-sjlj.c implement
 * setjmp/longjmp with Binaryen's Asyncify transformation: the program must be
 * post-processed with `wasm-opt --asyncify`, and its `main` must be renamed to
 * `__sjlj_main` (e.g. -Dmain=__sjlj_main), because the real `main` (in
 * asyncify-sjlj.c) drives the unwind/rewind loop. See asyncify-sjlj.c. */
#ifndef ARABICA_ASYNCIFY_SETJMP_H
#define ARABICA_ASYNCIFY_SETJMP_H

#ifdef __cplusplus
extern "C" {
#endif

struct __sjlj_saved;

typedef struct __sjlj_env {
  void *sp;                     /* __stack_pointer at the setjmp call */
  struct __sjlj_saved *saved;   /* Asyncify call-stack snapshot taken by setjmp */
} jmp_buf[1];

typedef jmp_buf sigjmp_buf;

int __sjlj_setjmp(struct __sjlj_env *env) __attribute__((returns_twice, noinline));
/* longjmp returns to its caller while Asyncify unwinds the stack, so its own
   definition is not _Noreturn; callers may treat it as such. */
#ifdef __SJLJ_IMPLEMENTATION
void __sjlj_longjmp(struct __sjlj_env *env, int val);
#else
_Noreturn void __sjlj_longjmp(struct __sjlj_env *env, int val);
#endif

#define setjmp(env) __sjlj_setjmp(env)
#define _setjmp(env) __sjlj_setjmp(env)
#define sigsetjmp(env, savesigs) __sjlj_setjmp(env)
#define longjmp(env, val) __sjlj_longjmp(env, val)
#define _longjmp(env, val) __sjlj_longjmp(env, val)
#define siglongjmp(env, val) __sjlj_longjmp(env, val)

#ifdef __cplusplus
}
#endif
#endif
