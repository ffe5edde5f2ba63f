// The MinHash inner loop in AVX-512 lanes (eight 64-bit multiplies per instruction),
// chosen at run time: the package is built for baseline x86-64, whose SSE2 has no
// 64-bit vector multiply, so Swift code cannot vectorise it.
#include "gazette_simd.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <cpuid.h>
#include <immintrin.h>

int gazette_minhash_available(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 27))) return 0;   // OSXSAVE
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    if ((lo & 0xE6) != 0xE6) return 0;   // the OS saves XMM, YMM, opmask and ZMM state
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b & (1u << 16)) && (b & (1u << 17));   // AVX512F, AVX512DQ
}

__attribute__((target("avx512f,avx512dq")))
void gazette_minhash(const uint64_t *x, size_t n, const uint64_t *a, const uint64_t *b, size_t p, uint32_t *out) {
    size_t i = 0;
    for (; i + 32 <= p; i += 32) {
        __m512i a0 = _mm512_loadu_si512(a + i), a1 = _mm512_loadu_si512(a + i + 8);
        __m512i a2 = _mm512_loadu_si512(a + i + 16), a3 = _mm512_loadu_si512(a + i + 24);
        __m512i b0 = _mm512_loadu_si512(b + i), b1 = _mm512_loadu_si512(b + i + 8);
        __m512i b2 = _mm512_loadu_si512(b + i + 16), b3 = _mm512_loadu_si512(b + i + 24);
        __m512i m0 = _mm512_set1_epi64(-1), m1 = m0, m2 = m0, m3 = m0;
        for (size_t j = 0; j < n; j++) {
            __m512i v = _mm512_set1_epi64((long long)x[j]);
            m0 = _mm512_min_epu64(m0, _mm512_add_epi64(_mm512_mullo_epi64(a0, v), b0));
            m1 = _mm512_min_epu64(m1, _mm512_add_epi64(_mm512_mullo_epi64(a1, v), b1));
            m2 = _mm512_min_epu64(m2, _mm512_add_epi64(_mm512_mullo_epi64(a2, v), b2));
            m3 = _mm512_min_epu64(m3, _mm512_add_epi64(_mm512_mullo_epi64(a3, v), b3));
        }
        _mm256_storeu_si256((__m256i *)(out + i), _mm512_cvtepi64_epi32(_mm512_srli_epi64(m0, 32)));
        _mm256_storeu_si256((__m256i *)(out + i + 8), _mm512_cvtepi64_epi32(_mm512_srli_epi64(m1, 32)));
        _mm256_storeu_si256((__m256i *)(out + i + 16), _mm512_cvtepi64_epi32(_mm512_srli_epi64(m2, 32)));
        _mm256_storeu_si256((__m256i *)(out + i + 24), _mm512_cvtepi64_epi32(_mm512_srli_epi64(m3, 32)));
    }
    for (; i + 8 <= p; i += 8) {
        __m512i a0 = _mm512_loadu_si512(a + i), b0 = _mm512_loadu_si512(b + i);
        __m512i m0 = _mm512_set1_epi64(-1);
        for (size_t j = 0; j < n; j++) {
            m0 = _mm512_min_epu64(m0, _mm512_add_epi64(_mm512_mullo_epi64(a0, _mm512_set1_epi64((long long)x[j])), b0));
        }
        _mm256_storeu_si256((__m256i *)(out + i), _mm512_cvtepi64_epi32(_mm512_srli_epi64(m0, 32)));
    }
    for (; i < p; i++) {
        uint64_t m = UINT64_MAX;
        for (size_t j = 0; j < n; j++) { uint64_t v = a[i] * x[j] + b[i]; if (v < m) m = v; }
        out[i] = (uint32_t)(m >> 32);
    }
}
#else
int gazette_minhash_available(void) { return 0; }
void gazette_minhash(const uint64_t *x, size_t n, const uint64_t *a, const uint64_t *b, size_t p, uint32_t *out) {
    (void)x; (void)n; (void)a; (void)b; (void)p; (void)out;
}
#endif

/* Branch-free merge: which pointer advances is a comparison result, not a jump, so the
   random order of shingle hashes costs no mispredicted branches. */
size_t gazette_intersection_count_u16(const uint16_t *a, size_t na, const uint16_t *b, size_t nb) {
    size_t i = 0, j = 0, n = 0;
    while (i < na && j < nb) {
        uint16_t x = a[i], y = b[j];
        n += (x == y);
        i += (x <= y);
        j += (y <= x);
    }
    return n;
}
