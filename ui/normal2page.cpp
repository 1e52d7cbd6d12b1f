#include "normal2page.h"

#include "eventreadout.h"
#include "gaussian2dplot.h"
#include "jobrunner.h"
#include "numberspinbox.h"
#include "palette.h"
#include "undobuttons.h"

#include <gaussianclosedform.h>
#include <meanfield.h>
#include <mixture2.h>
#include <normal2comparison.h>
#include <vectormath.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QThreadPool>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <numbers>
#include <span>
#include <vector>

namespace {

const QString kMeanField = QStringLiteral("mean-field");

/// The text naming a bivariate normal's numbers (a plot layer's key).
QString keyOf(const Normal2Params &n)
{
    QString key;
    for (double v : {n.mu1, n.mu2, n.var1, n.var2, n.cov})
        key += QString::number(v, 'g', 17) + QLatin1Char(',');
    return key;
}

/// A plot layer: its name, colour, log-density field, key and peak (NaN: the largest sampled).
Gaussian2DData::Layer layerWith(const QString &name, const QColor &colour, Gaussian2DData::Field field,
                                const QString &key, double logPeak = std::numeric_limits<double>::quiet_NaN())
{
    Gaussian2DData::Layer layer;
    layer.name = name;
    layer.colour = colour;
    layer.logDensity = std::move(field);
    layer.key = key;
    layer.logPeak = logPeak;
    return layer;
}

/// The log-density of a bivariate normal as a plot layer, a row at a time (core logpdfRow); its peak is
/// ln p(μ) = −ln 2π − ½ ln det Σ.
Gaussian2DData::Layer layerOf(const Normal2Params &params, const QString &name, const QColor &colour)
{
    const klscope::Normal2 n = params.normal();
    return layerWith(
        name, colour,
        [n](double y, double x0, double dx, std::span<double> out) { klscope::logpdfRow(n, y, x0, dx, out); },
        keyOf(params), -std::log(2 * std::numbers::pi) - 0.5 * std::log(n.determinant()));
}

/// A mixture's log-density as a plot layer, its colour full at the largest value sampled.
Gaussian2DData::Layer layerOf(const Normal2State &state, const QString &name, const QColor &colour)
{
    const klscope::Mixture2 m = state.mixtureP();
    QString key = QStringLiteral("mixture:");
    for (const Normal2Component &c : state.mixture)
        key += QString::number(c.weight, 'g', 17) + QLatin1Char(':') + keyOf(c.n);
    return layerWith(
        name, colour,
        [m](double y, double x0, double dx, std::span<double> out) { klscope::logpdfRow(m, y, x0, dx, out); },
        key);
}

PlotEllipse ellipseOf(const Normal2Params &n, double sigmas, const QColor &colour, Qt::PenStyle style,
                      const QString &name, int handle)
{
    PlotEllipse e;
    e.mu1 = n.mu1;
    e.mu2 = n.mu2;
    e.var1 = n.var1;
    e.var2 = n.var2;
    e.cov = n.cov;
    e.sigmas = sigmas;
    e.colour = colour;
    e.style = style;
    e.width = sigmas > 1 ? 1.5 : 2.5;
    e.name = name;
    e.handle = handle;
    return e;
}

Normal2Params paramsOf(const klscope::DiagonalNormal2 &d)
{
    return {d.mu1, d.mu2, d.var1, d.var2, 0.0};
}

// The plot's handle ids: P and Q, then a mixture P's components.
constexpr int kHandleP = 0, kHandleQ = 1, kHandleComponent = 2;

/// A Gaussian's numbers as two short lines, as the editor has them: "μ = (a, b)", "σ² = (c, d), ρ = e".
QStringList gaussianLines(const klscope::Normal2 &n)
{
    const auto f = [](double v) {
        return klscope::formatValue(v);
    };
    return {QStringLiteral("μ = (%1, %2)").arg(f(n.mu1()), f(n.mu2())),
            QStringLiteral("σ² = (%1, %2), ρ = %3").arg(f(n.var1()), f(n.var2()), f(n.correlation()))};
}

QString fieldName(Normal2Page::Field field)
{
    switch (field) {
    case Normal2Page::Mu1:
        return QStringLiteral("μ₁");
    case Normal2Page::Mu2:
        return QStringLiteral("μ₂");
    case Normal2Page::Var1:
        return QStringLiteral("σ₁²");
    case Normal2Page::Var2:
        return QStringLiteral("σ₂²");
    default:
        return QStringLiteral("ρ");
    }
}

double fieldValue(const Normal2Params &n, Normal2Page::Field field)
{
    switch (field) {
    case Normal2Page::Mu1:
        return n.mu1;
    case Normal2Page::Mu2:
        return n.mu2;
    case Normal2Page::Var1:
        return n.var1;
    case Normal2Page::Var2:
        return n.var2;
    default:
        return n.correlation();
    }
}

// The metrics panel is plain text in a fixed-pitch font, its columns padded: a rich-text table relaid
// its QTextDocument at every edit, about a third of the window thread's time in a drag.
QString row(const QString &name, const QString &value, const QString &note)
{
    return name.leftJustified(10) + value.leftJustified(9) + note + QLatin1Char('\n');
}

/// A fit in the fits' plain-text panel: its name, then its lines under one another beside it.
QString fitLines(const QString &name, const QStringList &lines)
{
    QString text;
    for (qsizetype i = 0; i < lines.size(); ++i)
        text += (i == 0 ? name : QString()).leftJustified(8) + lines[i] + QLatin1Char('\n');
    return text;
}

/// "KL(P‖Q) = a" and "KL(Q‖P) = b", a line each.
QStringList klLines(double klPQ, double klQP)
{
    return {QStringLiteral("KL(P‖Q) = %1").arg(klscope::formatValue(klPQ)),
            QStringLiteral("KL(Q‖P) = %1").arg(klscope::formatValue(klQP))};
}

QString row(const QString &name, double value, const QString &method, double error = 0)
{
    QString note = method;
    if (error > 0)
        note += QStringLiteral(" ± %1").arg(QString::number(error, 'g', 2));
    return row(name, klscope::formatValue(value), note);
}

} // namespace

QList<Normal2Preset> normal2Presets()
{
    QList<Normal2Preset> presets;
    {
        Normal2Preset p;
        p.name = QStringLiteral("kl-2d");
        p.lesson =
            QObject::tr("P = N(0, I) against Q = N((1, −1), [[2, .5], [.5, 1]]): KL(P‖Q) = 1 + ½ ln(7/4) "
                        "(reference vector 26). Drag a centre or an axis handle and watch where the "
                        "divergence comes from.");
        p.state.p = {0.0, 0.0, 1.0, 1.0, 0.0};
        p.state.q = {1.0, -1.0, 2.0, 1.0, 0.5};
        p.state.preset = p.name;
        presets.append(p);
    }
    {
        Normal2Preset p;
        p.name = kMeanField;
        p.lesson =
            QObject::tr("A factorised Q fitted to a correlated P both ways (Bishop, PRML fig. 10.2): the "
                        "forward fit keeps P's marginal variances, the reverse fit 1/Λᵢᵢ is too narrow. "
                        "Turn P's axis towards the diagonal (ρ → ±1) and the reverse fit shrinks. Q "
                        "starts as the reverse fit.");
        p.state.p = {0.0, 0.0, 1.0, 1.0, 0.9};
        p.state.q = {0.0, 0.0, 0.19, 0.19, 0.0}; // the reverse fit: 1 − ρ²
        p.state.meanField = true;
        p.state.preset = p.name;
        presets.append(p);
    }
    {
        Normal2Preset p;
        p.name = QStringLiteral("bimodal-2d");
        p.lesson = QObject::tr(
            "A two-component mixture P and the single Gaussian fitted to it both ways (Bishop, PRML fig. "
            "10.3): the forward fit matches P's moments and spreads over both modes, the reverse fit "
            "settles on one mode (the global minimum solid, the other dashed). Drag a component's centre "
            "and watch the fits follow; drag Q onto a mode and KL(Q‖P) falls to about −ln w.");
        p.state.mixture = {{0.6, {-1.8, -1.2, 0.7, 0.5, 0.3}}, {0.4, {1.8, 1.2, 0.5, 0.6, -0.15}}};
        p.state.q = {1.5, -2.0, 0.4, 0.4, 0.0}; // where P has little mass
        p.state.meanField = true;
        p.state.preset = p.name;
        presets.append(p);
    }
    return presets;
}

Normal2Page::Normal2Page(QWidget *parent)
    : Page(parent), m_document(new Normal2Document(this)), m_cubatureJobs(new JobRunner(this))
{
    // The reverse fit of a mixture takes one thread of its own, so a drag that refits at every step never
    // takes both cores from the window.
    auto *fitPool = new QThreadPool(this);
    fitPool->setMaxThreadCount(1);
    m_fitJobs = new JobRunner(this, fitPool);
    setObjectName(QStringLiteral("normal2Page"));
    auto *panel = new QWidget;
    buildControls(panel);
    auto *scroll = new QScrollArea;
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);

    m_density = new Gaussian2DPlot;
    m_density->setObjectName(QStringLiteral("normal2DensityPlot"));
    m_integrand = new Gaussian2DPlot;
    m_integrand->setObjectName(QStringLiteral("normal2IntegrandPlot"));
    auto *plots = new QSplitter(Qt::Horizontal);
    plots->addWidget(m_density);
    plots->addWidget(m_integrand);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    layout->addWidget(plots, 1);

    connect(m_document, &Normal2Document::stateChanged, this, &Normal2Page::showState);
    connect(m_document, &DocumentBase::editRefused, this,
            [this](const QString &message) { emit statusMessage(message, 6000); });
    connect(m_cubatureJobs, &JobRunner::failed, this, [this](const QString &message) {
        emit statusMessage(tr("The cubature failed: %1").arg(message), 6000);
    });
    connect(m_cubatureJobs, &JobRunner::busyChanged, this, &Page::statusChanged);
    connect(m_fitJobs, &JobRunner::failed, this, [this](const QString &message) {
        emit statusMessage(tr("The fit of P failed: %1").arg(message), 6000);
    });
    connect(m_fitJobs, &JobRunner::busyChanged, this, &Page::statusChanged);

    // A drag on the plot is one undo step: the handles are P, Q and a mixture's components.
    connect(m_density, &Gaussian2DPlot::dragStarted, this, [this](int) { m_document->beginDrag(); });
    connect(m_density, &Gaussian2DPlot::ellipseDragged, this,
            [this](int handle, double mu1, double mu2, double var1, double var2, double cov) {
                const Normal2Params n{mu1, mu2, var1, var2, cov};
                if (handle >= kHandleComponent) {
                    const int k = handle - kHandleComponent;
                    if (k < m_document->state().mixture.size())
                        m_document->setComponent(k, {m_document->state().mixture[k].weight, n});
                    return;
                }
                m_document->setSide(handle == kHandleP ? Normal2Document::P : Normal2Document::Q, n);
            });
    connect(m_density, &Gaussian2DPlot::dragFinished, this, [this](int) {
        m_document->endDrag();
        // The plane follows the new pair once the drag is over.
        showState();
    });

    // The panel as wide as its editors want, and at least as wide as the metrics' fixed-pitch lines need
    // once it shows numbers (the lesson wraps to whatever width that gives).
    const int editors = panel->sizeHint().width();
    m_document->resetState(normal2Presets().front().state);
    showState();
    const int width = std::max(editors, panel->minimumSizeHint().width());
    scroll->setMinimumWidth(width + 12);
    scroll->setMaximumWidth(width + 40);
}

Normal2Page::~Normal2Page() = default;

void Normal2Page::buildControls(QWidget *panel)
{
    auto *layout = new QVBoxLayout(panel);

    auto *presetRow = new QHBoxLayout;
    presetRow->addWidget(new QLabel(tr("Preset:")));
    m_presetCombo = new QComboBox;
    m_presetCombo->setObjectName(QStringLiteral("normal2PresetCombo"));
    m_presetCombo->addItem(tr("(none)"));
    for (const Normal2Preset &p : normal2Presets())
        m_presetCombo->addItem(p.name);
    presetRow->addWidget(m_presetCombo, 1);
    addUndoRedoButtons(presetRow, m_document->undoStack());
    layout->addLayout(presetRow);
    connect(m_presetCombo, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            loadPreset(m_presetCombo->itemText(index));
    });
    m_lesson = new QLabel;
    m_lesson->setObjectName(QStringLiteral("normal2Lesson"));
    m_lesson->setWordWrap(true);
    layout->addWidget(m_lesson);

    for (int s = 0; s < 2; ++s) {
        const auto side = Normal2Document::Side(s);
        auto *box = new QGroupBox(side == Normal2Document::P ? tr("P") : tr("Q"));
        const QColor colour = side == Normal2Document::P ? klscope::palette::p() : klscope::palette::q();
        box->setStyleSheet(QStringLiteral("QGroupBox { font-weight: bold; color: %1; }").arg(colour.name()));
        auto *grid = new QGridLayout(box);
        for (int f = 0; f < FieldCount; ++f) {
            const auto field = Field(f);
            auto *spin = new NumberSpinBox;
            spin->setObjectName(QStringLiteral("%1_%2").arg(side == Normal2Document::P ? "p" : "q").arg(f));
            spin->setStyleSheet(QStringLiteral("font-weight: normal; color: palette(text);"));
            switch (field) {
            case Mu1:
            case Mu2:
                spin->setRange(-1e6, 1e6);
                spin->setSingleStep(0.1);
                break;
            case Var1:
            case Var2:
                spin->setRange(0, 1e6);
                spin->setSingleStep(0.1);
                break;
            default:
                spin->setRange(-1, 1);
                spin->setSingleStep(0.05);
                break;
            }
            m_spins[std::size_t(s)][std::size_t(f)] = spin;
            connect(spin, &NumberSpinBox::valueChanged, this, [this, side, field](double v) {
                if (!m_showing)
                    editField(side, field, v);
            });
        }
        // A mixture P: which component the numbers are, and its weight (hidden for a bivariate normal).
        int top = 0;
        if (side == Normal2Document::P) {
            m_componentRow = new QWidget;
            m_componentRow->setStyleSheet(QStringLiteral("font-weight: normal; color: palette(text);"));
            auto *row = new QHBoxLayout(m_componentRow);
            row->setContentsMargins(0, 0, 0, 0);
            m_component = new QComboBox;
            m_component->setObjectName(QStringLiteral("normal2Component"));
            m_component->setToolTip(tr("The component of the mixture P the numbers below edit."));
            m_weight = new NumberSpinBox;
            m_weight->setObjectName(QStringLiteral("normal2Weight"));
            m_weight->setRange(0, 1e6);
            m_weight->setSingleStep(0.05);
            m_weight->setToolTip(tr("The component's weight (the weights are normalised to sum to 1)."));
            row->addWidget(m_component, 1);
            row->addWidget(new QLabel(QStringLiteral("w")));
            row->addWidget(m_weight, 1);
            grid->addWidget(m_componentRow, 0, 0, 1, 4);
            top = 1;
            connect(m_component, &QComboBox::activated, this, [this](int) { showState(); });
            connect(m_weight, &NumberSpinBox::valueChanged, this, [this](double w) {
                const int k = m_component->currentIndex();
                if (m_showing || k < 0 || k >= m_document->state().mixture.size())
                    return;
                if (!m_document->setComponent(k, {w, m_document->state().mixture[k].n}))
                    showState();
            });
        }
        // μ₁ μ₂ / σ₁² σ₂² / ρ, two to a row.
        for (int f = 0; f < FieldCount; ++f) {
            auto *label = new QLabel(fieldName(Field(f)));
            label->setStyleSheet(QStringLiteral("font-weight: normal; color: palette(text);"));
            grid->addWidget(label, top + f / 2, (f % 2) * 2);
            // ρ is alone on its row and takes all of it: its value is often long (0.35355339059327373).
            grid->addWidget(m_spins[std::size_t(s)][std::size_t(f)], top + f / 2, (f % 2) * 2 + 1, 1,
                            f == Rho ? 3 : 1);
        }
        layout->addWidget(box);
    }

    m_meanField = new QCheckBox(tr("Mean-field fits of P"));
    m_meanField->setObjectName(QStringLiteral("normal2MeanField"));
    connect(m_meanField, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_showing)
            m_document->setMeanField(on);
    });
    layout->addWidget(m_meanField);
    m_reverse = new QCheckBox(tr("Integrand of KL(Q‖P): q·log(q/p)"));
    m_reverse->setObjectName(QStringLiteral("normal2Reverse"));
    connect(m_reverse, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_showing)
            m_document->setReverseIntegrand(on);
    });
    layout->addWidget(m_reverse);

    m_metrics = new QLabel;
    m_metrics->setObjectName(QStringLiteral("normal2Metrics"));
    m_metrics->setTextFormat(Qt::PlainText);
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSizeF(font().pointSizeF() * 0.92);
    m_metrics->setFont(fixed);
    m_metrics->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_metrics);
    m_meanFieldNumbers = new QLabel;
    m_meanFieldNumbers->setObjectName(QStringLiteral("normal2MeanFieldNumbers"));
    m_meanFieldNumbers->setTextFormat(Qt::PlainText);
    m_meanFieldNumbers->setFont(fixed);
    m_meanFieldNumbers->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_meanFieldNumbers);
    layout->addStretch(1);
}

QString Normal2Page::title() const
{
    return tr("2-D");
}

DocumentBase *Normal2Page::documentBase() const
{
    return m_document;
}

QList<const PlotWidget *> Normal2Page::figurePlots() const
{
    return {m_density, m_integrand};
}

QString Normal2Page::statusText() const
{
    const QString what = m_document->state().isMixture() ? tr("A mixture P and a bivariate normal Q")
                                                         : tr("Two bivariate normals");
    return tr("%1 · KL(P‖Q) = %2 nats%3")
        .arg(what, klscope::formatValue(m_klPQ), isBusy() ? tr(" · computing…") : QString());
}

void Normal2Page::setTextScale(double factor)
{
    m_density->setTextScale(factor);
    m_integrand->setTextScale(factor);
}

void Normal2Page::resetZoom()
{
    m_density->setZoom(std::nullopt);
    m_integrand->setZoom(std::nullopt);
}

bool Normal2Page::loadPreset(const QString &name)
{
    for (const Normal2Preset &p : normal2Presets())
        if (p.name == name)
            return m_document->setState(p.state, tr("Load preset %1").arg(name));
    return false;
}

bool Normal2Page::isBusy() const
{
    return m_cubatureJobs->isRunning() || m_fitJobs->isRunning();
}

Normal2Params Normal2Page::editedP() const
{
    const Normal2State &s = m_document->state();
    const int k = m_component->currentIndex();
    return s.isMixture() && k >= 0 && k < s.mixture.size() ? s.mixture[k].n : s.p;
}

void Normal2Page::editField(Normal2Document::Side side, Field field, double value)
{
    const bool component = side == Normal2Document::P && m_document->state().isMixture();
    Normal2Params n = component ? editedP() : m_document->params(side);
    const double rho = n.correlation();
    switch (field) {
    case Mu1:
        n.mu1 = value;
        break;
    case Mu2:
        n.mu2 = value;
        break;
    case Var1:
    case Var2:
        // A new variance keeps the correlation: the covariance scales with it.
        (field == Var1 ? n.var1 : n.var2) = value;
        n.cov = value > 0 ? rho * std::sqrt(n.var1 * n.var2) : n.cov;
        break;
    default:
        // |ρ| = 1 would round to a matrix just positive definite for some variances: refused as such.
        if (!(std::fabs(value) < 1)) {
            emit statusMessage(
                tr("%1: the correlation ρ = %2 is not between −1 and 1: the covariance "
                   "matrix is not positive definite.")
                    .arg(side == Normal2Document::P ? QStringLiteral("P") : QStringLiteral("Q"),
                         QString::number(value, 'g', 17)),
                6000);
            showState();
            return;
        }
        n.cov = value * std::sqrt(n.var1 * n.var2);
        break;
    }
    const int k = m_component->currentIndex();
    const bool accepted = component ? m_document->setComponent(k, {m_document->state().mixture[k].weight, n})
                                    : m_document->setSide(side, n);
    if (!accepted)
        showState(); // the refused value leaves the box: it shows the document again
}

QRectF Normal2Page::defaultView() const
{
    double left = 1e300, right = -1e300, bottom = 1e300, top = -1e300;
    const Normal2State &s = m_document->state();
    QList<Normal2Params> shown{s.q};
    if (s.isMixture()) {
        for (const Normal2Component &c : s.mixture)
            shown.append(c.n);
        if (s.meanField) // the forward fit spreads over every component
            shown.append(Normal2Params::of(klscope::momentMatch(s.mixtureP())));
    } else {
        shown.append(s.p);
    }
    for (const Normal2Params &n : std::as_const(shown)) {
        const double s1 = 2.5 * std::sqrt(n.var1), s2 = 2.5 * std::sqrt(n.var2);
        left = std::min(left, n.mu1 - s1);
        right = std::max(right, n.mu1 + s1);
        bottom = std::min(bottom, n.mu2 - s2);
        top = std::max(top, n.mu2 + s2);
    }
    const double pad = 0.05 * std::max(right - left, top - bottom);
    return QRectF(QPointF(left - pad, bottom - pad), QPointF(right + pad, top + pad));
}

void Normal2Page::showState()
{
    const Normal2State &s = m_document->state();
    m_showing = true;
    // A mixture P: the P box shows the component chosen (the first when there was none).
    if (m_component->count() != s.mixture.size()) {
        const int chosen = std::max(0, m_component->currentIndex());
        m_component->clear();
        for (qsizetype k = 0; k < s.mixture.size(); ++k)
            m_component->addItem(tr("component %1").arg(k + 1));
        m_component->setCurrentIndex(s.mixture.isEmpty() ? -1 : std::min(chosen, int(s.mixture.size()) - 1));
    }
    m_componentRow->setVisible(s.isMixture());
    if (s.isMixture())
        m_weight->setValue(s.mixture[m_component->currentIndex()].weight);
    for (int side = 0; side < 2; ++side)
        for (int f = 0; f < FieldCount; ++f)
            m_spins[std::size_t(side)][std::size_t(f)]->setValue(
                fieldValue(side == 0 ? editedP() : s.q, Field(f)));
    m_meanField->setChecked(s.meanField);
    m_meanField->setText(s.isMixture() ? tr("Gaussian fits of P") : tr("Mean-field fits of P"));
    m_meanField->setToolTip(
        s.isMixture() ? tr("The single Gaussian fitted to the mixture P by KL(P‖Q) (moment matching) and by "
                           "KL(Q‖P) (every local minimum found)")
                      : tr("A factorised Gaussian (no correlation) fitted to P by KL(P‖Q) and by KL(Q‖P)."));
    m_reverse->setChecked(s.reverseIntegrand);
    const int preset = m_presetCombo->findText(s.preset);
    m_presetCombo->setCurrentIndex(s.preset.isEmpty() || preset < 0 ? 0 : preset);
    QString lesson;
    for (const Normal2Preset &p : normal2Presets())
        if (p.name == s.preset)
            lesson = p.lesson;
    m_lesson->setText(lesson);
    m_lesson->setVisible(!lesson.isEmpty());
    m_showing = false;

    if (m_document->currentDrag() == 0 || m_view.isEmpty())
        m_view = defaultView();
    startFits();
    drawPlots();
    showMetrics();
    startCubature();
    emit statusChanged();
}

QList<PlotEllipse> Normal2Page::fitEllipses() const
{
    const Normal2State &s = m_document->state();
    QList<PlotEllipse> ellipses;
    if (!s.meanField)
        return ellipses;
    const QColor forward = klscope::palette::klPQ(), reverse = klscope::palette::klQP();
    if (!s.isMixture()) {
        const klscope::Normal2 p = s.p.normal();
        ellipses << ellipseOf(paramsOf(klscope::meanFieldForward(p)), 1, forward, Qt::DashLine, tr("forward"),
                              -1)
                 << ellipseOf(paramsOf(klscope::meanFieldReverse(p)), 1, reverse, Qt::DashLine, tr("reverse"),
                              -1);
        return ellipses;
    }
    // The moment match at once; the reverse minima once their search is back: the global one solid, the
    // other local ones dashed (as on the Fit page), each at 1σ and 2σ.
    const auto both = [&](const klscope::Normal2 &n, const QColor &colour, Qt::PenStyle style,
                          const QString &name) {
        ellipses << ellipseOf(Normal2Params::of(n), 2, colour, style, QString(), -1)
                 << ellipseOf(Normal2Params::of(n), 1, colour, style, name, -1);
    };
    both(klscope::momentMatch(s.mixtureP()), forward, Qt::SolidLine, tr("forward"));
    if (m_fits) {
        const auto &minima = m_fits->reverse.minima;
        for (std::size_t k = 0; k < minima.size(); ++k)
            both(minima[k].q, reverse, k == 0 ? Qt::SolidLine : Qt::DashLine,
                 k == 0 ? tr("reverse") : (k == 1 ? tr("local min.") : QString()));
    }
    return ellipses;
}

void Normal2Page::drawPlots()
{
    const Normal2State &s = m_document->state();
    const QColor pc = klscope::palette::p(), qc = klscope::palette::q();

    QList<PlotEllipse> ellipses;
    if (!s.isMixture())
        ellipses << ellipseOf(s.p, 2, pc, Qt::SolidLine, QString(), -1);
    ellipses << ellipseOf(s.q, 2, qc, Qt::SolidLine, QString(), -1);
    ellipses << fitEllipses();
    // The 1σ ellipses last, on top, with their handles: P's (or each component's of a mixture P) and Q's.
    if (s.isMixture()) {
        for (qsizetype k = 0; k < s.mixture.size(); ++k)
            ellipses << ellipseOf(s.mixture[k].n, 1, pc, Qt::SolidLine, k == 0 ? tr("P") : QString(),
                                  kHandleComponent + int(k));
    } else {
        ellipses << ellipseOf(s.p, 1, pc, Qt::SolidLine, tr("P"), kHandleP);
    }
    ellipses << ellipseOf(s.q, 1, qc, Qt::SolidLine, tr("Q"), kHandleQ);

    const Gaussian2DData::Layer lp =
        s.isMixture() ? layerOf(s, QStringLiteral("p"), pc) : layerOf(s.p, QStringLiteral("p"), pc);
    const Gaussian2DData::Layer lq = layerOf(s.q, QStringLiteral("q"), qc);

    Gaussian2DData density;
    density.title = s.isMixture() ? tr("Mixture P and Q: densities, 1σ, 2σ ellipses")
                                  : tr("P and Q: densities, 1σ and 2σ ellipses");
    density.layers = {lp, lq};
    density.ellipses = ellipses;
    density.view = m_view;
    m_density->setData(std::move(density));

    Gaussian2DData integrand;
    const bool reverse = s.reverseIntegrand;
    const Gaussian2DData::Field own = reverse ? lq.logDensity : lp.logDensity;
    const Gaussian2DData::Field other = reverse ? lp.logDensity : lq.logDensity;
    // own · (ln own − ln other) a row at a time, the other side's row in a buffer the field keeps.
    integrand.integrand = [own, other, buffer = std::make_shared<std::vector<double>>()](
                              double y, double x0, double dx, std::span<double> out) {
        buffer->resize(out.size());
        own(y, x0, dx, out);
        other(y, x0, dx, *buffer);
        double *b = buffer->data();
        for (std::size_t i = 0; i < out.size(); ++i)
            b[i] = out[i] - b[i];
        klscope::vectorExp(out.data(), out.data(), out.size()); // libmvec where the CPU has AVX2
        for (std::size_t i = 0; i < out.size(); ++i)
            out[i] *= b[i];
    };
    integrand.integrandKey =
        lp.key + QLatin1Char('|') + lq.key + (reverse ? QLatin1Char('r') : QLatin1Char('f'));
    integrand.integrandName = reverse ? QStringLiteral("q·log(q/p)") : QStringLiteral("p·log(p/q)");
    integrand.positive = reverse ? klscope::palette::klQP() : klscope::palette::klPQ();
    integrand.title =
        reverse ? tr("Where KL(Q‖P) comes from: q·log(q/p)") : tr("Where KL(P‖Q) comes from: p·log(p/q)");
    for (PlotEllipse e : std::as_const(ellipses)) {
        if (e.sigmas > 1 || (e.handle < 0 && !s.meanField))
            continue;
        e.handle = -1;
        e.width = 1.5;
        integrand.ellipses << e;
    }
    integrand.view = m_view;
    m_integrand->setData(std::move(integrand));
}

void Normal2Page::showMetrics()
{
    if (m_document->state().isMixture()) {
        m_metrics->setText(mixtureMetrics());
        const QString fits = mixtureFitNumbers();
        m_meanFieldNumbers->setText(fits.trimmed());
        m_meanFieldNumbers->setVisible(!fits.isEmpty());
        return;
    }
    const klscope::Normal2 p = m_document->normal(Normal2Document::P);
    const klscope::Normal2 q = m_document->normal(Normal2Document::Q);
    const double klPQ = klscope::klNormal2(p, q), klQP = klscope::klNormal2(q, p);
    m_klPQ = klPQ;
    const double hP = klscope::entropyNormal2(p), hQ = klscope::entropyNormal2(q);
    const std::array<double, 2> mp{p.mu1(), p.mu2()}, mq{q.mu1(), q.mu2()};
    const std::array<double, 4> sp{p.var1(), p.cov(), p.cov(), p.var2()},
        sq{q.var1(), q.cov(), q.cov(), q.var2()};
    const double hellinger = std::sqrt(std::max(0.0, klscope::gaussianHellingerSquared({mp, sp}, {mq, sq})));
    const QString closed = tr("closed form");
    QString html = tr("Metrics (nats)") + QLatin1Char('\n');
    html += row(tr("KL(P‖Q)"), klPQ, closed) + row(tr("KL(Q‖P)"), klQP, closed);
    html += row(tr("h(P)"), hP, closed) + row(tr("h(Q)"), hQ, closed);
    html += row(tr("H(P, Q)"), hP + klPQ, closed) + row(tr("H(Q, P)"), hQ + klQP, closed);
    html += row(tr("Hellinger"), hellinger, closed);
    if (m_cubature) {
        html += row(tr("JS"), m_cubature->js.value, QString::fromStdString(m_cubature->js.method),
                    m_cubature->js.error);
        html +=
            row(tr("TV"), m_cubature->totalVariation.value,
                QString::fromStdString(m_cubature->totalVariation.method), m_cubature->totalVariation.error);
    } else {
        html += row(tr("JS, TV"), QString(),
                    m_document->currentDrag() != 0 ? tr("by cubature once the drag ends")
                                                   : tr("computing by cubature…"));
    }
    m_metrics->setText(html.trimmed());

    if (!m_document->state().meanField) {
        m_meanFieldNumbers->clear();
        m_meanFieldNumbers->hide();
        return;
    }
    const klscope::DiagonalNormal2 forward = klscope::meanFieldForward(p),
                                   reverse = klscope::meanFieldReverse(p);
    QString text =
        tr("Mean-field fits of P (ρ = %1)").arg(klscope::formatValue(p.correlation())) + QLatin1Char('\n');
    for (const auto &[name, f] : {std::pair{tr("forward"), forward}, {tr("reverse"), reverse}}) {
        const klscope::Normal2 n = f.normal();
        text +=
            fitLines(name, QStringList{QStringLiteral("σ₁² = %1, σ₂² = %2")
                                           .arg(klscope::formatValue(f.var1), klscope::formatValue(f.var2))}
                               << klLines(klscope::klNormal2(p, n), klscope::klNormal2(n, p)));
    }
    m_meanFieldNumbers->setText(text.trimmed());
    m_meanFieldNumbers->show();
}

QString Normal2Page::mixtureMetrics()
{
    // No closed form: KL both ways by the Gauss–Hermite rule of mixture2.h. The cross entropy H(P, Q) =
    // −E_P[ln q] depends on P only through its first two moments, so it is the closed form for the moment
    // match M: H(M, Q) = h(M) + KL(M‖Q); then h(P) = H(P, Q) − KL(P‖Q).
    const klscope::Mixture2 p = m_document->state().mixtureP();
    const klscope::Normal2 q = m_document->normal(Normal2Document::Q);
    const klscope::Normal2 m = klscope::momentMatch(p);
    const double klPQ = klscope::forwardKl(p, q), klQP = klscope::reverseKl(q, p);
    m_klPQ = klPQ;
    const double crossPQ = klscope::entropyNormal2(m) + klscope::klNormal2(m, q);
    const double hQ = klscope::entropyNormal2(q);
    const QString rule = tr("Gauss–Hermite 64²"), closed = tr("closed form");
    QString html = tr("Metrics (nats)") + QLatin1Char('\n');
    html += row(tr("KL(P‖Q)"), klPQ, rule) + row(tr("KL(Q‖P)"), klQP, rule);
    html += row(tr("h(P)"), crossPQ - klPQ, rule) + row(tr("h(Q)"), hQ, closed);
    html += row(tr("H(P, Q)"), crossPQ, tr("closed, via moments")) + row(tr("H(Q, P)"), hQ + klQP, rule);
    html += tr("JS, TV and Hellinger: not computed\nfor a mixture P.");
    return html;
}

QString Normal2Page::mixtureFitNumbers() const
{
    if (!m_document->state().meanField)
        return {};
    const klscope::Normal2 forward = klscope::momentMatch(m_document->state().mixtureP());
    QString text = tr("Gaussian fits of P") + QLatin1Char('\n');
    if (!m_fits || m_fits->mixture != m_document->state().mixture)
        return text + fitLines(tr("forward"), gaussianLines(forward)) + tr("Fitting the reverse minima…");
    text +=
        fitLines(tr("forward"), gaussianLines(forward) << klLines(m_fits->forwardKlPQ, m_fits->forwardKlQP));
    const auto &minima = m_fits->reverse.minima;
    for (std::size_t k = 0; k < minima.size(); ++k)
        text += fitLines(k == 0 ? tr("reverse") : tr("local"),
                         gaussianLines(minima[k].q) << klLines(m_fits->reverseKlPQ[k], minima[k].kl));
    return text + tr("Reverse: %n minima from %1 starts\n(NLopt BOBYQA, Hessian checked).", nullptr,
                     int(minima.size()))
                      .arg(m_fits->reverse.starts);
}

void Normal2Page::startFits()
{
    const Normal2State &s = m_document->state();
    if (!s.isMixture()) {
        m_fitJobs->cancel();
        m_fits.reset();
        return;
    }
    if (m_fits && m_fits->mixture == s.mixture)
        return;
    // The last fits stay drawn (a drag keeps moving them) until the search for this mixture is back.
    const QList<Normal2Component> mixture = s.mixture;
    const klscope::Mixture2 p = s.mixtureP();
    m_fitJobs->start(
        [mixture, p](JobControl &control) {
            Normal2MixtureFits fits{mixture, klscope::momentMatch(p), 0, 0, {}, {}};
            if (control.cancelled()) // superseded while it waited for the thread
                return fits;
            fits.forwardKlPQ = klscope::forwardKl(p, fits.forward);
            fits.forwardKlQP = klscope::reverseKl(fits.forward, p);
            fits.reverse = klscope::fitReverse(p);
            for (const klscope::Mixture2Minimum &m : fits.reverse.minima)
                fits.reverseKlPQ.push_back(klscope::forwardKl(p, m.q));
            return fits;
        },
        [this](const Normal2MixtureFits &fits) {
            m_fits = fits;
            drawPlots();
            showMetrics();
            emit statusChanged();
            emit fitsUpdated();
        });
}

void Normal2Page::startCubature()
{
    m_cubature.reset();
    // The cubature cannot be interrupted: during a drag it would pile up a run per mouse move, so it
    // waits for the drag's end (the closed forms follow the mouse meanwhile).
    // A hidden page computes nothing (the window builds every page at start) until it is shown.
    m_cubaturePending = !isVisible();
    if (m_document->currentDrag() != 0 || m_cubaturePending || m_document->state().isMixture()) {
        m_cubatureJobs->cancel();
        return;
    }
    const klscope::Normal2 p = m_document->normal(Normal2Document::P);
    const klscope::Normal2 q = m_document->normal(Normal2Document::Q);
    m_cubatureJobs->start(
        [p, q](JobControl &control) {
            // A run superseded while it waited for a thread is skipped.
            return control.cancelled() ? klscope::Summary{} : klscope::compareNormal2(p, q);
        },
        [this](const klscope::Summary &summary) {
            m_cubature = summary;
            showMetrics();
            emit statusChanged();
            emit metricsUpdated();
        });
}

void Normal2Page::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (m_cubaturePending)
        startCubature();
}
