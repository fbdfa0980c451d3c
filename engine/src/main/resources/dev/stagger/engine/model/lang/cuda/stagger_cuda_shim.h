// Stagger's CPU shim for CUDA C: outside nvcc (__CUDACC__ undefined) it lets a .cu file that Stagger
// generated compile with a plain C++17 compiler and run on the CPU, so kernels are tested without
// a GPU (DESIGN section 6). Under nvcc this header is empty.
//
// What it provides:
//   - the qualifiers __global__, __device__, __host__, __forceinline__ defined away;
//   - dim3, uint3, and threadIdx, blockIdx, blockDim, gridDim as thread-local variables;
//   - stagger_launch(grid, block, kernel, args...): runs every block and every thread of the grid
//     as loops (x fastest), blocks spread over STAGGER_SHIM_THREADS host threads (default 1).
// What it does not provide: __syncthreads (threads of a block run one after the other here, so a
// barrier cannot be honoured) and atomics. A kernel that uses them fails to compile on this path.
// Stagger's generated kernels need neither: reductions are two passes of per-thread partial
// results, preview bins one thread per bin.
#ifndef STAGGER_CUDA_SHIM_H
#define STAGGER_CUDA_SHIM_H

#ifndef __CUDACC__

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __restrict__ __restrict

struct uint3 {
    unsigned int x, y, z;
};

struct dim3 {
    unsigned int x, y, z;
    dim3(unsigned int x_ = 1, unsigned int y_ = 1, unsigned int z_ = 1) : x(x_), y(y_), z(z_) {}
};

inline thread_local uint3 threadIdx = {0, 0, 0};
inline thread_local uint3 blockIdx = {0, 0, 0};
inline thread_local dim3 blockDim;
inline thread_local dim3 gridDim;

// Runs blocks first..last (linear block numbers, x fastest) of the grid on the calling thread.
template <typename Kernel, typename... A>
void stagger_run_blocks(dim3 grid, dim3 block, unsigned long long first, unsigned long long last, Kernel kernel,
        A... args) {
    gridDim = grid;
    blockDim = block;
    for (unsigned long long b = first; b < last; b++) {
        blockIdx.x = (unsigned int) (b % grid.x);
        blockIdx.y = (unsigned int) ((b / grid.x) % grid.y);
        blockIdx.z = (unsigned int) (b / ((unsigned long long) grid.x * grid.y));
        for (unsigned int tz = 0; tz < block.z; tz++) {
            for (unsigned int ty = 0; ty < block.y; ty++) {
                for (unsigned int tx = 0; tx < block.x; tx++) {
                    threadIdx.x = tx;
                    threadIdx.y = ty;
                    threadIdx.z = tz;
                    kernel(args...);
                }
            }
        }
    }
}

// The CPU form of kernel<<<grid, block>>>(args...): every block, every thread, as loops.
template <typename... P, typename... A>
void stagger_launch(dim3 grid, dim3 block, void (*kernel)(P...), A... args) {
    unsigned long long blocks = (unsigned long long) grid.x * grid.y * grid.z;
    const char* env = std::getenv("STAGGER_SHIM_THREADS");
    unsigned long long threads = env != nullptr ? std::strtoull(env, nullptr, 10) : 1;
    if (threads < 1) {
        threads = 1;
    }
    if (threads > blocks) {
        threads = blocks;
    }
    if (threads <= 1) {
        stagger_run_blocks(grid, block, 0, blocks, kernel, ((P) args)...);
        return;
    }
    std::vector<std::thread> pool;
    for (unsigned long long t = 0; t < threads; t++) {
        unsigned long long first = blocks * t / threads;
        unsigned long long last = blocks * (t + 1) / threads;
        pool.emplace_back([=] { stagger_run_blocks(grid, block, first, last, kernel, ((P) args)...); });
    }
    for (std::thread& t : pool) {
        t.join();
    }
}

#endif // __CUDACC__

#endif // STAGGER_CUDA_SHIM_H
