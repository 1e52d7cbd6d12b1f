#include "imagesdocument.h"

#include "changevaluecommand.h"
#include "corecall.h"
#include "imageloader.h"

#include <comparison.h>
#include <custom.h>

#include <QRandomGenerator>

#include <span>
#include <utility>

namespace imp = klscope::import;

QImage shufflePixels(const QImage &image, quint32 seed)
{
    QImage out = image.convertToFormat(QImage::Format_ARGB32);
    if (out.isNull())
        return out;
    // ARGB32 rows have no padding (4 bytes a pixel), so the pixels are one array.
    auto *pixels = reinterpret_cast<QRgb *>(out.bits());
    const qsizetype n = qsizetype(out.width()) * out.height();
    QRandomGenerator random(seed);
    for (qsizetype i = n - 1; i > 0; --i) {
        const auto j = static_cast<qsizetype>(random.bounded(static_cast<quint64>(i) + 1));
        std::swap(pixels[i], pixels[j]);
    }
    return out;
}

ImagesDocument::ImagesDocument(QObject *parent) : DocumentBase(parent)
{
    apply(exampleState());
}

ImagesState ImagesDocument::exampleState()
{
    ImagesState s;
    s.a = QImage(QStringLiteral(":/images/shapes.png"));
    s.b = QImage(QStringLiteral(":/images/gradient.png"));
    s.nameA = QStringLiteral("shapes.png");
    s.nameB = QStringLiteral("gradient.png");
    s.sourceA.path = QStringLiteral(":/images/shapes.png");
    s.sourceB.path = QStringLiteral(":/images/gradient.png");
    return s;
}

QString ImagesDocument::validate(const ImagesState &state)
{
    if (!imp::validLevelBins(state.bins))
        return tr("The number of bins must divide the 256 levels: 1, 2, 4, …, 256; got %1.").arg(state.bins);
    return {};
}

QString ImagesDocument::shuffledName(const QString &name, quint32 seed)
{
    return tr("%1 shuffled (seed %2)").arg(name).arg(seed);
}

bool ImagesDocument::setImage(int side, const QImage &image, const QString &name, const QString &path)
{
    if (image.isNull())
        return refuse(tr("%1 holds no image.").arg(name));
    ImagesState next = m_state;
    (side == 0 ? next.a : next.b) = image;
    (side == 0 ? next.nameA : next.nameB) = name;
    (side == 0 ? next.sourceA : next.sourceB) = ImageSource{path, std::nullopt};
    return push(std::move(next),
                tr("Load %1 into %2").arg(name, side == 0 ? QStringLiteral("A") : QStringLiteral("B")));
}

bool ImagesDocument::shuffle(quint32 seed)
{
    if (m_state.a.isNull())
        return refuse(tr("A has no image to shuffle."));
    ImagesState next = m_state;
    next.b = shufflePixels(m_state.a, seed);
    next.nameB = shuffledName(m_state.nameA, seed);
    next.sourceB = ImageSource{m_state.sourceA.path, seed};
    return push(std::move(next), tr("Shuffle the pixels of A into B"));
}

bool ImagesDocument::setChannel(imp::ImageChannel channel)
{
    ImagesState next = m_state;
    next.channel = channel;
    return push(std::move(next), tr("Histogram of the %1 channel")
                                     .arg(QString::fromUtf8(imp::channelName(channel).data(),
                                                            qsizetype(imp::channelName(channel).size()))));
}

bool ImagesDocument::setBins(unsigned bins)
{
    ImagesState next = m_state;
    next.bins = bins;
    return push(std::move(next), tr("%1 bins").arg(bins));
}

bool ImagesDocument::setState(const ImagesState &state, const QString &text)
{
    return push(state, text);
}

bool ImagesDocument::resetState(const ImagesState &state)
{
    return resetWith(validate(state), [&] { apply(state); });
}

bool ImagesDocument::push(ImagesState next, const QString &text)
{
    if (next == m_state)
        return true;
    auto *command = new ChangeValueCommand<ImagesState>(text, m_state, std::move(next),
                                                        [this](const ImagesState &s) { apply(s); });
    return pushValidated(command, [command] { return validate(command->newValue()); });
}

void ImagesDocument::apply(const ImagesState &state)
{
    m_state = state;
    for (int side = 0; side < 2; ++side)
        m_histograms[side] =
            imp::groupLevels(imageloader::levelCounts(image(side), m_state.channel), m_state.bins);
    // Both histograms have the same bins and labels, so the pair is compared bin by bin. A side with no
    // pixels cannot be a distribution; the summary then stays empty with the core's sentence as a warning.
    m_summary = {};
    if (state.a.isNull() || state.b.isNull()) {
        // A session whose image file is gone: say which side to load rather than what the core makes of it.
        m_summary.warnings.push_back(tr("%1 has no image: load one to compare the histograms.")
                                         .arg(state.a.isNull() ? QStringLiteral("A") : QStringLiteral("B"))
                                         .toStdString());
        emit stateChanged();
        return;
    }
    QString error;
    const auto summary = callCore(
        [this] {
            const double n[2] = {static_cast<double>(m_histograms[0].pixels),
                                 static_cast<double>(m_histograms[1].pixels)};
            std::vector<double> masses[2];
            for (int side = 0; side < 2; ++side)
                for (const double c : m_histograms[side].counts)
                    masses[side].push_back(c / n[side]);
            const klscope::Custom p(std::move(masses[0]), m_histograms[0].labels);
            const klscope::Custom q(std::move(masses[1]), p);
            klscope::CompareOptions options;
            options.perEvent = false;
            // With one bin per level, event x is level x and a label would only repeat it.
            return klscope::summarize(klscope::compare(p, q, options),
                                      m_state.bins == 256 ? std::span<const std::string>() : p.labels());
        },
        &error);
    if (summary)
        m_summary = *summary;
    else
        m_summary.warnings.push_back(error.toStdString());
    emit stateChanged();
}
