// klscope-cli bench --vae: writes a 10^5 x 512 encoder-output CSV (10^5 rows, columns mu_1..mu_512,
// logvar_1..logvar_512, four significant digits, seeded) to a temporary file, then times loadVaeCsv on it,
// which reads, parses and summarises it (median of 3 runs). The file is removed afterwards.

#include "multivariatecommands.h"

#include "cliutil.h"

#include "vaeterm.h"

#include <QDir>
#include <QTemporaryFile>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>
#include <vector>

namespace cli {

int benchVae(bool json)
{
    constexpr std::size_t kRows = 100000, kDimensions = 512;
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/klscope-vae-bench-XXXXXX.csv"));
    if (!file.open()) {
        printError(QStringLiteral("bench --vae: cannot create a temporary file in %1").arg(QDir::tempPath()));
        return kInvalidData;
    }
    std::string line;
    for (std::size_t i = 0; i < 2 * kDimensions; ++i)
        line.append(i ? "," : "")
            .append(i < kDimensions ? "mu_" : "logvar_")
            .append(std::to_string(i % kDimensions + 1));
    line += '\n';
    file.write(line.data(), qint64(line.size()));
    std::mt19937_64 random(12);
    std::normal_distribution<double> normal(0.0, 1.0);
    char number[32];
    for (std::size_t r = 0; r < kRows; ++r) {
        line.clear();
        for (std::size_t i = 0; i < 2 * kDimensions; ++i) {
            // Half the dimensions informative (mu ~ N(0, 1), logvar ~ -1), half collapsed (mu, logvar ~ 0).
            const bool active = (i % kDimensions) < kDimensions / 2;
            const double v = i < kDimensions ? (active ? normal(random) : 0.01 * normal(random))
                                             : (active ? -1.0 + 0.2 * normal(random) : 0.01 * normal(random));
            const auto end =
                std::to_chars(number, number + sizeof number, v, std::chars_format::general, 4).ptr;
            if (i)
                line += ',';
            line.append(number, end);
        }
        line += '\n';
        if (file.write(line.data(), qint64(line.size())) != qint64(line.size())) {
            printError(QStringLiteral("bench --vae: cannot write %1 (disk full?)").arg(file.fileName()));
            return kInvalidData;
        }
    }
    file.flush();
    const qint64 bytes = file.size();
    const std::string path = file.fileName().toStdString();
    std::vector<double> runs, cpu;
    double total = 0.0;
    for (int k = 0; k < 3; ++k) {
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpuStart = std::clock();
        const auto s = klscope::loadVaeCsv(path);
        cpu.push_back(1000.0 * double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
        runs.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        if (!s) {
            printError(QString::fromStdString(s.error().message));
            return kInvalidData;
        }
        total = s.value().total;
    }
    std::sort(runs.begin(), runs.end());
    std::sort(cpu.begin(), cpu.end());
    char buffer[400];
    if (json)
        std::snprintf(
            buffer, sizeof buffer,
            "{\"benchmark\":\"vae\",\"rows\":%zu,\"dimensions\":%zu,\"file_mb\":%.1f,\"vae_load_ms\":%.1f,"
            "\"min_ms\":%.1f,\"cpu_ms\":%.1f,\"total_nats\":%.6f}\n",
            kRows, kDimensions, double(bytes) / 1048576.0, runs[1], runs[0], cpu[1], total);
    else
        std::snprintf(
            buffer, sizeof buffer,
            "VAE term of a %zu x %zu encoder-output CSV (%.1f MiB): load and summarise median %.1f ms "
            "(min %.1f ms, 3 runs; CPU time median %.1f ms); total %.6f nats\n",
            kRows, kDimensions, double(bytes) / 1048576.0, runs[1], runs[0], cpu[1], total);
    writeOut(buffer);
    return 0;
}

} // namespace cli
