#include "vaepage.h"

#include "jobrunner.h"
#include "numberspinbox.h"
#include "seriesplot.h"

#include <units.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr int kMuRange = 4 * VaePage::kSliderScale;    // mu in [-4, 4]
constexpr int kLogvarLow = -8 * VaePage::kSliderScale; // ln sigma^2 in [-8, 4]
constexpr int kLogvarHigh = 4 * VaePage::kSliderScale;

QString number(double v)
{
    return QString::number(v, 'g', 4);
}

// The dimensions as the person reads them: 1-based, ranges folded ("2, 5-7, 9"), at most `limit` items.
QString dimensionList(const std::vector<std::size_t> &dims, std::size_t limit = 24)
{
    QStringList parts;
    for (std::size_t i = 0; i < dims.size() && std::size_t(parts.size()) < limit;) {
        std::size_t j = i;
        while (j + 1 < dims.size() && dims[j + 1] == dims[j] + 1)
            ++j;
        parts << (j > i + 1    ? QStringLiteral("%1–%2").arg(dims[i] + 1).arg(dims[j] + 1)
                  : j == i + 1 ? QStringLiteral("%1, %2").arg(dims[i] + 1).arg(dims[j] + 1)
                               : QString::number(dims[i] + 1));
        i = j + 1;
        if (std::size_t(parts.size()) == limit && i < dims.size())
            parts << QStringLiteral("…");
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

VaePage::VaePage(QWidget *parent)
    : Page(parent), m_document(new VaeDocument(this)), m_jobs(new JobRunner(this))
{
    setObjectName(QStringLiteral("vaePage"));
    auto *panel = new QWidget;
    auto *controls = new QVBoxLayout(panel);

    auto *sourceBox = new QGroupBox(tr("Encoder output"));
    auto *sourceLayout = new QVBoxLayout(sourceBox);
    m_source = new QLabel;
    m_source->setObjectName(QStringLiteral("vaeSource"));
    m_source->setWordWrap(true);
    sourceLayout->addWidget(m_source);
    m_notice = new QLabel;
    m_notice->setObjectName(QStringLiteral("vaeNotice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("color: #b03a2e;"));
    m_notice->hide();
    sourceLayout->addWidget(m_notice);
    auto *buttons = new QHBoxLayout;
    auto *example = new QPushButton(tr("Example"));
    example->setObjectName(QStringLiteral("vaeExample"));
    example->setToolTip(tr("The preset vae-collapse: 16 latent dimensions, a few collapsed onto the prior."));
    m_load = new QPushButton(tr("Load CSV…"));
    m_load->setObjectName(QStringLiteral("vaeLoad"));
    m_load->setToolTip(tr("An encoder's output: one row per dimension (mu,logvar) or one row per example "
                          "(mu_1..mu_d,logvar_1..logvar_d)."));
    buttons->addWidget(example);
    buttons->addWidget(m_load);
    sourceLayout->addLayout(buttons);
    // While a file loads: how far the read has come, and a way to stop it. The window stays live.
    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("vaeProgress"));
    m_progress->setRange(0, 100);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("vaeCancel"));
    m_cancel->setToolTip(tr("Stop loading the file; the page stays as it is."));
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    sourceLayout->addLayout(progressRow);
    m_progress->hide();
    m_cancel->hide();
    controls->addWidget(sourceBox);

    auto *viewBox = new QGroupBox(tr("KL per latent dimension"));
    auto *form = new QFormLayout(viewBox);
    m_order = new QComboBox;
    m_order->setObjectName(QStringLiteral("vaeOrder"));
    m_order->addItem(tr("By dimension"));
    m_order->addItem(tr("By KL, largest first"));
    form->addRow(tr("Sort:"), m_order);
    m_threshold = new NumberSpinBox;
    m_threshold->setObjectName(QStringLiteral("vaeThreshold"));
    m_threshold->setRange(0.0, 100.0);
    m_threshold->setSingleStep(0.005);
    m_threshold->setToolTip(tr("A dimension whose KL is below this has collapsed onto the prior: it carries "
                               "(almost) nothing about the input."));
    form->addRow(tr("Collapsed below (nats):"), m_threshold);
    m_logScale = new QCheckBox(tr("Logarithmic KL axis"));
    m_logScale->setObjectName(QStringLiteral("vaeLogScale"));
    m_logScale->setToolTip(tr("Shows the collapsed dimensions' small KL next to the large ones."));
    form->addRow(m_logScale);
    m_total = new QLabel;
    m_total->setObjectName(QStringLiteral("vaeTotal"));
    m_total->setWordWrap(true);
    form->addRow(m_total);
    m_collapsed = new QLabel;
    m_collapsed->setObjectName(QStringLiteral("vaeCollapsed"));
    m_collapsed->setWordWrap(true);
    form->addRow(m_collapsed);
    controls->addWidget(viewBox);

    auto *sliderBox = new QGroupBox(tr("One dimension of the example"));
    m_sliders = sliderBox;
    auto *sliderForm = new QFormLayout(sliderBox);
    m_dimension = new NumberSpinBox;
    m_dimension->setInteger(true);
    m_dimension->setObjectName(QStringLiteral("vaeDimension"));
    sliderForm->addRow(tr("Dimension:"), m_dimension);
    auto sliderRow = [&](QSlider *&slider, QLabel *&value, const QString &name, int low, int high) {
        slider = new QSlider(Qt::Horizontal);
        slider->setObjectName(name);
        slider->setRange(low, high);
        slider->setPageStep(kSliderScale / 4);
        value = new QLabel;
        value->setMinimumWidth(value->fontMetrics().horizontalAdvance(QStringLiteral("−0.000")));
        auto *row = new QHBoxLayout;
        row->addWidget(slider, 1);
        row->addWidget(value);
        return row;
    };
    sliderForm->addRow(tr("μ:"), sliderRow(m_mu, m_muValue, QStringLiteral("vaeMu"), -kMuRange, kMuRange));
    sliderForm->addRow(tr("ln σ²:"), sliderRow(m_logvar, m_logvarValue, QStringLiteral("vaeLogvar"),
                                               kLogvarLow, kLogvarHigh));
    m_term = new QLabel;
    m_term->setObjectName(QStringLiteral("vaeTerm"));
    m_term->setWordWrap(true);
    m_term->setTextFormat(Qt::RichText);
    sliderForm->addRow(m_term);
    controls->addWidget(sliderBox);
    controls->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(320);

    m_plot = new SeriesPlot;
    m_plot->setObjectName(QStringLiteral("vaePlot"));
    m_plot->setWholeNumberXAxis();
    m_plot->setAxisTitles(tr("latent dimension"), tr("KL(N(μ, σ²) ‖ N(0, 1)) / nats"));
    m_plot->setReadout([this](double x) -> QString {
        const long position = std::lround(x) - 1;
        if (position < 0 || std::size_t(position) >= m_barOrder.size())
            return {};
        const std::size_t dim = m_barOrder[std::size_t(position)];
        QString text = tr("dimension %1: KL = %2 nats").arg(dim + 1).arg(number(m_document->kl()[dim]));
        if (m_document->state().isBatch())
            text += tr(" ± %1").arg(number(m_document->state().batchSpread[dim]));
        return text;
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    layout->addWidget(m_plot, 1);

    connect(m_document, &VaeDocument::stateChanged, this, &VaePage::showState);
    connect(m_document, &DocumentBase::editRefused, this,
            [this](const QString &message) { emit statusMessage(message, 6000); });
    connect(example, &QPushButton::clicked, this, [this] {
        showNotice(QString());
        VaeState next = VaeDocument::collapseExample();
        next.threshold = m_document->state().threshold;
        next.order = m_document->state().order;
        m_document->setState(next, tr("Load example"));
    });
    connect(m_load, &QPushButton::clicked, this, &VaePage::openFile);
    connect(m_cancel, &QPushButton::clicked, this, &VaePage::cancelLoad);
    connect(m_order, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_updating)
            m_document->setOrder(index == 1 ? VaeOrder::ByKl : VaeOrder::ByDimension);
    });
    connect(m_logScale, &QCheckBox::toggled, m_plot, &SeriesPlot::setLogScale);
    connect(m_threshold, &NumberSpinBox::valueChanged, this, [this](double value) {
        if (!m_updating)
            m_document->setThreshold(value);
    });
    connect(m_dimension, &NumberSpinBox::valueChanged, this, [this](double value) {
        if (!m_updating)
            selectDimension(std::size_t(std::max(1.0, value) - 1.0));
    });
    // A slider drag is one undo step: the press opens a drag, the release closes it.
    for (QSlider *slider : {m_mu, m_logvar}) {
        connect(slider, &QSlider::sliderPressed, this, [this] { m_document->beginDrag(); });
        connect(slider, &QSlider::sliderReleased, this, [this] { m_document->endDrag(); });
    }
    connect(m_mu, &QSlider::valueChanged, this, [this](int value) {
        if (!m_updating)
            m_document->setMu(m_selected, double(value) / kSliderScale);
    });
    connect(m_logvar, &QSlider::valueChanged, this, [this](int value) {
        if (!m_updating)
            m_document->setLogvar(m_selected, double(value) / kSliderScale);
    });
    connect(m_jobs, &JobRunner::failed, this, [this](const QString &message) {
        endRead();
        if (m_restoring) {
            m_restoring.reset();
            showNotice(message);
        }
        emit statusMessage(message, 6000);
        emit loadFinished(false, message);
    });

    showState();
}

VaePage::~VaePage() = default;

QString VaePage::title() const
{
    return tr("VAE");
}

DocumentBase *VaePage::documentBase() const
{
    return m_document;
}

QList<const PlotWidget *> VaePage::figurePlots() const
{
    return {m_plot};
}

QString VaePage::statusText() const
{
    const VaeState &s = m_document->state();
    return tr("%1 latent dimensions · %2 collapsed · total %3 nats%4")
        .arg(s.dimensions())
        .arg(m_document->collapsed().size())
        .arg(number(m_document->total()))
        .arg(isBusy() ? tr(" · loading…") : QString());
}

void VaePage::setTextScale(double factor)
{
    m_plot->setTextScale(factor);
}

void VaePage::resetZoom()
{
    m_plot->resetZoom();
}

bool VaePage::isBusy() const
{
    return m_jobs->isRunning();
}

void VaePage::setOrder(Order order)
{
    m_document->setOrder(order);
}

VaePage::Order VaePage::order() const
{
    return m_document->state().order;
}

VaeState VaePage::sessionState() const
{
    return m_restoring.value_or(m_document->state());
}

QString VaePage::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void VaePage::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        emit statusMessage(text, 10000);
}

void VaePage::restoreState(const VaeState &state)
{
    // A load still running belongs to the page as it was.
    m_jobs->cancel();
    m_restoring.reset();
    endRead();
    showNotice(QString());
    if (state.file.isEmpty()) {
        m_document->resetState(state);
        return;
    }
    // Never half a file: the example, with the saved threshold and order, until the whole file is read.
    VaeState waiting = VaeDocument::collapseExample();
    waiting.threshold = state.threshold;
    waiting.order = state.order;
    m_document->resetState(waiting);
    const QString native = QDir::toNativeSeparators(state.file.path);
    if (!QFileInfo(state.file.path).isFile()) {
        const QString message =
            tr("The session's encoder output %1 is gone; the VAE page shows the example instead.")
                .arg(native);
        showNotice(message);
        emit loadFinished(false, message);
        return;
    }
    m_restoring = state;
    startRead(state.file.path,
              [this, state](const klscope::VaeResult &result) { finishRestore(state, result); });
}

void VaePage::startRead(const QString &path, std::function<void(const klscope::VaeResult &)> done)
{
    const std::string file = QFile::encodeName(path).toStdString();
    m_load->setEnabled(false);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_jobs->start(
        [file](JobControl &control) {
            return klscope::loadVaeCsv(file, [&control](double fraction) {
                control.progress(fraction);
                return !control.cancelled();
            });
        },
        [this, done = std::move(done)](const klscope::VaeResult &result) {
            endRead();
            done(result);
        },
        [this](double fraction, const std::any &) {
            m_progress->setValue(int(std::lround(100 * fraction)));
        });
    emit statusChanged();
}

void VaePage::endRead()
{
    m_load->setEnabled(true);
    m_progress->hide();
    m_cancel->hide();
}

void VaePage::cancelLoad()
{
    if (!m_jobs->isRunning())
        return;
    m_jobs->cancel();
    endRead();
    QString message = tr("Loading cancelled; the page is as it was.");
    if (m_restoring) {
        message = tr("Reading the session's encoder output %1 again was cancelled; the VAE page shows the "
                     "example instead.")
                      .arg(QDir::toNativeSeparators(m_restoring->file.path));
        m_restoring.reset();
        showNotice(message);
    } else {
        emit statusMessage(message, 6000);
    }
    emit statusChanged();
    emit loadFinished(false, message);
}

void VaePage::finishRestore(const VaeState &saved, const klscope::VaeResult &result)
{
    m_restoring.reset();
    const QString native = QDir::toNativeSeparators(saved.file.path);
    QString message;
    bool ok = false;
    if (!result) {
        message =
            tr("The session's encoder output %1 cannot be read again (%2); the VAE page shows the example "
               "instead.")
                .arg(native, QString::fromStdString(result.error().message));
    } else if (m_document->undoStack()->count() > 0) {
        // The person edited the page while the file was read: their edit stays.
        message = tr("%1 was read again after the VAE page was edited; the edit stays.").arg(native);
    } else {
        const FileStamp now = FileStamp::of(saved.file.path);
        VaeState state =
            VaeDocument::summaryState(result.value(), QFileInfo(saved.file.path).fileName(), now, saved);
        ok = m_document->resetState(state);
        const bool changed = (saved.file.size >= 0 && saved.file.size != now.size) ||
                             (saved.file.modified.isValid() && saved.file.modified != now.modified);
        if (!ok)
            message = tr("The session's encoder output %1 cannot be shown.").arg(native);
        else if (changed)
            message =
                tr("%1 has changed since the session was saved (its size or modification time differ); the "
                   "VAE page shows it as it is now.")
                    .arg(native);
    }
    showNotice(message);
    emit statusChanged();
    emit loadFinished(ok, message.isEmpty() ? tr("Read %1 again.").arg(native) : message);
}

void VaePage::selectDimension(std::size_t index)
{
    const std::size_t d = m_document->state().dimensions();
    m_selected = d == 0 ? 0 : std::min(index, d - 1);
    showState();
}

std::vector<double> VaePage::barValues() const
{
    std::vector<double> values;
    values.reserve(m_barOrder.size());
    for (std::size_t dim : m_barOrder)
        values.push_back(m_document->kl()[dim]);
    return values;
}

std::vector<std::size_t> VaePage::greyDimensions() const
{
    std::vector<std::size_t> grey;
    for (std::size_t dim : m_barOrder)
        if (m_document->kl()[dim] < m_document->state().threshold)
            grey.push_back(dim);
    return grey;
}

void VaePage::loadFile(const QString &path)
{
    const FileStamp stamp = FileStamp::of(path);
    m_restoring.reset();
    showNotice(QString());
    startRead(path, [this, path, stamp](const klscope::VaeResult &result) {
        if (!result) {
            const QString message = QString::fromStdString(result.error().message);
            emit statusMessage(message, 8000);
            emit statusChanged();
            emit loadFinished(false, message);
            return;
        }
        const QString name = QFileInfo(path).fileName();
        const bool ok = m_document->loadSummary(result.value(), name, stamp);
        const QString message = ok ? tr("Loaded %1: %2 latent dimensions, %3 rows.")
                                         .arg(name)
                                         .arg(result.value().kl.size())
                                         .arg(result.value().rows)
                                   : tr("Cannot show %1.").arg(name);
        emit statusMessage(message, 6000);
        emit statusChanged();
        emit loadFinished(ok, message);
    });
}

void VaePage::openFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Encoder Output"), QString(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

void VaePage::showState()
{
    const VaeState &s = m_document->state();
    const std::vector<double> &kl = m_document->kl();
    const std::size_t d = kl.size();
    m_selected = d == 0 ? 0 : std::min(m_selected, d - 1);

    m_barOrder.resize(d);
    std::iota(m_barOrder.begin(), m_barOrder.end(), std::size_t(0));
    if (s.order == VaeOrder::ByKl)
        std::stable_sort(m_barOrder.begin(), m_barOrder.end(),
                         [&](std::size_t a, std::size_t b) { return kl[a] > kl[b]; });

    // Two bar series over every position, each leaving a gap (NaN) where the other draws.
    std::vector<double> x(d), active(d), grey(d);
    std::size_t selectedPosition = 0;
    for (std::size_t p = 0; p < d; ++p) {
        const std::size_t dim = m_barOrder[p];
        x[p] = double(p + 1);
        const bool collapsed = kl[dim] < s.threshold;
        active[p] = collapsed ? kNan : kl[dim];
        grey[p] = collapsed ? kl[dim] : kNan;
        if (dim == m_selected)
            selectedPosition = p;
    }
    QList<PlotSeries> series;
    series << PlotSeries{tr("KL per dimension"), PlotSeries::Kind::Bars, PlotSeries::Role::KlPQ, x, active};
    series << PlotSeries{tr("collapsed (KL < %1 nats)").arg(number(s.threshold)), PlotSeries::Kind::Bars,
                         PlotSeries::Role::Neutral, x, grey};
    if (s.threshold > 0.0 && d > 0)
        series << PlotSeries::line(tr("threshold"), PlotSeries::Role::Neutral, {0.5, double(d) + 0.5},
                                   {s.threshold, s.threshold}, true);
    if (s.isBatch()) {
        // Error bars: one vertical segment per bar from mean - sd (not below 0) to mean + sd, separated by
        // gaps (NaN) between the bars.
        std::vector<double> barX, barY;
        barX.reserve(3 * d);
        barY.reserve(3 * d);
        for (std::size_t p = 0; p < d; ++p) {
            const std::size_t dim = m_barOrder[p];
            barX.insert(barX.end(), {x[p], x[p], x[p] + 0.5});
            barY.insert(barY.end(),
                        {std::max(0.0, kl[dim] - s.batchSpread[dim]), kl[dim] + s.batchSpread[dim], kNan});
        }
        series << PlotSeries::line(tr("± 1 standard deviation over the batch"), PlotSeries::Role::Neutral,
                                   std::move(barX), std::move(barY));
    }
    m_plot->setSeries(series);
    m_plot->setXRange(0.4, double(d) + 0.6);
    m_plot->setAxisTitles(order() == Order::ByKl ? tr("rank (largest KL first)") : tr("latent dimension"),
                          s.isBatch() ? tr("batch mean KL per dimension / nats")
                                      : tr("KL per dimension / nats"));
    QList<PlotMarker> markers;
    if (!s.isBatch() && d > 0)
        markers << PlotMarker{double(selectedPosition + 1), tr("dim %1").arg(m_selected + 1),
                              PlotSeries::Role::Q};
    m_plot->setMarkers(markers);

    const double total = m_document->total();
    QString totalText = tr("Total KL: <b>%1 nats</b> = <b>%2 bits</b>")
                            .arg(number(total))
                            .arg(number(total * klscope::fromNats(klscope::Unit::Bits)));
    if (s.isBatch())
        totalText += tr(" (the batch mean over %1 examples)").arg(s.batchRows);
    m_total->setText(totalText);
    const std::vector<std::size_t> collapsed = m_document->collapsed();
    m_collapsed->setText(collapsed.empty()
                             ? tr("No dimension is collapsed.")
                             : tr("Collapsed: %1 of %2 (%3 %4)")
                                   .arg(collapsed.size())
                                   .arg(d)
                                   .arg(collapsed.size() == 1 ? tr("dimension") : tr("dimensions"))
                                   .arg(dimensionList(collapsed)));
    if (s.source.isEmpty())
        m_source->setText(s.isBatch() ? tr("A batch, edited.")
                                      : tr("An example of %1 dimensions, edited.").arg(d));
    else if (s.isBatch())
        m_source->setText(tr("%1: %2 examples × %3 dimensions; each bar is the batch mean, its error bar one "
                             "standard deviation either side.")
                              .arg(s.source)
                              .arg(s.batchRows)
                              .arg(d));
    else
        m_source->setText(tr("%1: %2 dimensions (μ, ln σ² each).").arg(s.source).arg(d));

    m_updating = true;
    m_order->setCurrentIndex(s.order == VaeOrder::ByKl ? 1 : 0);
    m_threshold->setValue(s.threshold);
    m_dimension->setRange(1.0, double(std::max<std::size_t>(1, d)));
    m_dimension->setValue(double(m_selected + 1));
    m_updating = false;
    showDimension();
    emit statusChanged();
}

void VaePage::showDimension()
{
    const VaeState &s = m_document->state();
    const bool example = !s.isBatch() && m_selected < s.mu.size();
    m_sliders->setEnabled(example);
    if (!example) {
        m_term->setText(
            tr("A batch file holds no single μ and σ²; load a per-dimension file (mu,logvar) or the "
               "example to move the sliders."));
        return;
    }
    const double mu = s.mu[m_selected], lv = s.logvar[m_selected];
    m_updating = true;
    if (!m_mu->isSliderDown())
        m_mu->setValue(int(std::lround(mu * kSliderScale)));
    if (!m_logvar->isSliderDown())
        m_logvar->setValue(int(std::lround(lv * kSliderScale)));
    m_updating = false;
    m_muValue->setText(number(mu));
    m_logvarValue->setText(number(lv));
    // The term's two parts: the mean's 1/2 mu^2 and the variance's 1/2 (sigma^2 - 1 - ln sigma^2), the
    // latter from the same cancellation-free series as the sum (vaeKlTerm with mu = 0).
    const double meanPart = 0.5 * mu * mu;
    const double variancePart = klscope::vaeKlTerm(0.0, lv);
    m_term->setText(tr("KL<sub>%1</sub> = ½(μ² + σ² − 1 − ln σ²) = <b>%2</b> nats<br>"
                       "mean part ½μ² = %3<br>variance part ½(σ² − 1 − ln σ²) = %4, σ² = %5")
                        .arg(m_selected + 1)
                        .arg(number(meanPart + variancePart))
                        .arg(number(meanPart))
                        .arg(number(variancePart))
                        .arg(number(std::exp(lv))));
}
