#include "distributionimport.h"

#include "corecall.h"
#include "custom.h"
#include "filespec.h"
#include "imagespec.h"
#include "labelalignment.h"

#include <QCoreApplication>
#include <QFile>

#include <cmath>
#include <new>
#include <optional>
#include <stdexcept>

namespace imp = klscope::import;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DistributionImport", text);
}

imp::Source otherSource(const DiscretePair &current, Side side)
{
    const klscope::Distribution &other = current.distribution(side == Side::P ? Side::Q : Side::P);
    imp::Source s;
    s.name.push_back(side == Side::P ? 'Q' : 'P');
    const auto *custom = std::get_if<klscope::Custom>(&other);
    if (custom && !custom->labels().empty()) {
        s.type = imp::Source::Type::Masses;
        s.data.labels.assign(custom->labels().begin(), custom->labels().end());
        s.data.masses.assign(custom->masses().begin(), custom->masses().end());
    } else {
        s.type = imp::Source::Type::Family;
        s.distribution = other;
    }
    return s;
}

imp::Result<klscope::Custom> makeCustom(std::vector<double> masses, std::vector<std::string> labels,
                                        const std::string &name)
{
    try {
        return klscope::Custom(std::move(masses), std::move(labels));
    } catch (const std::exception &) {
        return imp::makeError(name, 0, currentCoreError().toStdString());
    }
}

// The side on its own: by event value when every label is a whole number >= 0, else in file order.
imp::Result<klscope::Distribution> standAlone(const imp::LabelledMasses &data, const std::string &name,
                                              bool realHistogram)
{
    const bool byValue = !data.labels.empty() && !realHistogram &&
                         std::all_of(data.labels.begin(), data.labels.end(), [](const std::string &l) {
                             const auto v = imp::integerLabel(l);
                             return v && *v >= 0 && static_cast<std::uint64_t>(*v) < klscope::kMaxEvents;
                         });
    if (byValue) {
        auto placed = imp::placeByIntegerLabel(data, name);
        if (!placed)
            return placed.error();
        return klscope::Distribution(std::move(placed).value());
    }
    auto c = makeCustom(data.masses, data.labels, name);
    if (!c)
        return c.error();
    return klscope::Distribution(std::move(c).value());
}

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

// Puts `source`, read for `side`, into `result` beside the other side of `current`: aligned by label with a
// labelled custom other side, else on its own. The error names the source.
std::optional<imp::ImportError> pairWithOther(const DiscretePair &current, Side side,
                                              const imp::Source &source, bool realHistogram,
                                              DistributionImport &result)
{
    const imp::Source other = otherSource(current, side);
    result.p = current.p;
    result.q = current.q;
    if (other.type == imp::Source::Type::Masses && !source.data.labels.empty()) {
        auto pair = side == Side::P ? imp::pairSources(source, other) : imp::pairSources(other, source);
        if (!pair)
            return pair.error();
        result.p = std::move(pair->p);
        result.q = std::move(pair->q);
        if (!pair->notes.empty())
            result.alignment = fromStd(pair->notes.back());
        return std::nullopt;
    }
    auto alone = standAlone(source.data, source.name, realHistogram);
    if (!alone)
        return alone.error();
    (side == Side::P ? result.p : result.q) = std::move(alone).value();
    return std::nullopt;
}

} // namespace

std::size_t importColumn(const imp::Table &table, Side side)
{
    return table.values.size() >= 2 && side == Side::Q ? 1 : 0;
}

imp::Result<DistributionImport> prepareImport(const DiscretePair &current, Side side, const imp::Table &table,
                                              const ImportChoice &choice)
{
    try {
        const std::size_t v = importColumn(table, side);
        if (v >= table.values.size())
            return imp::makeError(table.fileName, 0, "there are no values to read");
        const std::vector<double> &values = table.values[v];
        const std::size_t fileColumn = v + (table.hasLabels() ? 2 : 1);

        DistributionImport result;
        imp::Source source;
        source.name = table.fileName;
        source.type = imp::Source::Type::Masses;
        bool realHistogram = false;
        if (choice.samples) {
            for (std::size_t i = 0; i < values.size(); ++i)
                if (!std::isfinite(values[i]))
                    return imp::makeError(table.fileName, table.lines[i],
                                          "a sample is not a finite number (column " +
                                              std::to_string(fileColumn) + ")");
            auto h = imp::binSamples(values, choice.binning, table.fileName);
            if (!h)
                return h.error();
            const double n = static_cast<double>(h->sampleCount);
            source.data.labels = h->labels;
            source.data.masses.reserve(h->counts.size());
            for (double c : h->counts)
                source.data.masses.push_back(c / n);
            realHistogram = !h->binning.integer;
            result.sampleCount = h->sampleCount;
            result.note = tr("%1: %2 samples").arg(fromStd(table.fileName)).arg(h->sampleCount);
            result.summary = tr("%1: %2 samples, %3")
                                 .arg(fromStd(table.fileName))
                                 .arg(h->sampleCount)
                                 .arg(fromStd(h->binning.description));
        } else {
            auto masses = imp::toMasses(values, choice.kind, table.fileName, table.lines, fileColumn);
            if (!masses)
                return masses.error();
            result.sampleSize = masses->sampleSize;
            source.data.masses = std::move(masses).value().masses;
            source.data.labels = table.labels;
            source.data.lines = table.lines;
            if (auto duplicate = imp::findDuplicateLabel(source.data, table.fileName))
                return *duplicate;
            result.summary = tr("%1: %2 events read as %3")
                                 .arg(fromStd(table.fileName))
                                 .arg(source.data.masses.size())
                                 .arg(fromStd(std::string(imp::valueKindKeyword(choice.kind))));
            result.note = tr("%1: %2").arg(fromStd(table.fileName),
                                           fromStd(std::string(imp::valueKindKeyword(choice.kind))));
            if (choice.kind == imp::ValueKind::Counts) {
                result.summary += tr(", sample size %1").arg(result.sampleSize, 0, 'g', 15);
                result.note += tr(", N = %1").arg(result.sampleSize, 0, 'g', 15);
            }
        }

        if (auto error = pairWithOther(current, side, source, realHistogram, result))
            return *error;
        return result;
    } catch (const std::bad_alloc &) {
        return imp::makeError(table.fileName, 0, "not enough memory for the events");
    } catch (const std::exception &) {
        return imp::makeError(table.fileName, 0, currentCoreError().toStdString());
    }
}

imp::ImageSpec imageSpecFor(const QString &path, imp::ImageChannel channel, unsigned bins)
{
    imp::ImageSpec spec;
    spec.path = QFile::encodeName(path).toStdString();
    spec.channel = channel;
    spec.bins = bins;
    return spec;
}

imp::Result<DistributionImport> prepareImageImport(const DiscretePair &current, Side side,
                                                   const imp::ImageSpec &image)
{
    try {
        auto source = imp::loadImageSource(image);
        if (!source)
            return source.error();
        DistributionImport result;
        result.sampleSize = source->sampleSize;
        const QString channel = fromStd(std::string(imp::channelName(image.channel)));
        result.note = tr("%1: %2 levels, %3 pixels")
                          .arg(fromStd(source->name), channel)
                          .arg(source->sampleSize, 0, 'g', 15);
        result.summary = fromStd(source->description);
        if (auto error = pairWithOther(current, side, *source, false, result))
            return *error;
        return result;
    } catch (const std::bad_alloc &) {
        return imp::makeError(image.path, 0, "not enough memory for the image's levels");
    } catch (const std::exception &) {
        return imp::makeError(image.path, 0, currentCoreError().toStdString());
    }
}

double histogramWidth(const klscope::Distribution &d)
{
    const auto *custom = std::get_if<klscope::Custom>(&d);
    if (!custom || custom->labels().empty())
        return 0;
    const std::string &label = custom->labels().front();
    if (label.size() < 5 || label.front() != '[' || label.back() != ')')
        return 0;
    const std::size_t comma = label.find(", ");
    if (comma == std::string::npos)
        return 0;
    double left = 0;
    double right = 0;
    if (!imp::parseDouble(std::string_view(label).substr(1, comma - 1), left) ||
        !imp::parseDouble(std::string_view(label).substr(comma + 2, label.size() - comma - 3), right))
        return 0;
    return right > left ? right - left : 0;
}
