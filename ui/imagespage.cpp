#include "imagespage.h"

#include "imageloader.h"
#include "imagesdocument.h"
#include "metricspanel.h"
#include "numberspinbox.h"
#include "seriesplot.h"

#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace imp = klscope::import;

namespace {

const imp::ImageChannel kChannels[] = {imp::ImageChannel::Grey, imp::ImageChannel::Red,
                                       imp::ImageChannel::Green, imp::ImageChannel::Blue};
const unsigned kBins[] = {256, 128, 64, 32, 16, 8};

QString sideName(int side)
{
    return side == 0 ? QStringLiteral("A") : QStringLiteral("B");
}

// "*.png *.jpg …" for every format Qt reads here.
QString imageFilter()
{
    QStringList patterns;
    for (const QByteArray &format : QImageReader::supportedImageFormats())
        patterns << QStringLiteral("*.") + QString::fromLatin1(format);
    return QObject::tr("Images (%1);;All files (*)").arg(patterns.join(QLatin1Char(' ')));
}

} // namespace

ImagesPage::ImagesPage(QWidget *parent) : Page(parent), m_document(new ImagesDocument(this))
{
    setObjectName(QStringLiteral("imagesPage"));
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    // Left: the controls, the caveat and the metrics panel.
    auto *panel = new QWidget;
    auto *left = new QVBoxLayout(panel);
    left->setContentsMargins(4, 4, 4, 4);
    auto *loads = new QHBoxLayout;
    for (int side = 0; side < 2; ++side) {
        m_load[side] =
            new QPushButton(tr("Load %1 (%2)…").arg(sideName(side), side == 0 ? tr("P") : tr("Q")));
        m_load[side]->setObjectName(QStringLiteral("loadImage%1").arg(sideName(side)));
        m_load[side]->setToolTip(
            tr("Open an image file (PNG, JPEG, BMP, …) as %1; or drop one on its picture.")
                .arg(sideName(side)));
        connect(m_load[side], &QPushButton::clicked, this, [this, side] { openImage(side); });
        loads->addWidget(m_load[side]);
    }
    left->addLayout(loads);

    auto *form = new QGridLayout;
    form->addWidget(new QLabel(tr("Histogram of")), 0, 0);
    m_channel = new QComboBox;
    m_channel->setObjectName(QStringLiteral("imageChannel"));
    m_channel->addItems({tr("grey level (BT.601, as qGray)"), tr("red"), tr("green"), tr("blue")});
    form->addWidget(m_channel, 0, 1);
    form->addWidget(new QLabel(tr("Bins")), 1, 0);
    m_bins = new QComboBox;
    m_bins->setObjectName(QStringLiteral("imageBins"));
    for (const unsigned b : kBins)
        m_bins->addItem(b == 256 ? tr("256 (one per level)") : tr("%1 (%2 levels each)").arg(b).arg(256 / b),
                        b);
    form->addWidget(m_bins, 1, 1);
    form->addWidget(new QLabel(tr("Seed")), 2, 0);
    auto *shuffleRow = new QHBoxLayout;
    m_seed = new NumberSpinBox;
    m_seed->setObjectName(QStringLiteral("shuffleSeed"));
    m_seed->setInteger(true);
    m_seed->setRange(0, double(std::numeric_limits<quint32>::max()));
    m_seed->setValue(1);
    m_seed->setToolTip(tr("The seed of the shuffle: the same seed gives the same picture."));
    shuffleRow->addWidget(m_seed, 1);
    m_shuffle = new QPushButton(tr("Shuffle pixels"));
    m_shuffle->setObjectName(QStringLiteral("shufflePixels"));
    m_shuffle->setToolTip(
        tr("Put A's pixels on B in a random order from the seed: the same histogram, another "
           "picture."));
    shuffleRow->addWidget(m_shuffle);
    form->addLayout(shuffleRow, 2, 1);
    form->setColumnStretch(1, 1);
    left->addLayout(form);

    m_lesson = new QLabel;
    m_lesson->setObjectName(QStringLiteral("imagesLesson"));
    m_lesson->setWordWrap(true);
    left->addWidget(m_lesson);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("imagesError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    left->addWidget(m_error);

    m_metrics = new MetricsPanel;
    m_metrics->setObjectName(QStringLiteral("imagesMetricsPanel"));
    // The comparison page's panel is found from the window by its labels' object names (metricspanel.h);
    // this panel's carry the prefix "images_", so such a search never lands on this page.
    for (QObject *child : m_metrics->findChildren<QObject *>())
        if (!child->objectName().isEmpty())
            child->setObjectName(QStringLiteral("images_") + child->objectName());
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_metrics);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    left->addWidget(scroll, 1);
    panel->setMinimumWidth(300);
    panel->setMaximumWidth(460);
    outer->addWidget(panel);

    // Right: each picture above its histogram.
    auto *grid = new QGridLayout;
    for (int side = 0; side < 2; ++side) {
        m_name[side] = new QLabel;
        m_name[side]->setObjectName(QStringLiteral("imageName%1").arg(sideName(side)));
        m_name[side]->setAlignment(Qt::AlignCenter);
        m_name[side]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(m_name[side], 0, side);
        m_picture[side] = new QLabel;
        m_picture[side]->setObjectName(QStringLiteral("image%1").arg(sideName(side)));
        m_picture[side]->setAlignment(Qt::AlignCenter);
        m_picture[side]->setMinimumSize(120, 120);
        m_picture[side]->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        m_picture[side]->setAcceptDrops(true);
        m_picture[side]->installEventFilter(this);
        m_picture[side]->setToolTip(tr("Drop an image file here to load it as %1.").arg(sideName(side)));
        grid->addWidget(m_picture[side], 1, side);
        m_plot[side] = new SeriesPlot;
        m_plot[side]->setObjectName(QStringLiteral("histogram%1").arg(sideName(side)));
        grid->addWidget(m_plot[side], 2, side);
        grid->setColumnStretch(side, 1);
    }
    grid->setRowStretch(1, 3);
    grid->setRowStretch(2, 2);
    outer->addLayout(grid, 1);

    connect(m_shuffle, &QPushButton::clicked, this, [this] {
        const double seed = std::clamp(m_seed->value(), 0.0, double(std::numeric_limits<quint32>::max()));
        m_document->shuffle(static_cast<quint32>(seed));
    });
    connect(m_channel, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_showing && index >= 0)
            m_document->setChannel(kChannels[index]);
    });
    connect(m_bins, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_showing && index >= 0)
            m_document->setBins(m_bins->itemData(index).toUInt());
    });
    connect(m_document, &ImagesDocument::stateChanged, this, &ImagesPage::showState);
    connect(m_document, &DocumentBase::editRefused, this,
            [this](const QString &message) { emit statusMessage(message, 8000); });
    showState();
}

ImagesPage::~ImagesPage() = default;

QString ImagesPage::title() const
{
    return tr("Images");
}

DocumentBase *ImagesPage::documentBase() const
{
    return m_document;
}

QList<const PlotWidget *> ImagesPage::figurePlots() const
{
    return {m_plot[0], m_plot[1]};
}

QString ImagesPage::statusText() const
{
    const ImagesState &s = m_document->state();
    const std::string_view channel = imp::channelName(s.channel);
    return tr("%1 × %2 against %3 × %4 pixels · %5 · %6 bins · nats")
        .arg(s.a.width())
        .arg(s.a.height())
        .arg(s.b.width())
        .arg(s.b.height())
        .arg(QString::fromUtf8(channel.data(), qsizetype(channel.size())))
        .arg(s.bins);
}

void ImagesPage::setTextScale(double factor)
{
    for (SeriesPlot *plot : m_plot)
        plot->setTextScale(factor);
}

void ImagesPage::resetZoom()
{
    for (SeriesPlot *plot : m_plot)
        plot->resetZoom();
}

bool ImagesPage::loadImageFile(int side, const QString &path, QString *error)
{
    QString why;
    const auto image = imageloader::readImage(path, &why);
    if (!image) {
        m_error->setText(why);
        m_error->show();
        emit statusMessage(why, 10000);
        if (error)
            *error = why;
        return false;
    }
    m_error->hide();
    m_error->clear();
    return m_document->setImage(side, *image, QFileInfo(path).fileName(), QFileInfo(path).absoluteFilePath());
}

QString ImagesPage::restoreState(const ImagesState &saved)
{
    ImagesState state = saved;
    QStringList problems;
    for (int side = 0; side < 2; ++side) {
        const ImageSource &source = side == 0 ? saved.sourceA : saved.sourceB;
        QImage &image = side == 0 ? state.a : state.b;
        QString &name = side == 0 ? state.nameA : state.nameB;
        image = QImage();
        name.clear();
        if (source.path.isEmpty())
            continue;
        // The built-in example lives in the resources, which no file check applies to.
        QString why;
        const bool resource = source.path.startsWith(QStringLiteral(":/"));
        const std::optional<QImage> read =
            resource ? std::optional<QImage>(QImage(source.path)) : imageloader::readImage(source.path, &why);
        if (!read || read->isNull()) {
            problems << tr("%1 cannot be read again, so %2 is empty: %3")
                            .arg(QDir::toNativeSeparators(source.path), sideName(side),
                                 why.isEmpty() ? tr("the file is gone") : why);
            continue;
        }
        name = QFileInfo(source.path).fileName();
        image = *read;
        if (source.shuffleSeed) {
            image = shufflePixels(image, *source.shuffleSeed);
            name = ImagesDocument::shuffledName(name, *source.shuffleSeed);
        }
    }
    m_document->resetState(state);
    const QString message = problems.join(QLatin1Char('\n'));
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    if (!message.isEmpty())
        emit statusMessage(message, 10000);
    return message;
}

QString ImagesPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ImagesPage::openImage(int side)
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Image as %1").arg(sideName(side)),
                                                      QString(), imageFilter());
    if (!path.isEmpty())
        loadImageFile(side, path);
}

bool ImagesPage::eventFilter(QObject *watched, QEvent *event)
{
    for (int side = 0; side < 2; ++side) {
        if (watched != m_picture[side])
            continue;
        if (event->type() == QEvent::DragEnter) {
            auto *drag = static_cast<QDragEnterEvent *>(event);
            const QList<QUrl> urls = drag->mimeData()->urls();
            if (urls.size() == 1 && urls.first().isLocalFile())
                drag->acceptProposedAction();
            return true;
        }
        if (event->type() == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            const QList<QUrl> urls = drop->mimeData()->urls();
            if (urls.size() == 1 && urls.first().isLocalFile()) {
                drop->acceptProposedAction();
                loadImageFile(side, urls.first().toLocalFile());
            }
            return true;
        }
    }
    return Page::eventFilter(watched, event);
}

void ImagesPage::resizeEvent(QResizeEvent *event)
{
    Page::resizeEvent(event);
    showPictures();
}

void ImagesPage::showPictures()
{
    for (int side = 0; side < 2; ++side) {
        const QImage &image = m_document->image(side);
        const QSize room = m_picture[side]->size();
        // Small images are enlarged by whole pixels (no smoothing), so single pixels stay visible.
        const bool enlarge = image.width() <= room.width() / 2 && image.height() <= room.height() / 2;
        const Qt::TransformationMode mode = enlarge ? Qt::FastTransformation : Qt::SmoothTransformation;
        m_picture[side]->setPixmap(QPixmap::fromImage(image.scaled(room, Qt::KeepAspectRatio, mode)));
    }
}

void ImagesPage::showState()
{
    const ImagesState &s = m_document->state();
    m_showing = true;
    m_channel->setCurrentIndex(
        int(std::find(std::begin(kChannels), std::end(kChannels), s.channel) - std::begin(kChannels)));
    m_bins->setCurrentIndex(m_bins->findData(s.bins));
    m_showing = false;

    for (int side = 0; side < 2; ++side) {
        if (m_document->image(side).isNull())
            m_name[side]->setText(tr("%1 (%2): no image").arg(sideName(side), side == 0 ? tr("P") : tr("Q")));
        else
            m_name[side]->setText(
                tr("%1 (%2): %3 — %4 × %5")
                    .arg(sideName(side), side == 0 ? tr("P") : tr("Q"), m_document->name(side))
                    .arg(m_document->image(side).width())
                    .arg(m_document->image(side).height()));
        // The share of the pixels in each bin, at the bin's first level, so both axes read in levels.
        const imp::LevelHistogram &h = m_document->histogram(side);
        const unsigned width = 256 / s.bins;
        std::vector<double> x, y;
        for (unsigned i = 0; i < s.bins; ++i) {
            x.push_back(double(imp::binFirstLevel(i, s.bins)) + (width - 1) / 2.0);
            y.push_back(h.pixels > 0 ? h.counts[i] / double(h.pixels) : 0.0);
        }
        const std::string_view channel = imp::channelName(s.channel);
        PlotSeries bars;
        bars.name = side == 0 ? tr("P = histogram of A") : tr("Q = histogram of B");
        bars.kind = PlotSeries::Kind::Bars;
        bars.role = side == 0 ? PlotSeries::Role::P : PlotSeries::Role::Q;
        bars.x = std::move(x);
        bars.y = std::move(y);
        m_plot[side]->setSeries({bars});
        m_plot[side]->setAxisTitles(
            tr("%1 level").arg(QString::fromUtf8(channel.data(), qsizetype(channel.size()))),
            tr("share of pixels"));
        m_plot[side]->setXRange(-0.5, 255.5);
        const std::vector<std::string> &labels = h.labels;
        m_plot[side]->setReadout([this, side, width, labels](double level) {
            if (level < -0.5 || level >= 255.5)
                return QString();
            const auto bin = static_cast<std::size_t>(std::clamp(level + 0.5, 0.0, 255.0) / width);
            const imp::LevelHistogram &hist = m_document->histogram(side);
            if (bin >= hist.counts.size() || bin >= labels.size())
                return QString();
            return tr("level %1: %2 pixels (%3 of %4)")
                .arg(QString::fromStdString(labels[bin]))
                .arg(hist.counts[bin], 0, 'f', 0)
                .arg(
                    MetricsPanel::formatValue(hist.pixels > 0 ? hist.counts[bin] / double(hist.pixels) : 0.0))
                .arg(hist.pixels);
        });
    }
    showPictures();
    m_metrics->setSummary(m_document->summary());

    // The caveat, in one sentence, and what the current pair shows of it.
    const klscope::Summary &summary = m_document->summary();
    const bool same = !s.a.isNull() && !s.b.isNull() && summary.klPQ.value == 0.0 &&
                      summary.klQP.value == 0.0 && summary.js.value == 0.0;
    const bool differ = s.a.size() != s.b.size() ||
                        (s.a.format() == s.b.format() ? s.a != s.b
                                                      : s.a.convertToFormat(QImage::Format_ARGB32) !=
                                                            s.b.convertToFormat(QImage::Format_ARGB32));
    QString lesson =
        tr("KL compares the histograms of the levels and ignores where the pixels are: "
           "<b>Shuffle pixels</b> keeps every level count and moves every pixel, so every divergence "
           "is exactly 0 while the pictures plainly differ.");
    if (same && differ)
        lesson +=
            tr("<br><b>Here:</b> KL(A‖B) = KL(B‖A) = JS = 0 exactly, yet A and B are different pictures.");
    m_lesson->setText(lesson);
    emit statusChanged();
}
