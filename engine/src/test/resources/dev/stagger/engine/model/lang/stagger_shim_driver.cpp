// Test driver for generated CUDA C on the CPU shim (CudaShimKernelsTest). Compiled together with
// one generated module: g++ -DSTAGGER_SHIM_TABLE -DSTAGGER_MODULE='"model.cu"' driver.cpp.
//
// Usage: driver INPUT OUTPUT. INPUT (little-endian): int32 field count, int32 length per field,
// int32 scalar count, double scalars, int32 geometry (3 per field), the fields' values (real),
// then commands until the end: int32 op, int32 n, int32 ints[n], int32 m, double doubles[m],
// int64 count, real payload[count] (ops: 0 reset, 1 kernel, 2 reduction, 3 boundary condition,
// 4 pack, 5 unpack, 6 dump all fields, 7 copy layer, 8 dump one field, 9 preview bins). OUTPUT gets one record per command: int64 bytes, bytes.
// Every field is its own heap block of exactly its length, so the address sanitizer reports any
// index outside a field.
#include STAGGER_MODULE

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

FILE* in;
FILE* out;

void fail(const char* what) {
    std::fprintf(stderr, "driver: %s\n", what);
    std::exit(2);
}

bool readRaw(void* p, size_t bytes, bool eofOk = false) {
    size_t got = std::fread(p, 1, bytes, in);
    if (got == 0 && eofOk) {
        return false;
    }
    if (got != bytes) {
        fail("truncated input");
    }
    return true;
}

int32_t readInt() {
    int32_t v;
    readRaw(&v, sizeof v);
    return v;
}

void record(const void* p, int64_t bytes) {
    std::fwrite(&bytes, sizeof bytes, 1, out);
    std::fwrite(p, 1, (size_t) bytes, out);
}

void empty() {
    const int64_t none = 0;
    std::fwrite(&none, sizeof none, 1, out);
}

dim3 gridOf(const int32_t* s) {
    return dim3(s[0], s[1], s[2]);
}

dim3 blockOf(const int32_t* s) {
    return dim3(s[3], s[4], s[5]);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        fail("usage: driver INPUT OUTPUT");
    }
    in = std::fopen(argv[1], "rb");
    out = std::fopen(argv[2], "wb");
    if (in == nullptr || out == nullptr) {
        fail("cannot open files");
    }
    const int nf = readInt();
    std::vector<int32_t> length(nf);
    for (int f = 0; f < nf; f++) {
        length[f] = readInt();
    }
    const int ns = readInt();
    double* scalars = (double*) std::malloc(sizeof(double) * (ns > 0 ? ns : 1));
    readRaw(scalars, sizeof(double) * ns);
    int* geometry = (int*) std::malloc(sizeof(int) * 3 * (nf > 0 ? nf : 1));
    readRaw(geometry, sizeof(int) * 3 * nf);
    std::vector<std::vector<real>> initial(nf);
    real** fields = (real**) std::malloc(sizeof(real*) * (nf > 0 ? nf : 1));
    for (int f = 0; f < nf; f++) {
        initial[f].resize(length[f]);
        readRaw(initial[f].data(), sizeof(real) * length[f]);
        fields[f] = (real*) std::malloc(sizeof(real) * length[f]);
        std::memcpy(fields[f], initial[f].data(), sizeof(real) * length[f]);
    }
    int32_t op;
    while (readRaw(&op, sizeof op, true)) {
        const int n = readInt();
        std::vector<int32_t> a(n > 0 ? n : 1);
        readRaw(a.data(), sizeof(int32_t) * n);
        const int m = readInt();
        double* d = (double*) std::malloc(sizeof(double) * (m > 0 ? m : 1));
        readRaw(d, sizeof(double) * m);
        int64_t count;
        readRaw(&count, sizeof count);
        real* payload = (real*) std::malloc(sizeof(real) * (count > 0 ? count : 1));
        readRaw(payload, sizeof(real) * count);
        switch (op) {
            case 0: // reset every field to the input
                for (int f = 0; f < nf; f++) {
                    std::memcpy(fields[f], initial[f].data(), sizeof(real) * length[f]);
                }
                empty();
                break;
            case 1: { // kernel: which, box (6), shape (6)
                if (a[0] >= stagger_kernel_count) {
                    fail("no such kernel");
                }
                stagger_launch(gridOf(&a[7]), blockOf(&a[7]), stagger_kernels[a[0]], fields, (const double*) scalars,
                        (const int*) geometry, a[1], a[2], a[3], a[4], a[5], a[6]);
                empty();
                break;
            }
            case 2: { // reduction: which, box (6), first pass (6), op (0 max, 1 min, 2 sum), passes, shape each
                if (a[0] >= stagger_reduction_count) {
                    fail("no such reduction");
                }
                long long partials = (long long) a[7] * a[8] * a[9] * a[10] * a[11] * a[12];
                double* buffer = (double*) std::malloc(sizeof(double) * partials);
                stagger_launch(gridOf(&a[7]), blockOf(&a[7]), stagger_reductions[a[0]], fields,
                        (const double*) scalars, (const int*) geometry, a[1], a[2], a[3], a[4], a[5], a[6], buffer);
                void (*fold)(const double*, long long, double*) = a[13] == 0 ? stagger_reduce_partials_max
                        : a[13] == 1 ? stagger_reduce_partials_min : stagger_reduce_partials_sum;
                const int passes = a[14];
                for (int p = 0; p < passes; p++) {
                    const int32_t* shape = &a[15 + 6 * p];
                    long long next = (long long) shape[0] * shape[3];
                    double* folded = (double*) std::malloc(sizeof(double) * next);
                    stagger_launch(gridOf(shape), blockOf(shape), fold, (const double*) buffer, partials, folded);
                    std::free(buffer);
                    buffer = folded;
                    partials = next;
                }
                if (partials != 1) {
                    fail("reduction passes do not end in one value");
                }
                record(buffer, sizeof(double));
                std::free(buffer);
                break;
            }
            case 3: { // boundary condition: field, ints (12), shape (6); doubles: h, constant, face...
                const double* face = m > 2 ? d + 2 : nullptr;
                stagger_launch(gridOf(&a[13]), blockOf(&a[13]), stagger_bc, fields[a[0]], a[1], a[2], a[3], a[4],
                        a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], d[0], d[1], face);
                empty();
                break;
            }
            case 4:   // pack: field, ints (10), shape (6), buffer length
            case 5: { // unpack: the same, payload = the buffer
                real* buffer = (real*) std::malloc(sizeof(real) * a[17]);
                if (op == 5) {
                    if (count != a[17]) {
                        fail("unpack payload of the wrong length");
                    }
                    std::memcpy(buffer, payload, sizeof(real) * a[17]);
                }
                stagger_launch(gridOf(&a[11]), blockOf(&a[11]), op == 4 ? stagger_pack : stagger_unpack, fields[a[0]],
                        buffer, a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10]);
                if (op == 4) {
                    record(buffer, (int64_t) sizeof(real) * a[17]);
                } else {
                    empty();
                }
                std::free(buffer);
                break;
            }
            case 6: { // dump every field
                int64_t bytes = 0;
                for (int f = 0; f < nf; f++) {
                    bytes += (int64_t) sizeof(real) * length[f];
                }
                std::fwrite(&bytes, sizeof bytes, 1, out);
                for (int f = 0; f < nf; f++) {
                    std::fwrite(fields[f], sizeof(real), length[f], out);
                }
                break;
            }
            case 9: { // preview: field, ints (17), shape (6); out: sums, mins, maxs (bins each)
                const int bins = a[14] * (a[5] >= 0 ? a[17] : 1);
                double* out3 = (double*) std::malloc(sizeof(double) * 3 * bins);
                stagger_launch(gridOf(&a[18]), blockOf(&a[18]), stagger_preview, (const real*) fields[a[0]], a[1],
                        a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15],
                        a[16], a[17], out3, out3 + bins, out3 + 2 * bins);
                record(out3, (int64_t) sizeof(double) * 3 * bins);
                std::free(out3);
                break;
            }
            case 8: // dump one field
                record(fields[a[0]], (int64_t) sizeof(real) * length[a[0]]);
                break;
            case 7: // copy layer (periodic wrap): field, ints (10), shape (6)
                stagger_launch(gridOf(&a[11]), blockOf(&a[11]), stagger_copy_layer, fields[a[0]], a[1], a[2], a[3],
                        a[4], a[5], a[6], a[7], a[8], a[9], a[10]);
                empty();
                break;
            default:
                fail("unknown command");
        }
        std::free(d);
        std::free(payload);
    }
    for (int f = 0; f < nf; f++) {
        std::free(fields[f]);
    }
    std::free(fields);
    std::free(scalars);
    std::free(geometry);
    std::fclose(out);
    std::fclose(in);
    return 0;
}
