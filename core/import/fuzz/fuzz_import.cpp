// libFuzzer target: any bytes as a distribution file. Parses them, then runs every value kind, every
// binning rule and the label alignment on what was read, and checks the promises of the headers: no
// crash, no sanitizer report, an error that names the file, and masses that are finite, >= 0 and (for
// counts, logits) sum to 1.

#include "delimitedtext.h"
#include "histogram.h"
#include "labelalignment.h"
#include "valuekind.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

using namespace klscope::import;

namespace {

constexpr std::string_view kName = "fuzz.csv";

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz-import: broken promise: %s\n", what);
        std::abort();
    }
}

void requireNamed(const ImportError &e)
{
    require(e.message.starts_with(kName), "an error message names the file");
}

void checkMasses(std::span<const double> values, ValueKind kind, const Table &table, std::size_t column)
{
    auto masses = toMasses(values, kind, kName, table.lines, column);
    if (!masses) {
        requireNamed(masses.error());
        return;
    }
    require(masses->masses.size() == values.size(), "one mass per value");
    double sum = 0;
    for (const double m : masses->masses) {
        require(std::isfinite(m) && m >= 0, "masses are finite and >= 0");
        sum += m;
    }
    if (kind == ValueKind::Counts || kind == ValueKind::Logits)
        require(std::fabs(sum - 1) < 1e-9, "counts and logits give masses that sum to 1");
    if (kind == ValueKind::Counts)
        require(masses->sampleSize > 0, "counts report their sample size");
}

void checkHistogram(const Result<Histogram> &h, std::size_t samples)
{
    if (!h)
        return;
    require(h->counts.size() == h->binning.count && h->labels.size() == h->counts.size(),
            "one label per bin");
    require(h->sampleCount == samples, "every sample is counted");
    double total = 0;
    for (const double c : h->counts)
        total += c;
    require(total == static_cast<double>(samples), "the counts add up to the sample count");
}

void checkBinning(std::span<const double> values)
{
    const BinRule rules[] = {BinRule::Auto, BinRule::Integer, BinRule::FreedmanDiaconis};
    for (const BinRule rule : rules)
        checkHistogram(binSamples(values, {rule, 0}, kName), values.size());
    // A width from the data itself, so the fuzzer can steer it to extremes.
    const double width = values.empty() ? 1 : std::fabs(values.front());
    checkHistogram(binSamples(values, {BinRule::Width, width}, kName), values.size());
    checkHistogram(binSamples(values, {BinRule::Width, 0.5}, kName), values.size());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto table = parseDelimitedText(text, kName);
    if (!table) {
        requireNamed(table.error());
        return 0;
    }
    require(table->columnCount >= 1 && table->columnCount <= 3, "one to three columns");
    require(table->values.size() == (table->columnCount == 3 ? 2u : 1u), "value columns match the shape");
    for (const auto &column : table->values) {
        require(column.size() == table->rowCount(), "one value per row");
        for (const double v : column)
            require(!std::isnan(v) && v != HUGE_VAL, "no NaN or +inf gets through the parser");
    }
    require(table->labels.size() == (table->hasLabels() ? table->rowCount() : 0u), "one label per row");

    for (std::size_t c = 0; c < table->values.size(); ++c) {
        const std::size_t fileColumn = c + (table->hasLabels() ? 2 : 1);
        for (const ValueKind kind :
             {ValueKind::Probabilities, ValueKind::Counts, ValueKind::Logits, ValueKind::LogProbabilities})
            checkMasses(table->values[c], kind, *table, fileColumn);
        checkBinning(table->values[c]);
    }
    if (table->values.size() == 2) {
        auto both = binSamplesTogether(table->values[0], table->values[1], {}, "p.csv", "q.csv");
        if (both) {
            checkHistogram(both->first, table->rowCount());
            checkHistogram(both->second, table->rowCount());
            require(both->first.labels == both->second.labels, "samples binned together share their bins");
        }
    }

    if (table->hasLabels()) {
        auto masses = toMasses(table->values[0], ValueKind::Counts, kName, table->lines);
        if (!masses)
            return 0;
        LabelledMasses p{table->labels, masses->masses, table->lines};
        (void)findDuplicateLabel(p, kName);
        (void)placeByIntegerLabel(p, kName);
        // Q: the same events with the last one missing and a new one, so the union differs from both.
        LabelledMasses q = p;
        q.labels.back() += "'";
        auto aligned = alignByLabel(p, q, "p.csv", "q.csv");
        if (aligned) {
            require(aligned->p.masses().size() == aligned->q.masses().size(),
                    "aligned sides have equal size");
            require(aligned->labels().size() == aligned->p.masses().size(), "one label per aligned event");
        }
    }
    return 0;
}
