#include "filespec.h"

#include "delimitedtext.h"
#include "imagespec.h"
#include "spec.h"
#include "textcheck.h"
#include "validation.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <new>
#include <stdexcept>

namespace klscope::import {

namespace {

constexpr std::string_view kFilePrefix = "file:";
constexpr std::string_view kSamplesPrefix = "samples:";

bool equalsIgnoringCase(std::string_view a, std::string_view b) noexcept
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// The value column (index into Table::values) that `column` selects, or an error.
Result<std::size_t> selectColumn(const Table &table, std::string_view column, Side side)
{
    const std::size_t valueColumns = table.values.size();
    if (column.empty())
        return valueColumns == 2 && side == Side::Q ? std::size_t{1} : std::size_t{0};
    const std::size_t firstValue = table.hasLabels() ? 1 : 0;
    for (std::size_t c = 0; c < table.header.size(); ++c)
        if (equalsIgnoringCase(table.header[c], column)) {
            if (c < firstValue)
                return makeError(table.fileName, 0,
                                 "the column '" + std::string(column) +
                                     "' holds the event labels, not values");
            return c - firstValue;
        }
    if ((column == "p" || column == "q") && valueColumns == 2)
        return column == "p" ? std::size_t{0} : std::size_t{1};
    if (const auto n = integerLabel(column)) {
        if (*n >= 1 && static_cast<std::size_t>(*n) <= table.columnCount) {
            if (static_cast<std::size_t>(*n) <= firstValue)
                return makeError(table.fileName, 0, "column 1 holds the event labels, not values");
            return static_cast<std::size_t>(*n) - 1 - firstValue;
        }
        return makeError(table.fileName, 0,
                         "there is no column " + std::string(column) + "; the file has " +
                             std::to_string(table.columnCount));
    }
    return makeError(table.fileName, 0,
                     "no column named '" + excerpt(column) + "'" +
                         (table.hasHeader ? std::string() : std::string(" (the file has no header line)")));
}

// A side as labelled masses, or plain masses (labels empty), after binning any samples.
struct Prepared
{
    const Source *source = nullptr;
    bool family = false;
    bool realHistogram = false;           ///< labels are intervals, not integers
    LabelledMasses binned;                ///< a histogram's masses and labels
    const LabelledMasses *data = nullptr; ///< &source->data, or &binned
};

LabelledMasses fromHistogram(const Histogram &h)
{
    LabelledMasses m;
    const double n = static_cast<double>(h.sampleCount);
    m.masses.reserve(h.counts.size());
    for (const double c : h.counts)
        m.masses.push_back(c / n);
    m.labels = h.labels;
    return m;
}

std::string samplesNote(const Source &s, const Histogram &h)
{
    return s.name + ": " + std::to_string(h.sampleCount) + " samples, " + h.binning.description;
}

// A side paired with a positional side (family or unlabelled list).
Result<Distribution> positional(const Prepared &side)
{
    if (side.family)
        return *side.source->distribution;
    if (side.data->labels.empty()) {
        auto c = makeCustom(side.source->name, side.data->masses);
        if (!c)
            return c.error();
        return Distribution(std::move(c).value());
    }
    if (side.realHistogram)
        return makeError(side.source->name, 0,
                         "a histogram of real values can only be compared with other samples (binned on the "
                         "same edges) or a labelled file");
    auto c = placeByIntegerLabel(*side.data, side.source->name);
    if (!c)
        return c.error();
    return Distribution(std::move(c).value());
}

} // namespace

bool isFileSpec(std::string_view spec) noexcept
{
    return spec.starts_with(kFilePrefix) || spec.starts_with(kSamplesPrefix);
}

std::string_view fileSpecHelp() noexcept
{
    return "    | file:PATH[,as=probabilities|counts|logits|logprobs][,column=C]\n"
           "    | samples:PATH[,bins=auto|integer|fd][,width=W][,column=C]\n"
           "file: reads CSV/TSV/semicolon/space-separated text with an optional header: one column of\n"
           "  values, 'event,value' rows or 'event,p,q' rows. as= says what the values are (default\n"
           "  probabilities, used as given; counts are normalised; logits go through softmax;\n"
           "  logprobs are exponentiated). column= is a column number (the label column counts), a header\n"
           "  name, or p/q; an 'event,p,q' file gives P its p column and Q its q column by default.\n"
           "samples: bins a column of observations: integer bins for whole numbers, else\n"
           "  Freedman-Diaconis (bins=fd), or width=W; two sample sides share their bin edges.\n"
           "Two labelled sides are aligned by label (a missing event has mass 0); a labelled file against\n"
           "a family puts the mass labelled x at event x.";
}

Result<FileSpec> parseFileSpec(std::string_view spec)
{
    FileSpec out;
    std::string_view rest;
    if (spec.starts_with(kFilePrefix)) {
        rest = spec.substr(kFilePrefix.size());
    } else if (spec.starts_with(kSamplesPrefix)) {
        out.samples = true;
        rest = spec.substr(kSamplesPrefix.size());
    } else {
        return specError(spec, "not a file: or samples: spec");
    }
    bool columnGiven = false, binsGiven = false, widthGiven = false;
    for (;;) {
        const std::size_t comma = rest.rfind(',');
        if (comma == std::string_view::npos)
            break;
        const std::string_view part = rest.substr(comma + 1);
        if (!looksLikeOption(part))
            break;
        rest = rest.substr(0, comma);
        const std::size_t eq = part.find('=');
        const std::string_view key = part.substr(0, eq);
        const std::string_view value = part.substr(eq + 1);
        auto once = [&](bool &given) {
            const bool repeated = given;
            given = true;
            return !repeated;
        };
        if (key == "as" && !out.samples) {
            if (!once(out.kindGiven))
                return specError(spec, "as= is given twice");
            const auto kind = parseValueKind(value);
            if (!kind)
                return specError(spec, "as must be probabilities, counts, logits or logprobs, got '" +
                                           excerpt(value) + "'");
            out.kind = *kind;
        } else if (key == "column") {
            if (!once(columnGiven))
                return specError(spec, "column= is given twice");
            if (value.empty())
                return specError(spec, "column= needs a column number or name");
            out.column = std::string(value);
        } else if (key == "bins" && out.samples) {
            if (!once(binsGiven))
                return specError(spec, "bins= is given twice");
            if (value == "auto")
                out.binning.rule = BinRule::Auto;
            else if (value == "integer")
                out.binning.rule = BinRule::Integer;
            else if (value == "fd" || value == "freedman-diaconis")
                out.binning.rule = BinRule::FreedmanDiaconis;
            else
                return specError(spec, "bins must be auto, integer or fd, got '" + excerpt(value) + "'");
        } else if (key == "width" && out.samples) {
            if (!once(widthGiven))
                return specError(spec, "width= is given twice");
            double w = 0;
            if (!parseDouble(value, w) || !(w > 0) || !std::isfinite(w))
                return specError(spec, "width must be a number above 0, got '" + excerpt(value) + "'");
            out.binning.width = w;
        } else {
            return specError(spec, "unknown option '" + excerpt(key) + "' (" +
                                       (out.samples ? "samples: takes bins=, width= and column="
                                                    : "file: takes as= and column=") +
                                       ")");
        }
    }
    if (binsGiven && widthGiven)
        return specError(spec, "give bins= or width=, not both");
    if (widthGiven)
        out.binning.rule = BinRule::Width;
    if (rest.empty())
        return specError(spec, "no file path");
    out.path = std::string(rest);
    return out;
}

Result<Source> loadSource(std::string_view spec, Side side)
{
    if (isImageSpec(spec))
        return loadImageSource(spec);
    Source source;
    try {
        if (!isFileSpec(spec)) {
            source.name = std::string(spec);
            try {
                source.distribution = parseSpec(spec);
            } catch (const std::invalid_argument &e) {
                return ImportError{e.what(), 0};
            }
            source.description = describe(*source.distribution);
            return source;
        }
        auto fileSpec = parseFileSpec(spec);
        if (!fileSpec)
            return fileSpec.error();
        auto table = readDelimitedFile(fileSpec->path);
        if (!table)
            return table.error();
        source.name = table->fileName;
        auto column = selectColumn(*table, fileSpec->column, side);
        if (!column)
            return column.error();
        const std::size_t v = *column;
        const std::size_t fileColumn = v + (table->hasLabels() ? 2 : 1);
        std::vector<double> &values = table->values[v];
        std::string columnText = "column " + std::to_string(fileColumn);
        if (table->hasHeader)
            columnText += " '" + table->header[fileColumn - 1] + "'";

        if (fileSpec->samples) {
            for (std::size_t i = 0; i < values.size(); ++i)
                if (!std::isfinite(values[i]))
                    return makeError(source.name, table->lines[i],
                                     "the sample '" + validation::formatNumber(values[i]) +
                                         "' is not a finite number (column " + std::to_string(fileColumn) +
                                         ")");
            source.type = Source::Type::Samples;
            source.samples = std::move(values);
            source.sampleLines = std::move(table->lines);
            source.binning = fileSpec->binning;
            source.description =
                source.name + ": " + std::to_string(source.samples.size()) + " samples (" + columnText + ")";
            return source;
        }

        auto masses = toMasses(values, fileSpec->kind, source.name, table->lines, fileColumn);
        if (!masses)
            return masses.error();
        source.type = Source::Type::Masses;
        source.sampleSize = masses->sampleSize;
        source.data.masses = std::move(masses).value().masses;
        source.data.labels = std::move(table->labels);
        source.data.lines = std::move(table->lines);
        // Repeated labels are found where the labels are used (alignByLabel, placeByIntegerLabel,
        // resolveSpec), each naming both lines, so a million labels are hashed once, not twice.
        source.description = source.name + ": " + std::to_string(source.data.masses.size()) + " events (" +
                             columnText + ") read as " + std::string(valueKindKeyword(fileSpec->kind));
        if (fileSpec->kind == ValueKind::Counts)
            source.description += ", sample size " + validation::formatNumber(source.sampleSize);
        return source;
    } catch (const std::bad_alloc &) {
        return ImportError{"not enough memory to read '" + excerpt(spec, 80) + "'", 0};
    }
}

Result<ResolvedPair> pairSources(const Source &p, const Source &q)
{
    try {
        // Two images are compared bin by bin, so they must be binned alike.
        if (p.imageBins > 0 && q.imageBins > 0 && p.imageBins != q.imageBins)
            return makeError(p.name + " and " + q.name, 0,
                             "the images are binned differently (" + std::to_string(p.imageBins) + " and " +
                                 std::to_string(q.imageBins) + " bins); give the same bins= on both sides");
        Prepared sides[2];
        std::vector<std::string> notes;
        const Source *sources[2] = {&p, &q};
        for (int i = 0; i < 2; ++i) {
            sides[i].source = sources[i];
            sides[i].family = sources[i]->type == Source::Type::Family;
            sides[i].data = &sources[i]->data;
        }
        // Samples: bin both together when both are samples, else each alone.
        if (p.type == Source::Type::Samples && q.type == Source::Type::Samples) {
            // One binning serves both sides, so two different explicit choices cannot both be honoured.
            BinningOptions options = p.binning;
            if (options.rule == BinRule::Auto)
                options = q.binning;
            else if (q.binning.rule != BinRule::Auto &&
                     (q.binning.rule != p.binning.rule || q.binning.width != p.binning.width))
                return makeError(
                    p.name + " and " + q.name, 0,
                    "P and Q ask for different bins, but two sample sets share one binning; give "
                    "bins= or width= on one side only, or the same on both");
            auto histograms = binSamplesTogether(p.samples, q.samples, options, p.name, q.name);
            if (!histograms)
                return histograms.error();
            const Histogram *h[2] = {&histograms->first, &histograms->second};
            for (int i = 0; i < 2; ++i) {
                sides[i].binned = fromHistogram(*h[i]);
                notes.push_back(samplesNote(*sources[i], *h[i]));
            }
            // Equal edges: the histograms are already aligned bin by bin.
            auto pc =
                makeCustom(p.name, std::move(sides[0].binned.masses), std::move(sides[0].binned.labels));
            if (!pc)
                return pc.error();
            // Equal edges give equal labels: Q shares P's.
            auto qc = makeCustom(q.name, std::move(sides[1].binned.masses), *pc);
            if (!qc)
                return qc.error();
            notes.push_back("P and Q are binned on the same edges.");
            return ResolvedPair{std::move(pc).value(), std::move(qc).value(), std::move(notes)};
        }
        for (int i = 0; i < 2; ++i) {
            if (sources[i]->type != Source::Type::Samples) {
                if (sources[i]->type == Source::Type::Masses)
                    notes.push_back(sources[i]->description);
                continue;
            }
            auto h = binSamples(sources[i]->samples, sources[i]->binning, sources[i]->name);
            if (!h)
                return h.error();
            sides[i].binned = fromHistogram(*h);
            sides[i].data = &sides[i].binned;
            sides[i].realHistogram = !h->binning.integer;
            notes.push_back(samplesNote(*sources[i], *h));
        }

        const bool labelled[2] = {!sides[0].family && !sides[0].data->labels.empty(),
                                  !sides[1].family && !sides[1].data->labels.empty()};
        if (labelled[0] && labelled[1]) {
            auto aligned = alignByLabel(*sides[0].data, *sides[1].data, p.name, q.name);
            if (!aligned)
                return aligned.error();
            std::string note =
                "Aligned by label on " + std::to_string(aligned->labels().size()) + " events (" +
                (aligned->order == LabelOrder::Numeric ? "numeric order" : "order of first appearance");
            note += "); " + std::to_string(aligned->onlyInP) + " only in P and " +
                    std::to_string(aligned->onlyInQ) + " only in Q, with mass 0 on the other side.";
            notes.push_back(std::move(note));
            return ResolvedPair{std::move(aligned->p), std::move(aligned->q), std::move(notes)};
        }
        auto pd = positional(sides[0]);
        if (!pd)
            return pd.error();
        auto qd = positional(sides[1]);
        if (!qd)
            return qd.error();
        // Labels placed by value are the event numbers themselves, so there is nothing more to name.
        return ResolvedPair{std::move(pd).value(), std::move(qd).value(), std::move(notes)};
    } catch (const std::bad_alloc &) {
        return ImportError{"not enough memory to pair P and Q", 0};
    }
}

std::span<const std::string> ResolvedPair::labels() const noexcept
{
    for (const Distribution *d : {&p, &q})
        if (const auto *c = std::get_if<Custom>(d); c && !c->labels().empty())
            return c->labels();
    return {};
}

Result<ResolvedPair> resolveSpecs(std::string_view pSpec, std::string_view qSpec)
{
    auto p = loadSource(pSpec, Side::P);
    if (!p)
        return p.error();
    auto q = loadSource(qSpec, Side::Q);
    if (!q)
        return q.error();
    return pairSources(*p, *q);
}

Result<Distribution> resolveSpec(std::string_view spec, Side side)
{
    auto source = loadSource(spec, side);
    if (!source)
        return source.error();
    try {
        Prepared prepared;
        prepared.source = &*source;
        prepared.family = source->type == Source::Type::Family;
        prepared.data = &source->data;
        if (source->type == Source::Type::Samples) {
            auto h = binSamples(source->samples, source->binning, source->name);
            if (!h)
                return h.error();
            prepared.binned = fromHistogram(*h);
            prepared.data = &prepared.binned;
            prepared.realHistogram = !h->binning.integer;
        }
        const bool byValue =
            !prepared.data->labels.empty() && !prepared.realHistogram &&
            std::all_of(prepared.data->labels.begin(), prepared.data->labels.end(), [](const std::string &l) {
                const auto v = integerLabel(l);
                return v && *v >= 0 && static_cast<std::uint64_t>(*v) < kMaxEvents;
            });
        if (prepared.family || prepared.data->labels.empty() || byValue)
            return positional(prepared);
        auto c = makeCustom(source->name, prepared.data->masses, prepared.data->labels);
        if (!c) {
            // Custom checks the labels anyway; only on failure is it worth hashing them again to name
            // the lines of a repeated label.
            if (auto duplicate = findDuplicateLabel(*prepared.data, source->name))
                return *duplicate;
            return c.error();
        }
        return Distribution(std::move(c).value());
    } catch (const std::bad_alloc &) {
        return ImportError{"not enough memory to read '" + excerpt(spec, 80) + "'", 0};
    }
}

} // namespace klscope::import
