// The driver for builds without libFuzzer (gcc, MSVC, the CI): replays every
// file given, or every file in the folders given, through the target's
// LLVMFuzzerTestOneInput, whole and then cut at every length (for files up to
// 4 KiB), so truncated JSON, URLs and tokens are exercised too. With clang and
// -DEA_FUZZ=ON the same target sources link libFuzzer instead of this file.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

constexpr size_t kPrefixReplayLimit = 4096;

std::vector<uint8_t> readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        if (std::filesystem::is_directory(arg)) {
            for (const auto &entry : std::filesystem::recursive_directory_iterator(arg)) {
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            }
        } else {
            files.push_back(arg);
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n(no inputs found)\n", argv[0]);
        return 2;
    }
    size_t runs = 0;
    for (const auto &file : files) {
        const std::vector<uint8_t> data = readFile(file);
        // A copy of exactly `size` bytes, so a read past the end is caught by ASan.
        const auto run = [&runs](const uint8_t *bytes, size_t size) {
            std::vector<uint8_t> exact(bytes, bytes + size);
            LLVMFuzzerTestOneInput(exact.empty() ? nullptr : exact.data(), exact.size());
            ++runs;
        };
        run(data.data(), data.size());
        if (data.size() <= kPrefixReplayLimit) {
            for (size_t n = 0; n < data.size(); ++n)
                run(data.data(), n);
        }
    }
    std::printf("%s: %zu files, %zu runs, no crash\n", argv[0], files.size(), runs);
    return 0;
}
