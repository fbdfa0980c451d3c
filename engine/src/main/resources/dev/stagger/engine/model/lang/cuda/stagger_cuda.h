// Helpers for the CUDA C that Stagger generates from a model (model/lang/cuda/CudaEmitter). The
// same source compiles with nvcc (to PTX) and, through stagger_cuda_shim.h, with a C++17 compiler
// on the CPU. Every function here does what the Java backend does, in the same operation order,
// so that the numbers agree bit for bit when the compiler fuses nothing (nvcc --fmad=false,
// g++ -ffp-contract=off).
#ifndef STAGGER_CUDA_H
#define STAGGER_CUDA_H

#include "stagger_cuda_shim.h"
#include <math.h>

// Java's Math.max: NaN wins, +0 is larger than -0.
template <typename T>
__device__ __forceinline__ T stagger_max(T a, T b) {
    if (a != a) {
        return a;
    }
    if (a == (T) 0 && b == (T) 0 && signbit(a)) {
        return b;
    }
    return a >= b ? a : b;
}

// Java's Math.min: NaN wins, -0 is smaller than +0.
template <typename T>
__device__ __forceinline__ T stagger_min(T a, T b) {
    if (a != a) {
        return a;
    }
    if (a == (T) 0 && b == (T) 0 && signbit(b)) {
        return b;
    }
    return a <= b ? a : b;
}

// One more than the number of trailing zero bits of p > 0.
__device__ __forceinline__ int stagger_ctz1(unsigned int p) {
#ifdef __CUDA_ARCH__
    return __ffs((int) p);
#else
    return __builtin_ctz(p) + 1;
#endif
}

// Integer powers as Julia (and Stagger's eval/Arithmetic) compute them: x^2 = x*x, x^3 = (x*x)*x,
// higher powers by squaring (Base.power_by_squaring).
template <typename T>
__device__ __forceinline__ T stagger_pow(T x, int n) {
    if (n == 1) {
        return x;
    }
    if (n == 2) {
        return x * x;
    }
    if (n == 3) {
        return x * x * x;
    }
    unsigned int p = (unsigned int) n;
    int t = stagger_ctz1(p);
    p >>= t;
    while (--t > 0) {
        x *= x;
    }
    T y = x;
    while (p > 0) {
        t = stagger_ctz1(p);
        p >>= t;
        while (--t >= 0) {
            x *= x;
        }
        y *= x;
    }
    return y;
}

// The combination of a reduction, as eval/Reductions.combine (maxabs takes |v| before, here).
__device__ __forceinline__ double stagger_combine_max(double acc, double v) {
    return stagger_max(acc, v);
}

__device__ __forceinline__ double stagger_combine_min(double acc, double v) {
    return stagger_min(acc, v);
}

__device__ __forceinline__ double stagger_combine_sum(double acc, double v) {
    return acc + v;
}

// Second and later passes of a reduction: thread t combines in[t], in[t + T], in[t + 2T], ... (T
// threads in all) into out[t]. Deterministic: the same launch gives the same order every time.
#define STAGGER_REDUCE_PARTIALS(NAME, INIT, COMBINE)                                                  \
    extern "C" __global__ void NAME(const double* in, long long n, double* out) {                       \
        const long long t = (long long) blockIdx.x * blockDim.x + threadIdx.x;                         \
        const long long stride = (long long) gridDim.x * blockDim.x;                                   \
        double acc = INIT;                                                                              \
        for (long long p = t; p < n; p += stride) {                                                     \
            acc = COMBINE(acc, in[p]);                                                                  \
        }                                                                                               \
        out[t] = acc;                                                                                   \
    }

// A physical boundary condition on one side of dimension d of a field, as bc/FieldBoundaries:
// one thread per point (ia, ib) of the face, halos included. The face values are face[(ia -
// firstA) + sizeA*(ib - firstB)] or, when face is null, the constant. Arithmetic in double, the
// result rounded to the field's precision, as Field.set does.
template <typename T>
__device__ __forceinline__ void stagger_bc_at(T* f, int offset, int strideD, int strideA, int strideB, int firstA,
        int lastA, int firstB, int lastB, int n, int vertex, int low, int dirichlet, double h, double constant,
        const double* face) {
    const int ia = firstA + (int) (blockIdx.x * blockDim.x + threadIdx.x);
    const int ib = firstB + (int) (blockIdx.y * blockDim.y + threadIdx.y);
    if (ia > lastA || ib > lastB) {
        return;
    }
    int target;
    int source;
    if (vertex && dirichlet) {
        target = low ? 1 : n;
        source = target;
    } else {
        target = low ? 0 : n + 1;
        source = low ? 1 : n;
    }
    const double sign = low ? -1 : 1;
    const int delta = (source - target) * strideD;
    const int flat = offset + target * strideD + ia * strideA + ib * strideB;
    const double v = face == 0 ? constant : face[(ia - firstA) + (lastA - firstA + 1) * (ib - firstB)];
    double result;
    if (dirichlet) {
        result = vertex ? v : 2 * v - (double) f[flat + delta];
    } else {
        result = (double) f[flat + delta] + sign * h * v;
    }
    f[flat] = (T) result;
}

// Layers from..to along d (the full cross-section, halos included) to and from a contiguous
// buffer, in the order of distributed/Layers: layer, then b, then a fastest.
template <typename T>
__device__ __forceinline__ void stagger_layers_at(T* f, T* buffer, int pack, int offset, int strideD, int strideA,
        int strideB, int firstA, int lastA, int firstB, int lastB, int from, int to) {
    const int ia = firstA + (int) (blockIdx.x * blockDim.x + threadIdx.x);
    const int ib = firstB + (int) (blockIdx.y * blockDim.y + threadIdx.y);
    const int layer = from + (int) (blockIdx.z * blockDim.z + threadIdx.z);
    if (ia > lastA || ib > lastB || layer > to) {
        return;
    }
    const int sizeA = lastA - firstA + 1;
    const int sizeB = lastB - firstB + 1;
    const long long at = ((long long) (layer - from) * sizeB + (ib - firstB)) * sizeA + (ia - firstA);
    const int flat = offset + layer * strideD + ia * strideA + ib * strideB;
    if (pack) {
        buffer[at] = f[flat];
    } else {
        f[flat] = buffer[at];
    }
}

// The periodic wrap of one layer on one rank (distributed/PeriodicWrap): layer target takes layer
// source, over the full cross-section.
template <typename T>
__device__ __forceinline__ void stagger_copy_layer_at(T* f, int offset, int strideD, int strideA, int strideB,
        int firstA, int lastA, int firstB, int lastB, int target, int source) {
    const int ia = firstA + (int) (blockIdx.x * blockDim.x + threadIdx.x);
    const int ib = firstB + (int) (blockIdx.y * blockDim.y + threadIdx.y);
    if (ia > lastA || ib > lastB) {
        return;
    }
    const int flat = offset + target * strideD + ia * strideA + ib * strideB;
    f[flat] = f[flat + (source - target) * strideD];
}

// Preview binning of one rank's field (live/PreviewBinning.localBins): one thread per bin (ib, jb)
// of the raster axes a and b (b < 0 in 1D) sums its points in storage order (k, j, i), as the
// Java loop visits them, and takes their min and max. Bin ib along a holds the global indices g
// (0-based) with floor(g * bins / n) == ib; local index = g - offset + 1, within lo..hi.
template <typename T>
__device__ __forceinline__ void stagger_preview_at(const T* f, int offset, int sy, int sz, int a, int b, int lo0,
        int hi0, int lo1, int hi1, int lo2, int hi2, int offA, int nA, int binsA, int offB, int nB, int binsB,
        double* sums, double* mins, double* maxs) {
    const int ib = (int) (blockIdx.x * blockDim.x + threadIdx.x);
    const int jb = (int) (blockIdx.y * blockDim.y + threadIdx.y);
    if (ib >= binsA || jb >= (b >= 0 ? binsB : 1)) {
        return;
    }
    int lo[3] = {lo0, lo1, lo2};
    int hi[3] = {hi0, hi1, hi2};
    const long long firstA = ((long long) ib * nA + binsA - 1) / binsA;
    const long long lastA = ((long long) (ib + 1) * nA + binsA - 1) / binsA - 1;
    const int fromA = (int) (firstA - offA + 1);
    const int toA = (int) (lastA - offA + 1);
    lo[a] = lo[a] > fromA ? lo[a] : fromA;
    hi[a] = hi[a] < toA ? hi[a] : toA;
    if (b >= 0) {
        const long long firstB = ((long long) jb * nB + binsB - 1) / binsB;
        const long long lastB = ((long long) (jb + 1) * nB + binsB - 1) / binsB - 1;
        const int fromB = (int) (firstB - offB + 1);
        const int toB = (int) (lastB - offB + 1);
        lo[b] = lo[b] > fromB ? lo[b] : fromB;
        hi[b] = hi[b] < toB ? hi[b] : toB;
    }
    double sum = 0.0;
    double low = INFINITY;
    double high = -INFINITY;
    for (int k = lo[2]; k <= hi[2]; k++) {
        for (int j = lo[1]; j <= hi[1]; j++) {
            for (int i = lo[0]; i <= hi[0]; i++) {
                const double v = (double) f[offset + i + j * sy + k * sz];
                sum += v;
                low = stagger_min(low, v);
                high = stagger_max(high, v);
            }
        }
    }
    const int at = ib + binsA * jb;
    sums[at] = sum;
    mins[at] = low;
    maxs[at] = high;
}

// The entry points every generated module has besides its model's kernels, for its precision
// (real): boundary conditions, halo pack and unpack, periodic wrap, preview binning, the largest
// magnitude of a whole array (NaN wins: the backend's finiteness check), the sum, min and max of
// points 1..n per dimension (the monitor's field statistics, first pass), reduction passes.
#define STAGGER_COMMON_ENTRIES(real)                                                                    \
    extern "C" __global__ void stagger_bc(real* f, int offset, int strideD, int strideA, int strideB,   \
            int firstA, int lastA, int firstB, int lastB, int n, int vertex, int low, int dirichlet,     \
            double h, double constant, const double* face) {                                            \
        stagger_bc_at<real>(f, offset, strideD, strideA, strideB, firstA, lastA, firstB, lastB, n, vertex, \
                low, dirichlet, h, constant, face);                                                     \
    }                                                                                                   \
    extern "C" __global__ void stagger_pack(real* f, real* buffer, int offset, int strideD, int strideA,\
            int strideB, int firstA, int lastA, int firstB, int lastB, int from, int to) {              \
        stagger_layers_at<real>(f, buffer, 1, offset, strideD, strideA, strideB, firstA, lastA, firstB,    \
                lastB, from, to);                                                                       \
    }                                                                                                   \
    extern "C" __global__ void stagger_unpack(real* f, real* buffer, int offset, int strideD,           \
            int strideA, int strideB, int firstA, int lastA, int firstB, int lastB, int from, int to) { \
        stagger_layers_at<real>(f, buffer, 0, offset, strideD, strideA, strideB, firstA, lastA, firstB,    \
                lastB, from, to);                                                                       \
    }                                                                                                   \
    extern "C" __global__ void stagger_copy_layer(real* f, int offset, int strideD, int strideA,        \
            int strideB, int firstA, int lastA, int firstB, int lastB, int target, int source) {        \
        stagger_copy_layer_at<real>(f, offset, strideD, strideA, strideB, firstA, lastA, firstB, lastB,    \
                target, source);                                                                        \
    }                                                                                                   \
    extern "C" __global__ void stagger_preview(const real* f, int offset, int sy, int sz, int a, int b,     \
            int lo0, int hi0, int lo1, int hi1, int lo2, int hi2, int offA, int nA, int binsA, int offB,    \
            int nB, int binsB, double* sums, double* mins, double* maxs) {                                  \
        stagger_preview_at<real>(f, offset, sy, sz, a, b, lo0, hi0, lo1, hi1, lo2, hi2, offA, nA, binsA,     \
                offB, nB, binsB, sums, mins, maxs);                                                         \
    }                                                                                                   \
    extern "C" __global__ void stagger_maxabs(const real* f, long long n, double* partial) {            \
        const long long t = (long long) blockIdx.x * blockDim.x + threadIdx.x;                         \
        const long long stride = (long long) gridDim.x * blockDim.x;                                   \
        double acc = 0.0;                                                                               \
        for (long long p = t; p < n; p += stride) {                                                     \
            acc = stagger_max(acc, fabs((double) f[p]));                                                \
        }                                                                                               \
        partial[t] = acc;                                                                               \
    }                                                                                                   \
    extern "C" __global__ void stagger_stats(const real* f, int offset, int sy, int sz, int n0, int n1,   \
            int n2, double* sums, double* mins, double* maxs) {                                         \
        const long long t = (long long) blockIdx.x * blockDim.x + threadIdx.x;                         \
        const long long stride = (long long) gridDim.x * blockDim.x;                                   \
        const long long total = (long long) n0 * n1 * n2;                                              \
        double s = 0.0;                                                                                 \
        double low = INFINITY;                                                                          \
        double high = -INFINITY;                                                                        \
        for (long long p = t; p < total; p += stride) {                                                 \
            const long long q = p / n0;                                                                 \
            const int i = (int) (p - q * n0) + 1;                                                       \
            const int j = (int) (q % n1) + 1;                                                           \
            const int k = (int) (q / n1) + 1;                                                           \
            const double v = (double) f[offset + i + (long long) sy * j + (long long) sz * k];          \
            s += v;                                                                                     \
            low = stagger_min(low, v);                                                                  \
            high = stagger_max(high, v);                                                                \
        }                                                                                               \
        sums[t] = s;                                                                                    \
        mins[t] = low;                                                                                  \
        maxs[t] = high;                                                                                 \
    }                                                                                                   \
    STAGGER_REDUCE_PARTIALS(stagger_reduce_partials_max, -INFINITY, stagger_combine_max)               \
    STAGGER_REDUCE_PARTIALS(stagger_reduce_partials_min, INFINITY, stagger_combine_min)                \
    STAGGER_REDUCE_PARTIALS(stagger_reduce_partials_sum, 0.0, stagger_combine_sum)

#endif // STAGGER_CUDA_H
