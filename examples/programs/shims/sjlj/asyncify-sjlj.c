/* setjmp/longjmp on wasm32-wasi via Binaryen Asyncify (no exception handling needed).
 *
 * How it works
 *   setjmp(env)   starts an Asyncify unwind into a scratch buffer. Every instrumented
 *                 function between main and setjmp saves its wasm locals and returns.
 *                 The real main() below sees the unwind, keeps a copy of the saved
 *                 call stack for env, and immediately rewinds into the program, which
 *                 re-enters setjmp; setjmp then returns 0.
 *   longjmp(env)  unwinds the whole stack again (discarding it), and main() rewinds
 *                 using env's saved copy, so execution resumes in the setjmp call of
 *                 env, which now returns val. The shadow-stack pointer is restored
 *                 to its value at the setjmp call.
 *
 * Requirements: the program's main is renamed __sjlj_main; the linked module is run
 * through `wasm-opt --asyncify` (the asyncify.* imports below become internal calls).
 * Cost: each setjmp and longjmp unwinds and rewinds the stack between main and the
 * setjmp, so it is proportional to the stack depth.
 *
 * Snapshots are kept per jmp_buf address and reused when that address is used again
 * (jmp_bufs are normally locals, so the number of distinct addresses is bounded by
 * the stack depth); they are never freed. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#define __SJLJ_IMPLEMENTATION
#include "setjmp.h"

#define IMPORT(name) __attribute__((import_module("asyncify"), import_name(name)))
IMPORT("start_unwind") void asyncify_start_unwind(void *data);
IMPORT("stop_unwind") void asyncify_stop_unwind(void);
IMPORT("start_rewind") void asyncify_start_rewind(void *data);
IMPORT("stop_rewind") void asyncify_stop_rewind(void);

void *__sjlj_get_sp(void);
void __sjlj_set_sp(void *sp);
int __sjlj_main(int argc, char **argv);

#ifndef SJLJ_SCRATCH_SIZE
#define SJLJ_SCRATCH_SIZE (1 << 20) /* max bytes of saved locals for one unwind */
#endif

struct asyncify_data { char *cur, *end; };   /* layout fixed by Asyncify */

struct __sjlj_saved {
  struct __sjlj_env *owner;   /* jmp_buf address this snapshot belongs to */
  size_t used, cap;
  struct __sjlj_saved *next;
  char data[];
};

enum { SJLJ_NONE, SJLJ_CAPTURE, SJLJ_JUMP };
static int pending = SJLJ_NONE;
static struct __sjlj_env *pending_env;
static int pending_val;
static int resume_val;
static int rewinding;                 /* main() started a rewind (binaryen 108 has no asyncify.get_state import) */
static struct asyncify_data scratch_hdr;
static _Alignas(16) char scratch[SJLJ_SCRATCH_SIZE];
static struct __sjlj_saved *snapshots;

__attribute__((noinline)) int __sjlj_setjmp(struct __sjlj_env *env) {
  if (rewinding) {                           /* re-entered by a rewind */
    asyncify_stop_rewind();
    rewinding = 0;
    int val = resume_val;
    if (val != 0) __sjlj_set_sp(env->sp);     /* came back from longjmp */
    return val;
  }
  env->sp = __sjlj_get_sp();
  pending = SJLJ_CAPTURE;
  pending_env = env;
  scratch_hdr.cur = scratch;
  scratch_hdr.end = scratch + sizeof scratch;
  asyncify_start_unwind(&scratch_hdr);
  return 0; /* not reached by the program: main() rewinds into this call */
}

__attribute__((noinline)) void __sjlj_longjmp(struct __sjlj_env *env, int val) {
  pending = SJLJ_JUMP;
  pending_env = env;
  pending_val = val ? val : 1;
  scratch_hdr.cur = scratch;
  scratch_hdr.end = scratch + sizeof scratch;
  asyncify_start_unwind(&scratch_hdr);
  /* returns while unwinding: the (instrumented) callers unwind too */
}

static struct __sjlj_saved *snapshot_for(struct __sjlj_env *env, size_t used) {
  struct __sjlj_saved **pp = &snapshots, *s;
  for (; (s = *pp) != NULL; pp = &s->next) {
    if (s->owner == env) {
      if (s->cap >= used) return s;
      *pp = s->next;                       /* too small: replace it */
      free(s);
      break;
    }
  }
  size_t cap = used < 256 ? 256 : used + used / 2;
  s = malloc(sizeof *s + cap);
  if (!s) { fputs("asyncify-sjlj: out of memory\n", stderr); abort(); }
  s->owner = env;
  s->cap = cap;
  s->next = snapshots;
  snapshots = s;
  return s;
}

int main(int argc, char **argv) {
  for (;;) {
    int rc = __sjlj_main(argc, argv);
    if (pending == SJLJ_NONE) return rc;     /* the program returned normally */
    asyncify_stop_unwind();
    if (pending == SJLJ_CAPTURE) {
      size_t used = (size_t)(scratch_hdr.cur - scratch);
      struct __sjlj_saved *s = snapshot_for(pending_env, used);
      memcpy(s->data, scratch, used);
      s->used = used;
      pending_env->saved = s;
      resume_val = 0;                        /* rewind from the scratch as it is */
    } else {
      struct __sjlj_saved *s = pending_env->saved;
      memcpy(scratch, s->data, s->used);
      scratch_hdr.cur = scratch + s->used;
      scratch_hdr.end = scratch + sizeof scratch;
      resume_val = pending_val;
    }
    pending = SJLJ_NONE;
    rewinding = 1;
    asyncify_start_rewind(&scratch_hdr);
  }
}
