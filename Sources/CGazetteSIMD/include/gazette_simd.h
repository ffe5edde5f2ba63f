#ifndef GAZETTE_SIMD_H
#define GAZETTE_SIMD_H
#include <stddef.h>
#include <stdint.h>
/// 1 when this CPU (and OS) can run `gazette_minhash` (x86-64 with AVX-512 F and DQ), else 0.
int gazette_minhash_available(void);
/// MinHash: out[i] = min over j of ((a[i] * x[j] + b[i]) mod 2^64) >> 32, for i < p.
/// Only call when `gazette_minhash_available()` returned 1.
void gazette_minhash(const uint64_t *x, size_t n, const uint64_t *a, const uint64_t *b, size_t p, uint32_t *out);
/// How many values two ascending, duplicate-free arrays have in common.
size_t gazette_intersection_count_u16(const uint16_t *a, size_t na, const uint16_t *b, size_t nb);
#endif
