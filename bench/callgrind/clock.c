/* The processor's clock as it runs, timed: a chain of dependent additions (one cycle each), five rounds of 1e9. */
#include <stdio.h>
#include <time.h>

int main(void) {
    for (int round = 0; round < 5; round++) {
        struct timespec start, end;
        unsigned long x = 0;
        clock_gettime(CLOCK_MONOTONIC, &start);
        for (long i = 0; i < 200000000; i++) {
            __asm__ volatile("add $1,%0\n\tadd $1,%0\n\tadd $1,%0\n\tadd $1,%0\n\tadd $1,%0" : "+r"(x));
        }
        clock_gettime(CLOCK_MONOTONIC, &end);
        double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
        printf("%.3f GHz (1e9 dependent additions in %.3f s)\n", 1 / seconds, seconds);
    }
    return 0;
}
