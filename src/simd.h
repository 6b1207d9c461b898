/* Row loops written to vectorise: branch-free bodies with no sums carried
 * from row to row, under "#pragma omp simd" (the build passes
 * -fopenmp-simd, which takes the pragma without OpenMP's runtime). A
 * function marked SIMD_CLONES is compiled for the baseline processor and
 * again for wider vector units, one chosen when the program loads. Each
 * row gets the same operations in the same order on every version (C17
 * mode contracts nothing into fused multiply-adds), so the results are the
 * same bit for bit whatever the processor; only the speed differs. */
#ifndef RENEWCALC_SIMD_H
#define RENEWCALC_SIMD_H

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
    !defined(__SANITIZE_ADDRESS__)
#define SIMD_CLONES __attribute__((target_clones("default", "avx2", "avx512f")))
#else
#define SIMD_CLONES
#endif

#endif
