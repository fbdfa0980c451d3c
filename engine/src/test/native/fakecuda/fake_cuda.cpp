// A CPU stand-in for the few CUDA driver entry points Stagger's GPU backend uses, built as
// libcuda.so.1 and found by JCuda's native library through LD_LIBRARY_PATH in place of the NVIDIA
// driver. It lets the backend's host code (devices, contexts, memory, pinned buffers, modules,
// launches, streams, events, errors) run for real on a machine without a GPU; only the thinnest
// JCuda layer and the GPU itself stay untested (DESIGN section 6).
//
// Kernels: a module image is identified by the FNV-1a hash of its bytes; the stand-in loads
// $STAGGER_FAKE_CUDA_MODULES/<hash>.so, the same .cu compiled by g++ with stagger_cuda_shim.h and
// STAGGER_SHIM_LAUNCH, whose stagger_shim_launch(name, grid, block, params) runs a kernel from
// the driver's argument array and stagger_shim_arg_sizes(name, sizes, max) gives its arguments' sizes.
//
// What it checks, as a real device would fail: a call without a current context on its thread,
// copies outside an allocation, freeing what was not allocated, more memory than the device has,
// unknown functions. Streams are real threads with queues, so a host that reads a pinned buffer
// before synchronising sees stale data here as it would on a GPU.
//
// Settings: STAGGER_FAKE_CUDA_DEVICES (default 1), STAGGER_FAKE_CUDA_MEMORY (bytes per device,
// default 8 GiB), STAGGER_FAKE_CUDA_CAPABILITY (default 75 for 7.5), STAGGER_FAKE_CUDA_LOG (a file
// that gets one line per launch and context).
#include <dlfcn.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

typedef int CUresult;
typedef int CUdevice;
typedef unsigned long long CUdeviceptr;

enum {
    OK = 0,
    INVALID_VALUE = 1,
    OUT_OF_MEMORY = 2,
    NOT_INITIALIZED = 3,
    NO_DEVICE = 100,
    INVALID_DEVICE = 101,
    INVALID_IMAGE = 200,
    INVALID_CONTEXT = 201,
    INVALID_HANDLE = 400,
    NOT_FOUND = 500,
    NOT_READY = 600,
    LAUNCH_FAILED = 719,
};

namespace {

struct Context {
    int device;
};

struct Stream;

struct Event {
    std::mutex lock;
    std::condition_variable changed;
    unsigned long long recorded = 0;  // records asked for
    unsigned long long reached = 0;   // records that happened
    std::chrono::steady_clock::time_point when;
};

struct Stream {
    std::mutex lock;
    std::condition_variable changed;
    std::deque<std::function<void()>> work;
    bool busy = false;
    bool closing = false;
    std::thread worker;

    Stream() {
        worker = std::thread([this] { loop(); });
    }

    void loop() {
        std::unique_lock<std::mutex> l(lock);
        while (true) {
            changed.wait(l, [this] { return closing || !work.empty(); });
            if (work.empty()) {
                return;
            }
            std::function<void()> next = std::move(work.front());
            work.pop_front();
            busy = true;
            l.unlock();
            next();
            l.lock();
            busy = false;
            changed.notify_all();
        }
    }

    void add(std::function<void()> op) {
        std::lock_guard<std::mutex> l(lock);
        work.push_back(std::move(op));
        changed.notify_all();
    }

    void drain() {
        std::unique_lock<std::mutex> l(lock);
        changed.wait(l, [this] { return work.empty() && !busy; });
    }

    bool idle() {
        std::lock_guard<std::mutex> l(lock);
        return work.empty() && !busy;
    }

    void close() {
        {
            std::lock_guard<std::mutex> l(lock);
            closing = true;
            changed.notify_all();
        }
        worker.join();
    }
};

typedef int (*ShimLaunch)(const char*, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, void**);
typedef int (*ShimSizes)(const char*, int*, int);

struct Module {
    void* library;
    ShimLaunch launch;
    ShimSizes sizes;
};

struct Function {
    Module* module;
    std::string name;
};

std::mutex state;
bool initialised = false;
int deviceCount = 1;
int capability = 75;
unsigned long long memoryPerDevice = 8ULL << 30;
unsigned long long used[64];
std::map<uintptr_t, std::pair<size_t, int>> allocations;  // address -> bytes, device
std::set<uintptr_t> pinned;
std::set<Stream*> streams;
std::set<Context*> contexts;
Context* primary[64];
thread_local Context* current = nullptr;
FILE* log = nullptr;
std::mutex logLock;

void note(const char* format, const std::string& a, unsigned long long b = 0) {
    if (log != nullptr) {
        std::lock_guard<std::mutex> l(logLock);
        std::fprintf(log, format, a.c_str(), b);
        std::fputc('\n', log);
        std::fflush(log);
    }
}

// Whether [p, p + n) lies inside one device allocation.
bool inside(CUdeviceptr p, size_t n) {
    std::lock_guard<std::mutex> l(state);
    auto it = allocations.upper_bound((uintptr_t) p);
    if (it == allocations.begin()) {
        return false;
    }
    --it;
    return p >= it->first && p + n <= it->first + it->second.first;
}

void drainAll() {
    std::set<Stream*> all;
    {
        std::lock_guard<std::mutex> l(state);
        all = streams;
    }
    for (Stream* s : all) {
        s->drain();
    }
}

// Runs op on a stream in its order; on the legacy default stream (null) after all other work.
CUresult enqueue(void* stream, std::function<void()> op) {
    if (stream == nullptr) {
        drainAll();
        op();
        return OK;
    }
    Stream* s = (Stream*) stream;
    {
        std::lock_guard<std::mutex> l(state);
        if (streams.count(s) == 0) {
            return INVALID_HANDLE;
        }
    }
    s->add(std::move(op));
    return OK;
}

unsigned long long fnv1a(const unsigned char* p, size_t n) {
    unsigned long long h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

#define NEED_CONTEXT()            \
    if (!initialised) {           \
        return NOT_INITIALIZED;   \
    }                             \
    if (current == nullptr) {     \
        return INVALID_CONTEXT;   \
    }

}  // namespace

extern "C" {

CUresult cuInit(unsigned int flags) {
    if (flags != 0) {
        return INVALID_VALUE;
    }
    std::lock_guard<std::mutex> l(state);
    const char* n = std::getenv("STAGGER_FAKE_CUDA_DEVICES");
    deviceCount = n != nullptr ? std::atoi(n) : 1;
    if (deviceCount > 64) {
        deviceCount = 64;
    }
    const char* m = std::getenv("STAGGER_FAKE_CUDA_MEMORY");
    if (m != nullptr) {
        memoryPerDevice = std::strtoull(m, nullptr, 10);
    }
    const char* cc = std::getenv("STAGGER_FAKE_CUDA_CAPABILITY");
    if (cc != nullptr) {
        capability = std::atoi(cc);
    }
    const char* file = std::getenv("STAGGER_FAKE_CUDA_LOG");
    if (file != nullptr && log == nullptr) {
        log = std::fopen(file, "a");
    }
    initialised = true;
    return deviceCount > 0 ? OK : NO_DEVICE;
}

CUresult cuDriverGetVersion(int* version) {
    if (version == nullptr) {
        return INVALID_VALUE;
    }
    *version = 12000;
    return OK;
}

CUresult cuDeviceGetCount(int* count) {
    if (!initialised) {
        return NOT_INITIALIZED;
    }
    *count = deviceCount;
    return OK;
}

CUresult cuDeviceGet(CUdevice* device, int ordinal) {
    if (!initialised) {
        return NOT_INITIALIZED;
    }
    if (ordinal < 0 || ordinal >= deviceCount) {
        return INVALID_DEVICE;
    }
    *device = ordinal;
    return OK;
}

CUresult cuDeviceGetName(char* name, int length, CUdevice device) {
    if (device < 0 || device >= deviceCount) {
        return INVALID_DEVICE;
    }
    std::snprintf(name, (size_t) length, "Stagger CPU stand-in %d", device);
    return OK;
}

CUresult cuDeviceTotalMem_v2(size_t* bytes, CUdevice device) {
    if (device < 0 || device >= deviceCount) {
        return INVALID_DEVICE;
    }
    *bytes = memoryPerDevice;
    return OK;
}

CUresult cuDeviceGetAttribute(int* value, int attribute, CUdevice device) {
    if (device < 0 || device >= deviceCount) {
        return INVALID_DEVICE;
    }
    switch (attribute) {
        case 1: *value = 1024; break;   // max threads per block
        case 16: *value = 4; break;     // multiprocessors
        case 75: *value = capability / 10; break; // compute capability major
        case 76: *value = capability % 10; break; // compute capability minor
        case 36: *value = 1215000; break; // memory clock (kHz)
        case 37: *value = 256; break;   // memory bus width (bits)
        default: *value = 0;
    }
    return OK;
}

CUresult cuDevicePrimaryCtxRetain(void** context, CUdevice device) {
    if (!initialised) {
        return NOT_INITIALIZED;
    }
    if (device < 0 || device >= deviceCount) {
        return INVALID_DEVICE;
    }
    std::lock_guard<std::mutex> l(state);
    if (primary[device] == nullptr) {
        primary[device] = new Context{device};
        contexts.insert(primary[device]);
    }
    *context = primary[device];
    return OK;
}

CUresult cuDevicePrimaryCtxRelease_v2(CUdevice device) {
    if (device < 0 || device >= deviceCount) {
        return INVALID_DEVICE;
    }
    return OK;
}

CUresult cuCtxCreate_v2(void** context, unsigned int flags, CUdevice device) {
    (void) flags;
    if (!initialised) {
        return NOT_INITIALIZED;
    }
    if (device < 0 || device >= deviceCount) {
        return INVALID_DEVICE;
    }
    Context* c = new Context{device};
    {
        std::lock_guard<std::mutex> l(state);
        contexts.insert(c);
    }
    current = c;
    *context = c;
    return OK;
}

CUresult cuCtxDestroy_v2(void* context) {
    std::lock_guard<std::mutex> l(state);
    if (contexts.erase((Context*) context) == 0) {
        return INVALID_CONTEXT;
    }
    if (current == context) {
        current = nullptr;
    }
    return OK;
}

CUresult cuCtxSetCurrent(void* context) {
    std::lock_guard<std::mutex> l(state);
    if (context != nullptr && contexts.count((Context*) context) == 0) {
        return INVALID_CONTEXT;
    }
    current = (Context*) context;
    note("context %s", std::to_string(current == nullptr ? -1 : current->device));
    return OK;
}

CUresult cuCtxGetCurrent(void** context) {
    *context = current;
    return OK;
}

CUresult cuCtxGetDevice(CUdevice* device) {
    NEED_CONTEXT();
    *device = current->device;
    return OK;
}

CUresult cuCtxSynchronize() {
    NEED_CONTEXT();
    drainAll();
    return OK;
}

CUresult cuMemGetInfo_v2(size_t* free, size_t* total) {
    NEED_CONTEXT();
    std::lock_guard<std::mutex> l(state);
    *total = memoryPerDevice;
    *free = memoryPerDevice - used[current->device];
    return OK;
}

CUresult cuMemAlloc_v2(CUdeviceptr* p, size_t bytes) {
    NEED_CONTEXT();
    if (bytes == 0) {
        return INVALID_VALUE;
    }
    std::lock_guard<std::mutex> l(state);
    int d = current->device;
    if (used[d] + bytes > memoryPerDevice) {
        return OUT_OF_MEMORY;
    }
    // filled with 0xFF bytes (NaN in both precisions), so reading memory never written shows
    void* m = std::malloc(bytes);
    if (m == nullptr) {
        return OUT_OF_MEMORY;
    }
    std::memset(m, 0xFF, bytes);
    used[d] += bytes;
    allocations[(uintptr_t) m] = {bytes, d};
    *p = (CUdeviceptr) (uintptr_t) m;
    return OK;
}

CUresult cuMemFree_v2(CUdeviceptr p) {
    NEED_CONTEXT();
    drainAll();
    std::lock_guard<std::mutex> l(state);
    auto it = allocations.find((uintptr_t) p);
    if (it == allocations.end()) {
        return INVALID_VALUE;
    }
    used[it->second.second] -= it->second.first;
    allocations.erase(it);
    std::free((void*) (uintptr_t) p);
    return OK;
}

CUresult cuMemHostAlloc(void** p, size_t bytes, unsigned int flags) {
    (void) flags;
    NEED_CONTEXT();
    void* m = nullptr;
    if (posix_memalign(&m, 4096, bytes == 0 ? 1 : bytes) != 0) {
        return OUT_OF_MEMORY;
    }
    std::memset(m, 0xFF, bytes);
    std::lock_guard<std::mutex> l(state);
    pinned.insert((uintptr_t) m);
    *p = m;
    return OK;
}

CUresult cuMemAllocHost_v2(void** p, size_t bytes) {
    return cuMemHostAlloc(p, bytes, 0);
}

CUresult cuMemFreeHost(void* p) {
    NEED_CONTEXT();
    drainAll();
    std::lock_guard<std::mutex> l(state);
    if (pinned.erase((uintptr_t) p) == 0) {
        return INVALID_VALUE;
    }
    std::free(p);
    return OK;
}

CUresult cuMemcpyHtoDAsync_v2(CUdeviceptr to, const void* from, size_t bytes, void* stream) {
    NEED_CONTEXT();
    if (!inside(to, bytes)) {
        return INVALID_VALUE;
    }
    return enqueue(stream, [=] { std::memcpy((void*) (uintptr_t) to, from, bytes); });
}

CUresult cuMemcpyDtoHAsync_v2(void* to, CUdeviceptr from, size_t bytes, void* stream) {
    NEED_CONTEXT();
    if (!inside(from, bytes)) {
        return INVALID_VALUE;
    }
    return enqueue(stream, [=] { std::memcpy(to, (const void*) (uintptr_t) from, bytes); });
}

CUresult cuMemcpyDtoDAsync_v2(CUdeviceptr to, CUdeviceptr from, size_t bytes, void* stream) {
    NEED_CONTEXT();
    if (!inside(to, bytes) || !inside(from, bytes)) {
        return INVALID_VALUE;
    }
    return enqueue(stream, [=] { std::memmove((void*) (uintptr_t) to, (const void*) (uintptr_t) from, bytes); });
}

CUresult cuMemcpyHtoD_v2(CUdeviceptr to, const void* from, size_t bytes) {
    return cuMemcpyHtoDAsync_v2(to, from, bytes, nullptr);
}

CUresult cuMemcpyDtoH_v2(void* to, CUdeviceptr from, size_t bytes) {
    return cuMemcpyDtoHAsync_v2(to, from, bytes, nullptr);
}

CUresult cuMemcpyDtoD_v2(CUdeviceptr to, CUdeviceptr from, size_t bytes) {
    return cuMemcpyDtoDAsync_v2(to, from, bytes, nullptr);
}

CUresult cuMemsetD8_v2(CUdeviceptr p, unsigned char value, size_t n) {
    NEED_CONTEXT();
    if (!inside(p, n)) {
        return INVALID_VALUE;
    }
    return enqueue(nullptr, [=] { std::memset((void*) (uintptr_t) p, value, n); });
}

CUresult cuStreamCreate(void** stream, unsigned int flags) {
    (void) flags;
    NEED_CONTEXT();
    Stream* s = new Stream();
    std::lock_guard<std::mutex> l(state);
    streams.insert(s);
    *stream = s;
    return OK;
}

CUresult cuStreamDestroy_v2(void* stream) {
    NEED_CONTEXT();
    Stream* s = (Stream*) stream;
    {
        std::lock_guard<std::mutex> l(state);
        if (streams.erase(s) == 0) {
            return INVALID_HANDLE;
        }
    }
    s->drain();
    s->close();
    delete s;
    return OK;
}

CUresult cuStreamSynchronize(void* stream) {
    NEED_CONTEXT();
    if (stream == nullptr) {
        drainAll();
        return OK;
    }
    Stream* s = (Stream*) stream;
    {
        std::lock_guard<std::mutex> l(state);
        if (streams.count(s) == 0) {
            return INVALID_HANDLE;
        }
    }
    s->drain();
    return OK;
}

CUresult cuStreamQuery(void* stream) {
    NEED_CONTEXT();
    return stream == nullptr || ((Stream*) stream)->idle() ? OK : NOT_READY;
}

CUresult cuEventCreate(void** event, unsigned int flags) {
    (void) flags;
    NEED_CONTEXT();
    *event = new Event();
    return OK;
}

CUresult cuEventDestroy_v2(void* event) {
    NEED_CONTEXT();
    delete (Event*) event;
    return OK;
}

CUresult cuEventRecord(void* event, void* stream) {
    NEED_CONTEXT();
    Event* e = (Event*) event;
    unsigned long long generation;
    {
        std::lock_guard<std::mutex> l(e->lock);
        generation = ++e->recorded;
    }
    return enqueue(stream, [e, generation] {
        std::lock_guard<std::mutex> l(e->lock);
        e->when = std::chrono::steady_clock::now();
        if (generation > e->reached) {
            e->reached = generation;
        }
        e->changed.notify_all();
    });
}

CUresult cuEventSynchronize(void* event) {
    NEED_CONTEXT();
    Event* e = (Event*) event;
    std::unique_lock<std::mutex> l(e->lock);
    unsigned long long wanted = e->recorded;
    e->changed.wait(l, [e, wanted] { return e->reached >= wanted; });
    return OK;
}

CUresult cuEventQuery(void* event) {
    NEED_CONTEXT();
    Event* e = (Event*) event;
    std::lock_guard<std::mutex> l(e->lock);
    return e->reached >= e->recorded ? OK : NOT_READY;
}

CUresult cuEventElapsedTime(float* ms, void* start, void* end) {
    NEED_CONTEXT();
    Event* a = (Event*) start;
    Event* b = (Event*) end;
    std::lock_guard<std::mutex> la(a->lock);
    if (a->reached == 0 || a->reached < a->recorded) {
        return NOT_READY;
    }
    std::lock_guard<std::mutex> lb(b->lock);
    if (b->reached == 0 || b->reached < b->recorded) {
        return NOT_READY;
    }
    *ms = std::chrono::duration<float, std::milli>(b->when - a->when).count();
    return OK;
}

CUresult cuStreamWaitEvent(void* stream, void* event, unsigned int flags) {
    (void) flags;
    NEED_CONTEXT();
    Event* e = (Event*) event;
    unsigned long long wanted;
    {
        std::lock_guard<std::mutex> l(e->lock);
        wanted = e->recorded;
    }
    return enqueue(stream, [e, wanted] {
        std::unique_lock<std::mutex> l(e->lock);
        e->changed.wait(l, [e, wanted] { return e->reached >= wanted; });
    });
}

CUresult cuModuleLoadData(void** module, const void* image) {
    NEED_CONTEXT();
    const char* dir = std::getenv("STAGGER_FAKE_CUDA_MODULES");
    if (dir == nullptr || image == nullptr) {
        return INVALID_IMAGE;
    }
    unsigned long long hash = fnv1a((const unsigned char*) image, std::strlen((const char*) image));
    char path[4096];
    std::snprintf(path, sizeof path, "%s/%016llx.so", dir, hash);
    void* library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
        note("no module %s", path);
        return INVALID_IMAGE;
    }
    ShimLaunch launch = (ShimLaunch) dlsym(library, "stagger_shim_launch");
    ShimSizes sizes = (ShimSizes) dlsym(library, "stagger_shim_arg_sizes");
    if (launch == nullptr || sizes == nullptr) {
        return INVALID_IMAGE;
    }
    note("module %s", path);
    *module = new Module{library, launch, sizes};
    return OK;
}

CUresult cuModuleLoadDataEx(void** module, const void* image, unsigned int n, void* options, void** values) {
    (void) n;
    (void) options;
    (void) values;
    return cuModuleLoadData(module, image);
}

CUresult cuModuleUnload(void* module) {
    NEED_CONTEXT();
    drainAll();
    Module* m = (Module*) module;
    dlclose(m->library);
    delete m;
    return OK;
}

CUresult cuModuleGetFunction(void** function, void* module, const char* name) {
    NEED_CONTEXT();
    Module* m = (Module*) module;
    if (dlsym(m->library, name) == nullptr) {
        return NOT_FOUND;
    }
    *function = new Function{m, name};
    return OK;
}

CUresult cuLaunchKernel(void* function, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by,
        unsigned bz, unsigned shared, void* stream, void** params, void** extra) {
    NEED_CONTEXT();
    if (function == nullptr || params == nullptr || extra != nullptr || shared != 0) {
        return INVALID_VALUE;
    }
    if ((unsigned long long) bx * by * bz > 1024 || gx == 0 || gy == 0 || gz == 0 || bx == 0 || by == 0 || bz == 0) {
        return INVALID_VALUE;
    }
    Function* f = (Function*) function;
    // the driver copies the argument values at launch (the host's may not outlive the call): the
    // shim says how many arguments the kernel has and the size of each
    int sizes[32];
    int n = f->module->sizes(f->name.c_str(), sizes, 32);
    if (n < 0) {
        return NOT_FOUND;
    }
    struct Saved {
        unsigned char v[32][8];
    };
    Saved saved;
    for (int i = 0; i < n; i++) {
        std::memset(saved.v[i], 0, 8);
        std::memcpy(saved.v[i], params[i], (size_t) sizes[i]);
    }
    std::string name = f->name;
    ShimLaunch launch = f->module->launch;
    note("launch %s %llu", name, (unsigned long long) gx * gy * gz);
    return enqueue(stream, [=]() mutable {
        void* p[32];
        for (int i = 0; i < n; i++) {
            p[i] = saved.v[i];
        }
        if (launch(name.c_str(), gx, gy, gz, bx, by, bz, p) != 0) {
            std::fprintf(stderr, "fake libcuda: launch of %s failed\n", name.c_str());
            std::abort();
        }
    });
}

CUresult cuGetErrorName(CUresult error, const char** text) {
    *text = error == OK ? "CUDA_SUCCESS" : "CUDA_ERROR (fake libcuda)";
    return OK;
}

CUresult cuGetErrorString(CUresult error, const char** text) {
    return cuGetErrorName(error, text);
}

}  // extern "C"
