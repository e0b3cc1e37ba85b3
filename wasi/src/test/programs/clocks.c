/* clocks: clock_gettime (realtime, monotonic, process CPU time), clock_getres, nanosleep,
 * clock_nanosleep with TIMER_ABSTIME, time() and gettimeofday(). Prints only ok/FAIL verdicts. */
#include "common.h"

#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static long long ns(const struct timespec *t) {
    return (long long) t->tv_sec * 1000000000LL + t->tv_nsec;
}

int main(void) {
    struct timespec r1, r2, m1, m2, res;

    printf("== realtime\n");
    report("clock_gettime REALTIME", clock_gettime(CLOCK_REALTIME, &r1));
    /* between 2020-01-01 and 2100-01-01 */
    check("realtime is plausible", r1.tv_sec > 1577836800LL && r1.tv_sec < 4102444800LL);
    check("realtime tv_nsec in range", r1.tv_nsec >= 0 && r1.tv_nsec < 1000000000L);
    time_t t = time(NULL);
    check("time() agrees with realtime", t >= r1.tv_sec - 2 && t <= r1.tv_sec + 5);
    struct timeval tv;
    report("gettimeofday", gettimeofday(&tv, NULL));
    check("gettimeofday agrees with realtime", tv.tv_sec >= r1.tv_sec - 2 && tv.tv_sec <= r1.tv_sec + 5);
    check("gettimeofday tv_usec in range", tv.tv_usec >= 0 && tv.tv_usec < 1000000);
    report("clock_getres REALTIME", clock_getres(CLOCK_REALTIME, &res));
    check("realtime resolution in (0, 1s]", ns(&res) > 0 && ns(&res) <= 1000000000LL);

    printf("== monotonic\n");
    report("clock_gettime MONOTONIC", clock_gettime(CLOCK_MONOTONIC, &m1));
    int increasing = 1;
    struct timespec prev = m1;
    for (int i = 0; i < 1000; i++) {
        struct timespec cur;
        clock_gettime(CLOCK_MONOTONIC, &cur);
        if (ns(&cur) < ns(&prev)) increasing = 0;
        prev = cur;
    }
    check("monotonic never decreases over 1000 reads", increasing);
    check("monotonic tv_nsec in range", m1.tv_nsec >= 0 && m1.tv_nsec < 1000000000L);
    report("clock_getres MONOTONIC", clock_getres(CLOCK_MONOTONIC, &res));
    check("monotonic resolution in (0, 1s]", ns(&res) > 0 && ns(&res) <= 1000000000LL);

    printf("== nanosleep\n");
    clock_gettime(CLOCK_MONOTONIC, &m1);
    clock_gettime(CLOCK_REALTIME, &r1);
    struct timespec req = {0, 20000000};
    report("nanosleep 20ms", nanosleep(&req, NULL));
    clock_gettime(CLOCK_MONOTONIC, &m2);
    clock_gettime(CLOCK_REALTIME, &r2);
    long long dm = ns(&m2) - ns(&m1);
    check("monotonic advanced by at least 20ms", dm >= 20000000LL);
    check("monotonic advanced by less than 5s", dm < 5000000000LL);
    check("realtime advanced", ns(&r2) > ns(&r1));

    clock_gettime(CLOCK_MONOTONIC, &m1);
    report("usleep 15000", usleep(15000));
    clock_gettime(CLOCK_MONOTONIC, &m2);
    check("usleep: monotonic advanced by at least 15ms", ns(&m2) - ns(&m1) >= 15000000LL);

    clock_gettime(CLOCK_MONOTONIC, &m1);
    struct timespec zero = {0, 0};
    report("nanosleep 0", nanosleep(&zero, NULL));

    clock_gettime(CLOCK_REALTIME, &r1);
    long long rtarget = ns(&r1) + 30000000LL;
    struct timespec rabs = {(time_t) (rtarget / 1000000000LL), (long) (rtarget % 1000000000LL)};
    int rc = clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &rabs, NULL);
    printf("clock_nanosleep REALTIME TIMER_ABSTIME +30ms: %s\n", rc == 0 ? "ok" : errname(rc));
    clock_gettime(CLOCK_REALTIME, &r2);
    /* 1ms of slack: realtime may be slewed, and a host may time the sleep with another clock */
    check("realtime reached the absolute deadline (1ms slack)", ns(&r2) >= rtarget - 1000000LL);

#ifndef SKIP_MONOTONIC_ABSTIME /* node's uvwasi measures every absolute deadline against realtime and hangs here */
    clock_gettime(CLOCK_MONOTONIC, &m1);
    long long target = ns(&m1) + 30000000LL;
    struct timespec abs = {(time_t) (target / 1000000000LL), (long) (target % 1000000000LL)};
    rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL);
    printf("clock_nanosleep MONOTONIC TIMER_ABSTIME +30ms: %s\n", rc == 0 ? "ok" : errname(rc));
    clock_gettime(CLOCK_MONOTONIC, &m2);
    check("monotonic reached the absolute deadline", ns(&m2) >= target);
#endif

    clock_gettime(CLOCK_MONOTONIC, &m1);
    struct timespec rel = {0, 25000000};
    rc = clock_nanosleep(CLOCK_MONOTONIC, 0, &rel, NULL);
    printf("clock_nanosleep MONOTONIC relative 25ms: %s\n", rc == 0 ? "ok" : errname(rc));
    clock_gettime(CLOCK_MONOTONIC, &m2);
    check("monotonic advanced by at least 25ms", ns(&m2) - ns(&m1) >= 25000000LL);

    struct timespec badreq = {0, 1000000000L};
    expect_fail("nanosleep tv_nsec 1000000000", nanosleep(&badreq, NULL));

    printf("== process CPU time\n");
    struct timespec c1, c2;
    report("clock_gettime PROCESS_CPUTIME_ID", clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1));
    report("clock_getres PROCESS_CPUTIME_ID", clock_getres(CLOCK_PROCESS_CPUTIME_ID, &res));
    check("cpu time resolution > 0", ns(&res) > 0);
    /* busy loop for about 100ms of wall time */
    volatile unsigned long acc = 0;
    clock_gettime(CLOCK_MONOTONIC, &m1);
    do {
        for (int i = 0; i < 100000; i++) acc += (unsigned long) i * 2654435761u;
        clock_gettime(CLOCK_MONOTONIC, &m2);
    } while (ns(&m2) - ns(&m1) < 100000000LL);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c2);
    check("cpu time advanced after a busy loop", ns(&c2) > ns(&c1));
    check("cpu time tv_nsec in range", c2.tv_nsec >= 0 && c2.tv_nsec < 1000000000L);
    check("busy loop ran", acc != 1);
    printf("done\n");
    return 0;
}
