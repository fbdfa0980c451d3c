// A CPU stand-in for NVRTC (libnvrtc.so.12), beside the stand-in for the driver (fake_cuda.cpp):
// it "compiles" a program as NVRTC would at run time, checking what Stagger must get right (the
// target, no fused multiply-add, every #include given as an in-memory header), by compiling the
// same source with g++ through the CPU shim into $STAGGER_FAKE_CUDA_MODULES. Its "PTX" is the
// source text itself, which the driver stand-in finds that module by.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

typedef int nvrtcResult;

enum {
    NVRTC_SUCCESS = 0,
    NVRTC_ERROR_INVALID_INPUT = 3,
    NVRTC_ERROR_INVALID_PROGRAM = 4,
    NVRTC_ERROR_INVALID_OPTION = 5,
    NVRTC_ERROR_COMPILATION = 6,
};

namespace {

struct Program {
    std::string source;
    std::string name;
    std::vector<std::string> headers;
    std::vector<std::string> names;
    std::string log;
    bool compiled = false;
};

unsigned long long fnv1a(const std::string& s) {
    unsigned long long h = 14695981039346656037ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

bool write(const std::string& path, const std::string& text) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
        return false;
    }
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    return std::fclose(f) == 0 && ok;
}

}  // namespace

extern "C" {

nvrtcResult nvrtcVersion(int* major, int* minor) {
    *major = 12;
    *minor = 0;
    return NVRTC_SUCCESS;
}

const char* nvrtcGetErrorString(nvrtcResult result) {
    switch (result) {
        case NVRTC_SUCCESS: return "NVRTC_SUCCESS";
        case NVRTC_ERROR_INVALID_OPTION: return "NVRTC_ERROR_INVALID_OPTION";
        case NVRTC_ERROR_COMPILATION: return "NVRTC_ERROR_COMPILATION";
        default: return "NVRTC_ERROR (fake libnvrtc)";
    }
}

nvrtcResult nvrtcCreateProgram(void** program, const char* source, const char* name, int headers,
        const char* const* texts, const char* const* names) {
    if (program == nullptr || source == nullptr || headers < 0) {
        return NVRTC_ERROR_INVALID_INPUT;
    }
    Program* p = new Program();
    p->source = source;
    p->name = name != nullptr ? name : "program.cu";
    for (int h = 0; h < headers; h++) {
        p->headers.push_back(texts[h]);
        p->names.push_back(names[h]);
    }
    *program = p;
    return NVRTC_SUCCESS;
}

nvrtcResult nvrtcDestroyProgram(void** program) {
    if (program == nullptr || *program == nullptr) {
        return NVRTC_ERROR_INVALID_PROGRAM;
    }
    delete (Program*) *program;
    *program = nullptr;
    return NVRTC_SUCCESS;
}

nvrtcResult nvrtcCompileProgram(void* program, int count, const char* const* options) {
    Program* p = (Program*) program;
    if (p == nullptr) {
        return NVRTC_ERROR_INVALID_PROGRAM;
    }
    bool target = false;
    bool noFma = false;
    for (int i = 0; i < count; i++) {
        std::string o = options[i];
        if (o == "--gpu-architecture=compute_75" || o == "-arch=compute_75") {
            target = true;
        } else if (o == "--fmad=false" || o == "-fmad=false") {
            noFma = true;
        }
    }
    if (!target || !noFma) {
        p->log = "fake nvrtc: Stagger compiles for compute_75 without fused multiply-add";
        return NVRTC_ERROR_INVALID_OPTION;
    }
    const char* modules = std::getenv("STAGGER_FAKE_CUDA_MODULES");
    if (modules == nullptr) {
        p->log = "fake nvrtc: STAGGER_FAKE_CUDA_MODULES is not set";
        return NVRTC_ERROR_COMPILATION;
    }
    char dir[] = "/tmp/fake-nvrtc-XXXXXX";
    if (mkdtemp(dir) == nullptr) {
        p->log = "fake nvrtc: no temporary folder";
        return NVRTC_ERROR_COMPILATION;
    }
    std::string work = dir;
    // an #include that was not given as a header fails here, as with NVRTC (no include path)
    for (size_t h = 0; h < p->headers.size(); h++) {
        write(work + "/" + p->names[h], p->headers[h]);
    }
    write(work + "/" + p->name, p->source);
    char target_[64];
    std::snprintf(target_, sizeof target_, "/%016llx.so", fnv1a(p->source));
    std::string out = std::string(modules) + target_;
    std::string partial = work + "/module.so";
    // no -I: a quoted #include finds only the headers given, in the source's folder
    std::string command = "cd '" + work + "' && g++ -x c++ -std=c++17 -O1 -ffp-contract=off -fPIC -shared"
            " -DSTAGGER_SHIM_LAUNCH '" + p->name + "' -o module.so -lpthread > log.txt 2>&1";
    int status = std::system(command.c_str());
    FILE* f = std::fopen((work + "/log.txt").c_str(), "rb");
    if (f != nullptr) {
        char buffer[4096];
        size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
            p->log.append(buffer, n);
        }
        std::fclose(f);
    }
    if (status != 0) {
        return NVRTC_ERROR_COMPILATION;
    }
    if (std::rename(partial.c_str(), out.c_str()) != 0) {
        p->log += "fake nvrtc: cannot move the module to " + out;
        return NVRTC_ERROR_COMPILATION;
    }
    std::system(("rm -rf '" + work + "'").c_str());
    p->compiled = true;
    return NVRTC_SUCCESS;
}

nvrtcResult nvrtcGetPTXSize(void* program, size_t* size) {
    Program* p = (Program*) program;
    if (p == nullptr || !p->compiled) {
        return NVRTC_ERROR_INVALID_PROGRAM;
    }
    *size = p->source.size() + 1;
    return NVRTC_SUCCESS;
}

nvrtcResult nvrtcGetPTX(void* program, char* ptx) {
    Program* p = (Program*) program;
    if (p == nullptr || !p->compiled) {
        return NVRTC_ERROR_INVALID_PROGRAM;
    }
    std::memcpy(ptx, p->source.c_str(), p->source.size() + 1);
    return NVRTC_SUCCESS;
}

nvrtcResult nvrtcGetProgramLogSize(void* program, size_t* size) {
    Program* p = (Program*) program;
    if (p == nullptr) {
        return NVRTC_ERROR_INVALID_PROGRAM;
    }
    *size = p->log.size() + 1;
    return NVRTC_SUCCESS;
}

nvrtcResult nvrtcGetProgramLog(void* program, char* log) {
    Program* p = (Program*) program;
    if (p == nullptr) {
        return NVRTC_ERROR_INVALID_PROGRAM;
    }
    std::memcpy(log, p->log.c_str(), p->log.size() + 1);
    return NVRTC_SUCCESS;
}

}  // extern "C"
