#include "fitpage.h"

#include "continuouseditor.h"
#include "eventreadout.h"
#include "familycombo.h"
#include "figureexport.h"
#include "fitanimation.h"
#include "importcontroller.h"
#include "importdialog.h"
#include "jobrunner.h"
#include "landscapeplot.h"
#include "numberspinbox.h"
#include "palette.h"
#include "seriesplot.h"
#include "undobuttons.h"

#include "continuousparameters.h"
#include "continuousspec.h"
#include "custom.h"
#include "discretisednormal.h"
#include "landscape.h"
#include "spec.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <any>
#include <cmath>
#include <limits>
#include <memory>
#include <numbers>
#include <tuple>

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const QString kBimodal = QStringLiteral("gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=3,sigma2=1");
const QString kMinka = QStringLiteral("minka-alpha");
/// The α of the minka-alpha overlay (α = 0 and α = 1 are the reverse and forward fits drawn anyway).
constexpr double kSweep[] = {0.05, 0.25, 0.5, 0.75};

QString parameterName(std::string_view key)
{
    const QString name = QString::fromLatin1(key.data(), qsizetype(key.size()));
    if (name == QLatin1String("mu"))
        return QStringLiteral("μ");
    if (name == QLatin1String("sigma"))
        return QStringLiteral("σ");
    if (name == QLatin1String("nu"))
        return QStringLiteral("ν");
    if (name == QLatin1String("lambda"))
        return QStringLiteral("λ");
    return name;
}

QString familyKeyword(klscope::FitFamily family)
{
    const std::string_view k = klscope::fitFamilyKeyword(family);
    return QString::fromLatin1(k.data(), qsizetype(k.size()));
}

// "μ = −3.000, σ = 1.000".
QString describeParameters(klscope::FitFamily family, const std::vector<double> &values)
{
    const auto info = klscope::fitParameters(family);
    QStringList parts;
    for (std::size_t i = 0; i < info.size() && i < values.size(); ++i)
        // A location the optimiser left at 1e-10 of zero (a symmetric P) reads as 0.
        parts << QStringLiteral("%1 = %2").arg(
            parameterName(info[i].name), klscope::formatValue(std::fabs(values[i]) < 1e-8 ? 0.0 : values[i]));
    return parts.join(QStringLiteral(", "));
}

// Q's density (continuous) or mass (discrete) at each of xs.
std::vector<double> densityOfQ(klscope::FitFamily family, const std::vector<double> &values,
                               const std::vector<double> &xs)
{
    std::vector<double> ys(xs.size(), kNaN);
    const auto info = klscope::fitParameters(family);
    if (values.size() != info.size())
        return ys;
    try {
        if (family == klscope::FitFamily::DiscretisedNormal) {
            for (std::size_t i = 0; i < xs.size(); ++i)
                ys[i] =
                    std::exp(klscope::discretisedNormalLogMass(values[0], values[1], std::llround(xs[i])));
            return ys;
        }
        std::string spec(klscope::fitFamilyKeyword(family));
        spec += ':';
        for (std::size_t i = 0; i < info.size(); ++i) {
            if (i > 0)
                spec += ',';
            spec.append(info[i].name);
            spec += '=';
            spec += QString::number(values[i], 'g', 17).toStdString();
        }
        if (klscope::isDiscrete(family)) {
            const klscope::Distribution d = klscope::parseSpec(spec);
            for (std::size_t i = 0; i < xs.size(); ++i)
                ys[i] = std::exp(klscope::logpmf(d, std::llround(xs[i])));
        } else {
            const klscope::ContinuousDistribution d = klscope::parseContinuousSpec(spec);
            for (std::size_t i = 0; i < xs.size(); ++i)
                ys[i] = klscope::pdf(d, xs[i]);
        }
    } catch (const std::exception &) {
        // A parameter vector the family refuses draws nothing.
    }
    return ys;
}

// The one-line account of how a direction was fitted.
QString methodText(const QString &direction, klscope::FitFamily family, const klscope::FitResult &r)
{
    QString text;
    if (r.method == "closed_form") {
        text = QObject::tr("%1: closed form").arg(direction);
        switch (family) {
        case klscope::FitFamily::Normal:
            text += QObject::tr(" (moment matching: μ = E[X], σ² = Var X)");
            break;
        case klscope::FitFamily::Binomial:
            text += QObject::tr(" (p = E[X] / n)");
            break;
        case klscope::FitFamily::Poisson:
            text += QObject::tr(" (λ = E[X])");
            break;
        case klscope::FitFamily::LogNormal:
            text += QObject::tr(" (the moments of ln X)");
            break;
        default:
            break;
        }
    } else {
        const QString optimiser =
            r.method == "brent" ? QObject::tr("Brent's method") : QObject::tr("NLopt BOBYQA");
        text = QObject::tr("%1: %2 from 16 starts, %3 evaluations, %n minima", nullptr, int(r.minima.size()))
                   .arg(direction, optimiser)
                   .arg(r.iterations);
        if (r.saddles > 0)
            text += QObject::tr(", %n saddle points dropped", nullptr, int(r.saddles));
    }
    return text + QLatin1Char('.');
}

// The colour of one curve of the minka-alpha overlay: Okabe–Ito hues from vermillion (near the reverse fit's
// orange) through reddish purple and blue to sky blue (near the forward fit's bluish green), so each α has
// its own legend entry that a colour-blind reader can tell apart.
QColor sweepColour(double alpha)
{
    if (alpha < 0.15)
        return QColor(0xD5, 0x5E, 0x00);
    if (alpha < 0.4)
        return QColor(0xCC, 0x79, 0xA7);
    if (alpha < 0.6)
        return QColor(0x00, 0x72, 0xB2);
    return QColor(0x56, 0xB4, 0xE9);
}

// The custom masses of ½ Bin(20, 0.2) + ½ Bin(20, 0.8).
QString discreteBimodalSpec()
{
    const klscope::Distribution low = klscope::parseSpec("binomial:n=20,p=0.2");
    const klscope::Distribution high = klscope::parseSpec("binomial:n=20,p=0.8");
    std::vector<double> masses;
    for (std::int64_t k = 0; k <= 20; ++k)
        masses.push_back(0.5 * std::exp(klscope::logpmf(low, k)) + 0.5 * std::exp(klscope::logpmf(high, k)));
    return QString::fromStdString(klscope::formatSpec(klscope::Distribution(klscope::Custom(masses))));
}

// The landscape's range of one parameter: around every minimum found, padded by their spread and Q's width.
std::pair<double, double> axisRange(const klscope::FitParameter &parameter, std::size_t index,
                                    const FitOutcome &outcome, double width)
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const auto *r : {&outcome.forward, &outcome.reverse})
        if (*r)
            for (const klscope::FitPoint &m : (*r)->minima) {
                lo = std::min(lo, m.parameters[index]);
                hi = std::max(hi, m.parameters[index]);
            }
    if (!std::isfinite(lo))
        return {0.0, 1.0};
    switch (parameter.kind) {
    case klscope::ParameterKind::Real: {
        const double pad = std::max({hi - lo, 2 * width, 1e-3}) * 0.6;
        return {lo - pad, hi + pad};
    }
    case klscope::ParameterKind::Unit:
        return {std::max(0.005, lo - 0.25), std::min(0.995, hi + 0.25)};
    default:
        return {lo / 4, hi * 2.5};
    }
}

} // namespace

QList<FitPreset> fitPresets()
{
    using klscope::FitFamily;
    QList<FitPreset> presets;
    FitState bimodal;
    bimodal.target = kBimodal;
    bimodal.preset = QStringLiteral("bimodal-fit");
    presets.append(
        {bimodal.preset,
         QObject::tr("Forward KL spreads one normal over both modes (moment matching: μ = 0, σ² = 10); "
                     "reverse KL locks onto one mode, and a broad third minimum sits at μ = 0."),
         bimodal});

    FitState heavy;
    heavy.target = QStringLiteral("student_t:nu=3,mu=0,sigma=1");
    heavy.preset = QStringLiteral("heavy-tail-fit");
    presets.append(
        {heavy.preset,
         QObject::tr("A normal fitted to a t3: forward KL widens it to the t's variance of 3 to cover the "
                     "tails; reverse KL keeps it narrow on the peak."),
         heavy});

    FitState discrete;
    discrete.target = discreteBimodalSpec();
    discrete.family = FitFamily::Binomial;
    discrete.fixed = {20.0, std::nullopt};
    discrete.preset = QStringLiteral("discrete-bimodal-fit");
    presets.append(
        {discrete.preset,
         QObject::tr("A binomial(20, p) fitted to ½Bin(20, 0.2) + ½Bin(20, 0.8): forward KL puts p = 0.5 "
                     "between the humps; reverse KL picks one, p ≈ 0.2 or p ≈ 0.8."),
         discrete});

    FitState minka;
    minka.target = kBimodal;
    minka.preset = kMinka;
    presets.append(
        {minka.preset,
         QObject::tr("Minka's figure 1: as α goes from 0 to 1 the fitted normal slides from one mode "
                     "(mode-seeking) to covering both (mass-covering)."),
         minka});
    return presets;
}

FitPage::FitPage(QWidget *parent)
    : Page(parent), m_document(new FitDocument(this)), m_fitJobs(new JobRunner(this)),
      m_landscapeJobs(new JobRunner(this))
{
    setObjectName(QStringLiteral("fitPage"));
    auto *panel = new QWidget;
    buildControls(panel);
    auto *scroll = new QScrollArea;
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    m_panelScroll = scroll;

    m_plot = new SeriesPlot;
    m_plot->setObjectName(QStringLiteral("fitPlot"));
    m_landscapePQ = new LandscapePlot;
    m_landscapePQ->setObjectName(QStringLiteral("landscapePQ"));
    m_landscapeQP = new LandscapePlot;
    m_landscapeQP->setObjectName(QStringLiteral("landscapeQP"));
    auto *landscapes = new QWidget;
    auto *landscapeColumn = new QVBoxLayout(landscapes);
    landscapeColumn->setContentsMargins(0, 0, 0, 0);
    landscapeColumn->setSpacing(0);
    auto *row = new QHBoxLayout;
    row->addWidget(m_landscapePQ);
    row->addWidget(m_landscapeQP);
    landscapeColumn->addLayout(row, 1);
    m_animation = new FitAnimation;
    landscapeColumn->addWidget(m_animation);
    auto *plots = new QSplitter(Qt::Vertical);
    plots->addWidget(m_plot);
    plots->addWidget(landscapes);
    plots->setStretchFactor(0, 1);
    plots->setStretchFactor(1, 1);
    // Start at 1 : 1 whatever the animation bar's height adds to the landscapes' size hint: at 3 : 2 the
    // landscapes under a lesson bar were too short to read (the fit plot keeps the larger share, since the
    // animation bar sits under the landscapes).
    plots->setSizes({1000, 1000});

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(leftColumn(scroll));
    layout->addWidget(plots, 1);

    connect(m_document, &FitDocument::stateChanged, this, &FitPage::showState);
    // A drag's rounds were warm-started: its end fits the state it left with the full multistart.
    connect(m_document, &DocumentBase::dragFinished, this, [this] {
        if (!m_warmFit)
            return;
        if (isVisible())
            startFit();
        else
            m_fitPending = true;
    });
    connect(m_document, &DocumentBase::editRefused, this,
            [this](const QString &message) { emit statusMessage(message, 6000); });
    connect(m_fitJobs, &JobRunner::failed, this, [this](const QString &message) {
        emit statusMessage(tr("The fit failed: %1").arg(message), 6000);
    });
    connect(m_landscapeJobs, &JobRunner::failed, this, [this](const QString &message) {
        emit statusMessage(tr("The landscape failed: %1").arg(message), 6000);
    });
    m_plot->canvas()->installEventFilter(this);
    for (int direction = 0; direction < 2; ++direction)
        connect(landscapePlot(direction), &LandscapePlot::clicked, this, &FitPage::landscapeClicked);
    connect(m_animation, &FitAnimation::changed, this, &FitPage::showAnimation);
    connect(m_animation, &FitAnimation::message, this,
            [this](const QString &text) { emit statusMessage(text, 6000); });
    m_animation->setFrameWriter([this](const QString &fileName) { return writeFrame(fileName); });

    m_document->setState(fitPresets().front().state, tr("Load preset"));
    m_document->undoStack()->clear();
    showState();
}

FitPage::~FitPage() = default;

void FitPage::buildControls(QWidget *panel)
{
    auto *layout = new QVBoxLayout(panel);

    auto *presetRow = new QHBoxLayout;
    presetRow->addWidget(new QLabel(tr("Preset:")));
    m_presetCombo = new QComboBox;
    m_presetCombo->setObjectName(QStringLiteral("fitPresetCombo"));
    m_presetCombo->addItem(tr("(none)"));
    for (const FitPreset &p : fitPresets())
        m_presetCombo->addItem(p.name);
    presetRow->addWidget(m_presetCombo, 1);
    addUndoRedoButtons(presetRow, m_document->undoStack());
    layout->addLayout(presetRow);
    m_lesson = new QLabel;
    m_lesson->setObjectName(QStringLiteral("fitLesson"));
    m_lesson->setWordWrap(true);
    layout->addWidget(m_lesson);
    connect(m_presetCombo, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            loadPreset(m_presetCombo->itemText(index));
    });

    auto *targetBox = new QGroupBox(tr("Target P"));
    auto *targetLayout = new QVBoxLayout(targetBox);
    m_targetFamily = new FamilyCombo;
    targetLayout->addWidget(m_targetFamily);
    m_targetEdit = new QLineEdit;
    m_targetEdit->setObjectName(QStringLiteral("fitTargetSpec"));
    m_targetEdit->setToolTip(tr("P as a spec: any family, a Gaussian mixture (gmm:w1=…,mu1=…,sigma1=…,…) or "
                                "custom discrete bars (custom:0.1,0.3,…). Press Enter to apply."));
    targetLayout->addWidget(m_targetEdit);
    m_continuousEditor = new ContinuousEditor;
    targetLayout->addWidget(m_continuousEditor);
    m_importButton = new QPushButton(tr("Import P…"));
    m_importButton->setObjectName(QStringLiteral("fitImportButton"));
    m_importButton->setToolTip(tr("Load P from a CSV/TSV file of probabilities, counts, logits, "
                                  "log-probabilities or raw samples, as custom discrete bars."));
    connect(m_importButton, &QPushButton::clicked, this, &FitPage::importTargetWithDialog);
    targetLayout->addWidget(m_importButton, 0, Qt::AlignLeft);
    layout->addWidget(targetBox);
    connect(m_targetFamily, &FamilyCombo::continuousFamilyChosen, this, [this](klscope::ContinuousFamily f) {
        if (!m_showing)
            m_document->setTarget(QString::fromStdString(klscope::formatSpec(klscope::defaultContinuous(f))));
    });
    connect(m_targetFamily, &FamilyCombo::discreteFamilyChosen, this, [this](klscope::Family f) {
        if (!m_showing)
            m_document->setTarget(
                QString::fromStdString(klscope::formatSpec(klscope::defaultDistribution(f))));
    });
    connect(m_targetEdit, &QLineEdit::editingFinished, this, [this] {
        if (m_targetEdit->text().trimmed() != m_document->state().target &&
            !m_document->setTarget(m_targetEdit->text()))
            m_targetEdit->setText(m_document->state().target);
    });
    connect(m_continuousEditor, &ContinuousEditor::parameterEdited, this, &FitPage::editTargetFromEditor);
    connect(m_continuousEditor, &ContinuousEditor::mixtureEdited, this, &FitPage::editTargetFromEditor);
    connect(m_continuousEditor, &ContinuousEditor::dragStarted, this, [this] { m_document->beginDrag(); });
    connect(m_continuousEditor, &ContinuousEditor::dragFinished, this, [this] { m_document->endDrag(); });
    connect(m_continuousEditor, &ContinuousEditor::editRefused, this,
            [this](const QString &message) { emit statusMessage(message, 6000); });

    auto *modelBox = new QGroupBox(tr("Model Q"));
    auto *modelLayout = new QVBoxLayout(modelBox);
    m_family = new QComboBox;
    m_family->setObjectName(QStringLiteral("fitFamilyCombo"));
    for (const klscope::FitFamily f : klscope::allFitFamilies())
        m_family->addItem(familyKeyword(f).replace(QLatin1Char('_'), QLatin1Char(' ')), int(f));
    modelLayout->addWidget(m_family);
    connect(m_family, &QComboBox::activated, this, [this](int index) {
        m_document->setFamily(klscope::FitFamily(m_family->itemData(index).toInt()));
    });
    m_fixGrid = new QGridLayout;
    // The value boxes take the spare width: a fitted value shows in full (3.1622776601683795).
    m_fixGrid->setColumnStretch(2, 1);
    modelLayout->addLayout(m_fixGrid);
    layout->addWidget(modelBox);

    auto *alphaBox = new QGroupBox(tr("Direction (Minka's α)"));
    auto *alphaLayout = new QVBoxLayout(alphaBox);
    auto *alphaRow = new QHBoxLayout;
    alphaRow->addWidget(new QLabel(tr("reverse")));
    m_alpha = new QSlider(Qt::Horizontal);
    m_alpha->setObjectName(QStringLiteral("alphaSlider"));
    m_alpha->setRange(0, 100);
    alphaRow->addWidget(m_alpha, 1);
    alphaRow->addWidget(new QLabel(tr("forward")));
    alphaLayout->addLayout(alphaRow);
    m_alphaLabel = new QLabel;
    m_alphaLabel->setWordWrap(true);
    alphaLayout->addWidget(m_alphaLabel);
    const QString help = tr(
        "Q is also fitted by the α-divergence in Minka's convention (\"Divergence measures and message "
        "passing\", 2005): α → 0 gives KL(Q‖P), mode-seeking; α = 1 gives KL(P‖Q), mass-covering; α = ½ is "
        "four times the squared Hellinger distance.");
    auto *helpLabel = new QLabel(help);
    helpLabel->setObjectName(QStringLiteral("alphaHelp"));
    helpLabel->setWordWrap(true);
    QFont small = helpLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    helpLabel->setFont(small);
    alphaLayout->addWidget(helpLabel);
    m_alpha->setToolTip(help);
    m_alpha->setWhatsThis(help);
    layout->addWidget(alphaBox);
    connect(m_alpha, &QSlider::sliderPressed, this, [this] { m_document->beginDrag(); });
    connect(m_alpha, &QSlider::sliderReleased, this, [this] { m_document->endDrag(); });
    connect(m_alpha, &QSlider::valueChanged, this, [this](int value) {
        if (!m_showing)
            m_document->setAlpha(value / 100.0);
    });

    auto *minimaBox = new QGroupBox(tr("Minima"));
    auto *minimaLayout = new QVBoxLayout(minimaBox);
    m_minima = new QTableWidget(0, 4);
    m_minima->setObjectName(QStringLiteral("minimaTable"));
    m_minima->setHorizontalHeaderLabels({tr("Fit"), tr("Q"), tr("KL(P‖Q)"), tr("KL(Q‖P)")});
    m_minima->verticalHeader()->hide();
    m_minima->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_minima->setSelectionMode(QAbstractItemView::NoSelection);
    m_minima->setWordWrap(true);
    m_minima->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_minima->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    minimaLayout->addWidget(m_minima);
    m_method = new QLabel;
    m_method->setObjectName(QStringLiteral("fitMethod"));
    m_method->setWordWrap(true);
    m_method->setFont(small);
    minimaLayout->addWidget(m_method);
    m_minimaBox = minimaBox;
    layout->addStretch(1);
}

QWidget *FitPage::leftColumn(QScrollArea *controls)
{
    // The minima and their KL values, the page's answer, stay in view under the controls, which scroll. The
    // column is as wide as the controls (fitPanelWidth fixes the scroll area's width); the box follows it,
    // inset like the controls.
    auto *column = new QWidget;
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(controls, 1);
    auto *holder = new QWidget;
    auto *inset = new QVBoxLayout(holder);
    const QMargins panel = controls->widget()->layout()->contentsMargins();
    inset->setContentsMargins(
        panel.left(), 0, panel.right() + controls->verticalScrollBar()->sizeHint().width(), panel.bottom());
    inset->addWidget(m_minimaBox);
    layout->addWidget(holder);
    // One line a row, so the table's height does not depend on its width: a Q too long for its column is
    // elided, and its tooltip shows it whole.
    m_minima->setWordWrap(false);
    m_minima->setTextElideMode(Qt::ElideRight);
    return column;
}

int FitPage::minimaWidth() const
{
    // Every column but Q at its contents' width, Q at up to 200 pixels (elided beyond), and the box around.
    const QAbstractItemView *view = m_minima; // QTableView hides sizeHintForColumn
    int width = 2 * m_minima->frameWidth() + 2 * 12;
    for (int c = 0; c < m_minima->columnCount(); ++c) {
        const int contents =
            std::max(view->sizeHintForColumn(c), m_minima->horizontalHeader()->sectionSizeHint(c));
        width += c == 1 ? std::clamp(contents, 80, 200) : contents;
    }
    const QMargins panel = m_panelScroll->widget()->layout()->contentsMargins();
    return width + panel.left() + panel.right();
}

void FitPage::fitMinimaHeight()
{
    // Every row shows, up to six; more scroll inside the table.
    int height = m_minima->horizontalHeader()->sizeHint().height() + 2 * m_minima->frameWidth();
    for (int i = 0; i < std::min(m_minima->rowCount(), 6); ++i)
        height += m_minima->rowHeight(i);
    m_minima->setFixedHeight(std::max(height, m_minima->horizontalHeader()->sizeHint().height() * 3));
}

QString FitPage::title() const
{
    return tr("Fit");
}

DocumentBase *FitPage::documentBase() const
{
    return m_document;
}

QList<const PlotWidget *> FitPage::figurePlots() const
{
    return {m_plot};
}

QList<int> FitPage::figureStretch() const
{
    return {};
}

QString FitPage::statusText() const
{
    const FitState &s = m_document->state();
    return tr("Fit %1 to P · α = %2%3")
        .arg(familyKeyword(s.family))
        .arg(s.alpha, 0, 'f', 2)
        .arg(isBusy() ? tr(" · computing…") : QString());
}

void FitPage::setTextScale(double factor)
{
    m_plot->setTextScale(factor);
    m_landscapePQ->setTextScale(factor);
    m_landscapeQP->setTextScale(factor);
}

void FitPage::resetZoom()
{
    m_plot->resetZoom();
    m_landscapePQ->setZoom(std::nullopt);
    m_landscapeQP->setZoom(std::nullopt);
}

bool FitPage::loadPreset(const QString &name)
{
    for (const FitPreset &p : fitPresets())
        if (p.name == name)
            return m_document->setState(p.state, tr("Load preset %1").arg(name));
    return false;
}

QCheckBox *FitPage::fixBox(int index) const
{
    return index >= 0 && index < m_fixBoxes.size() ? m_fixBoxes[index] : nullptr;
}

NumberSpinBox *FitPage::fixSpin(int index) const
{
    return index >= 0 && index < m_fixSpins.size() ? m_fixSpins[index] : nullptr;
}

bool FitPage::isFitting() const
{
    return m_fitJobs->isRunning();
}

bool FitPage::isBusy() const
{
    return m_fitJobs->isRunning() || m_landscapeJobs->isRunning();
}

void FitPage::editTargetFromEditor()
{
    m_document->setTarget(QString::fromStdString(klscope::formatSpec(m_continuousEditor->distribution())));
}

void FitPage::rebuildFixRows()
{
    for (QWidget *w : m_fixLabels)
        delete w;
    for (QWidget *w : m_fixBoxes)
        delete w;
    for (QWidget *w : m_fixSpins)
        delete w;
    m_fixLabels.clear();
    m_fixBoxes.clear();
    m_fixSpins.clear();
    const auto info = klscope::fitParameters(m_document->state().family);
    for (std::size_t i = 0; i < info.size(); ++i) {
        auto *label = new QLabel(parameterName(info[i].name));
        auto *box = new QCheckBox(tr("fix"));
        box->setObjectName(
            QStringLiteral("fix_%1").arg(QLatin1String(info[i].name.data(), info[i].name.size())));
        auto *spin = new NumberSpinBox;
        spin->setInteger(info[i].kind == klscope::ParameterKind::Count);
        switch (info[i].kind) {
        case klscope::ParameterKind::Real:
            spin->setRange(-1e6, 1e6);
            break;
        case klscope::ParameterKind::Positive:
            spin->setRange(1e-4, 1e6);
            break;
        case klscope::ParameterKind::Unit:
            spin->setRange(1e-4, 1 - 1e-4);
            spin->setSingleStep(0.01);
            break;
        case klscope::ParameterKind::Count:
            spin->setRange(1, 1e6);
            box->setEnabled(false);
            box->setToolTip(tr("A whole number is never fitted: it is always held."));
            break;
        }
        m_fixGrid->addWidget(label, int(i), 0);
        m_fixGrid->addWidget(box, int(i), 1);
        m_fixGrid->addWidget(spin, int(i), 2);
        m_fixLabels.append(label);
        m_fixBoxes.append(box);
        m_fixSpins.append(spin);
        connect(box, &QCheckBox::toggled, this, [this, i, spin](bool on) {
            if (m_showing)
                return;
            if (!on) {
                m_document->setFixed(i, std::nullopt);
                return;
            }
            // Held where the current fit has it, so fixing changes nothing until the value is edited.
            double value = spin->value();
            if (m_outcome && m_outcome->forward && i < m_outcome->forward->best.parameters.size())
                value = m_outcome->forward->best.parameters[i];
            m_document->setFixed(i, value);
        });
        connect(spin, &NumberSpinBox::valueChanged, this, [this, i](double value) {
            if (!m_showing && m_document->state().fixed[i])
                m_document->setFixed(i, value);
        });
    }
}

void FitPage::showState()
{
    const FitState &s = m_document->state();
    m_showing = true;
    const int presetIndex = m_presetCombo->findText(s.preset);
    m_presetCombo->setCurrentIndex(std::max(0, presetIndex));
    QString lesson;
    for (const FitPreset &p : fitPresets())
        if (p.name == s.preset)
            lesson = p.lesson;
    m_lesson->setText(lesson);
    m_lesson->setVisible(!lesson.isEmpty());

    const klscope::FitTarget &target = m_document->target();
    if (const auto *c = std::get_if<klscope::ContinuousDistribution>(&target)) {
        m_targetFamily->setCurrent(klscope::family(*c));
        m_continuousEditor->setDistribution(*c);
        m_continuousEditor->setVisible(true);
    } else {
        m_targetFamily->setCurrent(klscope::family(std::get<klscope::Distribution>(target)));
        m_continuousEditor->setVisible(false);
    }
    if (!m_targetEdit->hasFocus() || m_targetEdit->text().trimmed() == s.target)
        m_targetEdit->setText(s.target);
    m_targetEdit->setCursorPosition(0);

    m_family->setCurrentIndex(m_family->findData(int(s.family)));
    for (int i = 0; i < m_family->count(); ++i) {
        // Only the families of P's domain can be fitted to it.
        const bool usable =
            klscope::isDiscrete(klscope::FitFamily(m_family->itemData(i).toInt())) == (target.index() == 1);
        if (auto *model = qobject_cast<QStandardItemModel *>(m_family->model()))
            model->item(i)->setEnabled(usable);
    }
    if (m_fixBoxes.size() != qsizetype(s.fixed.size()) ||
        m_family->property("shownFamily").toInt() != int(s.family)) {
        rebuildFixRows();
        m_family->setProperty("shownFamily", int(s.family));
    }
    for (qsizetype i = 0; i < m_fixBoxes.size(); ++i) {
        const std::optional<double> &v = s.fixed[std::size_t(i)];
        m_fixBoxes[i]->setChecked(v.has_value());
        m_fixSpins[i]->setEnabled(v.has_value() && m_fixBoxes[i]->isEnabled());
        if (v)
            m_fixSpins[i]->setValue(*v);
    }
    if (!m_alpha->isSliderDown())
        m_alpha->setValue(int(std::lround(s.alpha * 100)));
    m_alphaLabel->setText(tr("α = %1: the α fit lies between the reverse (α = 0) and forward (α = 1) fits.")
                              .arg(s.alpha, 0, 'f', 2));
    m_showing = false;
    // The new rows reach the panel's layout through the event loop: size the panel after them.
    QTimer::singleShot(0, this, &FitPage::fitPanelWidth);

    // Only the picked Q changed: nothing to refit.
    const QString key = QStringLiteral("%1|%2|%3|%4")
                            .arg(s.target)
                            .arg(int(s.family))
                            .arg(s.alpha, 0, 'g', 17)
                            .arg(s.preset == kMinka);
    QString fixedKey;
    for (const std::optional<double> &v : s.fixed)
        fixedKey += v ? QString::number(*v, 'g', 17) + QLatin1Char(',') : QStringLiteral("-,");
    if (key + fixedKey != property("fitKey").toString()) {
        setProperty("fitKey", key + fixedKey);
        // A page on a tab nobody opened computes nothing (the window builds every page at start).
        if (isVisible())
            startFit();
        else
            m_fitPending = true;
    } else {
        drawFits();
        fillMinima();
    }
    emit statusChanged();
}

void FitPage::fitPanelWidth()
{
    // As wide as the controls need (the rows change with P and Q), so nothing is cut off at the right; the
    // editor's rows reach the group box's layout only once shown, so its own need counts too.
    const int need = std::max(
        {m_panelScroll->widget()->minimumSizeHint().width(),
         m_continuousEditor->isVisibleTo(this) ? m_continuousEditor->minimumSizeHint().width() + 32 : 0,
         minimaWidth()});
    const int width = need + m_panelScroll->verticalScrollBar()->sizeHint().width() + 4;
    if (width != m_panelScroll->width())
        m_panelScroll->setFixedWidth(width);
    if (m_minimaBox && m_minimaBox->parentWidget()->width() != width) {
        m_minimaBox->parentWidget()->setFixedWidth(width);
        // Lay the page out now, so the table's rows wrap to its new width before the next paint.
        layout()->activate();
    }
}

void FitPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    fitPanelWidth();
    if (m_fitPending)
        startFit();
}

void FitPage::startFit()
{
    m_fitPending = false;
    const FitState s = m_document->state();
    const klscope::FitTarget target = m_document->target();
    const std::vector<double> fixed = m_document->fixedValues();
    const bool sweep = s.preset == kMinka;
    // While P or α is dragged, each α fit starts only from the previous round's α fit and this round's
    // forward and reverse fits, between which it lies, and the reverse fit from the previous round's minima
    // and the forward fit: a few local searches instead of the multistart, which runs once when the drag
    // ends (dragFinished) and finds any minimum the drag made appear.
    const bool warm = m_document->currentDrag() != 0 && m_outcome && m_outcome->alpha;
    m_warmFit = warm;
    std::optional<klscope::FitResult> previousAlpha, previousReverse;
    QList<std::pair<double, std::vector<double>>> previousSweep;
    if (warm) {
        previousAlpha = m_outcome->alpha;
        previousReverse = m_outcome->reverse;
        previousSweep = m_outcome->alphaSweep;
    }
    m_fitJobs->start(
        [target, family = s.family, fixed, alpha = s.alpha, sweep, warm, previousAlpha, previousReverse,
         previousSweep](JobControl &control) {
            // An edit's refit comes first: a landscape still computing keeps to one thread meanwhile.
            const klscope::LandscapeYield yield;
            FitOutcome out;
            out.warm = warm;
            std::optional<klscope::FitObjective> objective;
            try {
                objective.emplace(target, family, fixed);
            } catch (const std::exception &e) {
                out.forwardError = out.reverseError = out.alphaError = QString::fromStdString(e.what());
                return out;
            }
            const auto run = [&](klscope::FitDirection direction, double a,
                                 std::optional<klscope::FitResult> &r, QString &error,
                                 std::vector<std::vector<double>> starts = {}) {
                if (control.cancelled())
                    return;
                klscope::FitOptions options;
                options.alpha = a;
                options.startPoints = std::move(starts);
                try {
                    r = klscope::fit(*objective, direction, options);
                } catch (const std::exception &e) {
                    error = QString::fromStdString(e.what());
                }
            };
            // The warm starts of an α fit: `previous` (the last round's fit at that α) and the fresh forward
            // and reverse fits; none when the round is not warm (the multistart).
            const auto startsFrom = [&](const klscope::FitResult *previous) {
                if (!warm)
                    return std::vector<std::vector<double>>{};
                return klscope::warmStarts(
                    {previous, out.forward ? &*out.forward : nullptr, out.reverse ? &*out.reverse : nullptr});
            };
            run(klscope::FitDirection::Forward, 1.0, out.forward, out.forwardError);
            run(klscope::FitDirection::Reverse, 0.0, out.reverse, out.reverseError,
                warm && previousReverse
                    ? klscope::warmStarts({&*previousReverse, out.forward ? &*out.forward : nullptr})
                    : std::vector<std::vector<double>>{});
            // The two fits show at once; the α fits (a search over a quadrature, most of the time) follow.
            control.progress(0.5, std::any(out));
            run(klscope::FitDirection::Alpha, alpha, out.alpha, out.alphaError,
                startsFrom(previousAlpha ? &*previousAlpha : nullptr));
            if (sweep)
                for (const double a : kSweep) {
                    std::vector<std::vector<double>> starts = startsFrom(nullptr);
                    for (const auto &[swept, parameters] : previousSweep)
                        if (swept == a)
                            starts.push_back(parameters);
                    std::optional<klscope::FitResult> r;
                    QString error;
                    run(klscope::FitDirection::Alpha, a, r, error, std::move(starts));
                    if (r)
                        out.alphaSweep.append({a, r->best.parameters});
                }
            return out;
        },
        [this](const FitOutcome &outcome) { fitsArrived(outcome); },
        [this](double, const std::any &partial) {
            if (const auto *outcome = std::any_cast<FitOutcome>(&partial))
                forwardAndReverseArrived(*outcome);
        });
    emit statusChanged();
}

void FitPage::forwardAndReverseArrived(const FitOutcome &outcome)
{
    // The first round shows whole (outcome() stays empty until then); later ones show their two fits at
    // once, with the previous round's α fits until the new ones arrive.
    if (!m_outcome)
        return;
    FitOutcome shown = outcome;
    shown.alpha = m_outcome->alpha;
    shown.alphaError = m_outcome->alphaError;
    shown.alphaSweep = m_outcome->alphaSweep;
    m_outcome = std::move(shown);
    drawFits();
    fillMinima();
    emit forwardAndReverseUpdated();
}

void FitPage::fitsArrived(const FitOutcome &outcome)
{
    m_outcome = outcome;
    // A free parameter's box shows where the forward fit put it (fixing it holds it there).
    m_showing = true;
    const FitState &s = m_document->state();
    if (outcome.forward)
        for (qsizetype i = 0; i < m_fixSpins.size(); ++i)
            if (std::size_t(i) < s.fixed.size() && !s.fixed[std::size_t(i)])
                m_fixSpins[i]->setValue(outcome.forward->best.parameters[std::size_t(i)]);
    m_showing = false;
    drawFits();
    fillMinima();
    startLandscape();
    updateAnimationProblem();
    emit statusChanged();
    emit fitsUpdated();
}

void FitPage::drawFits()
{
    const FitState &s = m_document->state();
    const klscope::FitTarget &target = m_document->target();
    QList<PlotSeries> series;
    std::vector<double> xs;
    PlotSeries p;
    p.name = QStringLiteral("P");
    p.role = PlotSeries::Role::P;
    if (const auto *c = std::get_if<klscope::ContinuousDistribution>(&target)) {
        double lo = klscope::quantile(*c, 0.002), hi = klscope::quantile(*c, 0.998);
        const double pad = (hi - lo) * 0.2;
        const klscope::Interval support = klscope::support(*c);
        lo = std::max(lo - pad, support.low);
        hi = std::min(hi + pad, support.high);
        constexpr int n = 600;
        for (int i = 0; i <= n; ++i)
            xs.push_back(lo + (hi - lo) * i / n);
        p.kind = PlotSeries::Kind::FilledCurve;
        QList<PlotMarker> markers;
        if (const auto *mixture = std::get_if<klscope::GaussianMixture>(c))
            for (std::size_t k = 0; k < mixture->size(); ++k)
                markers.append({mixture->components()[k].mu, tr("μ%1").arg(k + 1), PlotSeries::Role::P});
        m_plot->setMarkers(markers);
        for (double x : xs)
            p.y.push_back(klscope::pdf(*c, x));
        m_plot->setXRange(lo, hi);
        m_plot->setAxisTitles(tr("x"), tr("density"));
    } else {
        const auto &d = std::get<klscope::Distribution>(target);
        klscope::EventRange range = klscope::support(d);
        if (klscope::hasInfiniteSupport(d)) {
            // Far enough to show the body and the fits' tails.
            const double m = klscope::mean(d), sd = std::sqrt(klscope::variance(d));
            range.last = std::int64_t(std::ceil(m + 8 * sd + 5));
        }
        for (std::int64_t k = range.first; k <= range.last; ++k)
            xs.push_back(double(k));
        p.kind = PlotSeries::Kind::Bars;
        m_plot->setMarkers({});
        for (double x : xs)
            p.y.push_back(std::exp(klscope::logpmf(d, std::int64_t(x))));
        m_plot->setXRange(double(range.first) - 0.5, double(range.last) + 0.5);
        m_plot->setAxisTitles(tr("event"), tr("mass"));
    }
    p.x = xs;
    series.append(p);

    const auto addFits = [&](const std::optional<klscope::FitResult> &r, PlotSeries::Role role,
                             const QString &name, const QString &localName) {
        if (!r)
            return;
        for (std::size_t k = 0; k < r->minima.size(); ++k) {
            PlotSeries q;
            q.role = role;
            q.kind = PlotSeries::Kind::Line;
            q.dashed = k > 0;
            q.name = k == 0 ? name : (k == 1 ? localName : QString());
            q.x = xs;
            q.y = densityOfQ(s.family, r->minima[k].parameters, xs);
            series.append(q);
        }
    };
    if (m_outcome) {
        // Minka's figure names every curve by its α: the reverse fit is α → 0, the forward one α = 1.
        const auto &sweep = m_outcome->alphaSweep;
        const bool minka = !sweep.isEmpty();
        addFits(m_outcome->forward, PlotSeries::Role::KlPQ,
                minka ? tr("α = 1: forward fit, min KL(P‖Q)") : tr("forward fit, min KL(P‖Q)"),
                tr("forward, other local minima"));
        addFits(m_outcome->reverse, PlotSeries::Role::KlQP,
                minka ? tr("α → 0: reverse fit, min KL(Q‖P)") : tr("reverse fit, min KL(Q‖P)"),
                tr("reverse, other local minima"));
        const bool swept = std::any_of(sweep.begin(), sweep.end(), [&](const auto &entry) {
            return std::fabs(entry.first - s.alpha) < 1e-9;
        });
        if (m_outcome->alpha && s.alpha > 0 && s.alpha < 1 && !swept) {
            PlotSeries a;
            a.role = PlotSeries::Role::Js;
            a.name = tr("α = %1 fit").arg(s.alpha, 0, 'f', 2);
            a.x = xs;
            a.y = densityOfQ(s.family, m_outcome->alpha->best.parameters, xs);
            series.append(a);
        }
        for (const auto &[alpha, parameters] : m_outcome->alphaSweep) {
            PlotSeries a;
            a.role = PlotSeries::Role::Js;
            a.dashed = true;
            a.colour = sweepColour(alpha);
            a.name = tr("α = %1").arg(alpha, 0, 'f', 2);
            a.x = xs;
            a.y = densityOfQ(s.family, parameters, xs);
            series.append(a);
        }
    }
    if (!s.q.empty()) {
        PlotSeries q;
        q.role = PlotSeries::Role::Q;
        q.name = tr("Q (picked)");
        q.x = xs;
        q.y = densityOfQ(s.family, s.q, xs);
        series.append(q);
    }
    appendAnimationSeries(series, xs);
    m_plot->setSeries(series);

    const auto point = [this](const std::vector<double> &v) {
        const double x = m_landscapeAxes.empty() ? kNaN : v[m_landscapeAxes[0]];
        const double y = m_landscapeAxes.size() < 2 ? 0.0 : v[m_landscapeAxes[1]];
        return QPointF(x, y);
    };
    std::optional<QPointF> picked;
    // The axes follow the fits; right after an undo of a family change they may still be the old family's.
    if (!s.q.empty() && !m_landscapeAxes.empty() && m_landscapeAxes.back() < s.q.size())
        picked = point(s.q);
    m_landscapePQ->setPicked(picked);
    m_landscapeQP->setPicked(picked);
}

void FitPage::fillMinima()
{
    const FitState &s = m_document->state();
    struct Row
    {
        QString fit;
        std::vector<double> parameters;
        klscope::KlPair kl;
        int role;
    };
    QList<Row> rows;
    QStringList methods, errors;
    const auto add = [&](const std::optional<klscope::FitResult> &r, const QString &direction,
                         const QString &error, int role) {
        if (!r) {
            if (!error.isEmpty())
                errors << tr("%1: %2").arg(direction, error);
            return;
        }
        const bool closed = r->method == "closed_form";
        for (std::size_t k = 0; k < r->minima.size(); ++k)
            rows.append({k == 0 ? tr("%1%2").arg(direction, closed ? tr(" · closed form") : tr(" · global"))
                                : tr("%1 · local").arg(direction),
                         r->minima[k].parameters, r->minima[k].kl, role});
        methods << methodText(direction, s.family, *r);
    };
    if (m_outcome) {
        add(m_outcome->forward, tr("Forward"), m_outcome->forwardError, 0);
        add(m_outcome->reverse, tr("Reverse"), m_outcome->reverseError, 1);
        if (s.alpha > 0 && s.alpha < 1 && m_outcome->alpha) {
            const klscope::FitPoint &best = m_outcome->alpha->best;
            rows.append({tr("α = %1").arg(s.alpha, 0, 'f', 2), best.parameters, best.kl, 2});
        }
    }
    if (!s.q.empty()) {
        klscope::KlPair kl{kNaN, kNaN};
        try {
            kl = m_document->objective().kl(s.q);
        } catch (const std::exception &) {
        }
        rows.append({tr("Picked Q"), s.q, kl, 3});
    }
    const QColor colours[] = {klscope::palette::klPQ(), klscope::palette::klQP(), klscope::palette::js(),
                              klscope::palette::q()};
    // In minka-alpha the α fit is one of the overlay's curves: its row takes that curve's colour.
    const auto alphaRowColour = [&](int role, const QColor &colour) {
        const bool swept =
            m_outcome && std::any_of(m_outcome->alphaSweep.begin(), m_outcome->alphaSweep.end(),
                                     [&](const auto &e) { return std::fabs(e.first - s.alpha) < 1e-9; });
        return role == 2 && swept ? sweepColour(s.alpha) : colour;
    };
    m_minima->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const Row &r = rows[i];
        const QStringList cells = {r.fit, describeParameters(s.family, r.parameters),
                                   klscope::formatValue(r.kl.pq), klscope::formatValue(r.kl.qp)};
        for (int c = 0; c < 4; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);
            if (c == 0)
                item->setForeground(alphaRowColour(r.role, colours[r.role]).darker(120));
            if (c >= 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_minima->setItem(i, c, item);
        }
    }
    m_minima->resizeRowsToContents();
    fitMinimaHeight();
    fitPanelWidth();
    m_method->setText((methods + errors).join(QLatin1Char('\n')));
}

void FitPage::startLandscape()
{
    if (!m_outcome)
        return;
    const FitState s = m_document->state();
    const FitOutcome &o = *m_outcome;
    const std::optional<klscope::FitResult> &basis = o.forward ? o.forward : o.reverse;
    if (!basis) {
        m_landscapeJobs->cancel();
        return;
    }
    const auto info = klscope::fitParameters(s.family);
    std::vector<std::size_t> free;
    for (std::size_t i = 0; i < info.size(); ++i)
        if (!s.fixed[i])
            free.push_back(i);
    // A Student t with every parameter free shows μ and σ, with ν at the forward fit's value.
    if (free.size() > 2)
        free.erase(free.begin(), free.end() - 2);
    m_landscapeAxes = free;
    double width = 1.0;
    for (std::size_t i = 0; i < info.size(); ++i)
        if (info[i].scale)
            width = basis->best.parameters[i];
    const std::vector<double> base = basis->best.parameters;
    klscope::LandscapeAxis x;
    x.parameter = free[0];
    std::tie(x.from, x.to) = axisRange(info[free[0]], free[0], o, width);
    x.count = 128;
    std::optional<klscope::LandscapeAxis> y;
    if (free.size() > 1) {
        y.emplace();
        y->parameter = free[1];
        std::tie(y->from, y->to) = axisRange(info[free[1]], free[1], o, width);
        y->count = 128;
    } else {
        x.count = 400;
    }

    QList<QPointF> minimaPQ, minimaQP;
    const auto marks = [&](const std::optional<klscope::FitResult> &r, QList<QPointF> &out) {
        if (r)
            for (const klscope::FitPoint &m : r->minima)
                out.append(QPointF(m.parameters[free[0]], free.size() > 1 ? m.parameters[free[1]] : 0.0));
    };
    marks(o.forward, minimaPQ);
    marks(o.reverse, minimaQP);
    m_landscapePQ->setMinima(minimaPQ);
    m_landscapeQP->setMinima(minimaQP);
    drawFits(); // the picked Q's cross follows the axes

    const QString key = QStringLiteral("%1|%2|%3|%4|%5")
                            .arg(s.target)
                            .arg(int(s.family))
                            .arg(x.from)
                            .arg(x.to)
                            .arg(y ? y->to : 0.0);
    QString fixedKey;
    for (const std::optional<double> &v : s.fixed)
        fixedKey += v ? QString::number(*v, 'g', 17) + QLatin1Char(',') : QStringLiteral("-,");
    if (m_landscapeComplete && property("landscapeKey").toString() == key + fixedKey)
        return;
    setProperty("landscapeKey", key + fixedKey);
    m_landscapeComplete = false;

    const klscope::FitTarget target = m_document->target();
    const std::vector<double> fixed = m_document->fixedValues();
    const auto toData = [this, info](const klscope::Landscape &l) {
        std::pair<LandscapeData, LandscapeData> out;
        for (LandscapeData *d : {&out.first, &out.second}) {
            d->xTitle = parameterName(info[l.x.parameter].name);
            d->xFrom = l.x.from;
            d->xTo = l.x.to;
            d->xCount = l.x.count;
            if (l.y) {
                d->yTitle = parameterName(info[l.y->parameter].name);
                d->yFrom = l.y->from;
                d->yTo = l.y->to;
                d->yCount = l.y->count;
            }
        }
        out.first.title = tr("KL(P‖Q)");
        out.first.values = l.klPQ;
        out.second.title = tr("KL(Q‖P)");
        out.second.values = l.klQP;
        return out;
    };
    m_landscapeJobs->start(
        [target, family = s.family, fixed, base, x, y](JobControl &control) {
            const klscope::FitObjective objective(target, family, fixed);
            int level = 0;
            bool complete = false;
            klscope::computeLandscapeProgressively(
                objective, base, x, y,
                [&](const klscope::Landscape &l) {
                    ++level;
                    complete = !l.cancelled && l.x.count == x.count;
                    control.progress(level / 4.0, std::any(l));
                },
                [&control] { return control.cancelled(); });
            return complete;
        },
        [this](bool complete) {
            m_landscapeComplete = complete;
            emit statusChanged();
            emit landscapeUpdated(complete);
        },
        [this, toData](double, const std::any &partial) {
            if (const auto *l = std::any_cast<klscope::Landscape>(&partial)) {
                auto [pq, qp] = toData(*l);
                m_landscapePQ->setData(std::move(pq));
                m_landscapeQP->setData(std::move(qp));
                emit landscapeUpdated(false);
            }
        });
    emit statusChanged();
}

void FitPage::landscapeClicked(double x, double y)
{
    if (!m_outcome || m_landscapeAxes.empty())
        return;
    if (m_animation->clickSetsStart()) {
        // The animation's start is view state: no undo step.
        std::vector<double> start = m_animation->descent(0)
                                        ? m_animation->descent(0)->path().front().parameters
                                        : std::vector<double>{};
        const FitOutcome &o = *m_outcome;
        if (start.size() != m_document->state().fixed.size() && (o.forward || o.reverse))
            start = (o.forward ? o.forward : o.reverse)->best.parameters;
        if (start.size() != m_document->state().fixed.size() || m_landscapeAxes.back() >= start.size())
            return;
        start[m_landscapeAxes[0]] = x;
        if (m_landscapeAxes.size() > 1)
            start[m_landscapeAxes[1]] = y;
        m_animation->setStart(std::move(start));
        return;
    }
    const FitOutcome &o = *m_outcome;
    const std::optional<klscope::FitResult> &basis = o.forward ? o.forward : o.reverse;
    if (!basis)
        return;
    std::vector<double> q = m_document->state().q.empty() ? basis->best.parameters : m_document->state().q;
    if (q.size() != m_document->state().fixed.size() || m_landscapeAxes.back() >= q.size())
        return; // the fits shown are still the previous family's
    q[m_landscapeAxes[0]] = x;
    if (m_landscapeAxes.size() > 1)
        q[m_landscapeAxes[1]] = y;
    m_document->setQ(std::move(q));
}

void FitPage::updateAnimationProblem()
{
    const FitState &s = m_document->state();
    std::shared_ptr<const klscope::FitObjective> objective;
    try {
        objective = std::make_shared<const klscope::FitObjective>(m_document->objective());
    } catch (const std::exception &) {
        m_animation->setProblem(nullptr, {});
        return;
    }
    const FitOutcome &o = *m_outcome;
    const std::optional<klscope::FitResult> &basis = o.forward ? o.forward : o.reverse;
    if (!basis || m_landscapeAxes.empty()) {
        m_animation->setProblem(nullptr, {});
        return;
    }
    // Until the person picks a start: the picked Q, else a point off the fits, 30 % into each landscape axis
    // (for the bimodal target a wide Q left of centre, from where the two directions part visibly).
    std::vector<double> start = basis->best.parameters;
    if (s.q.size() == start.size()) {
        start = s.q;
    } else {
        const auto info = klscope::fitParameters(s.family);
        double width = 1.0;
        for (std::size_t i = 0; i < info.size(); ++i)
            if (info[i].scale)
                width = basis->best.parameters[i];
        for (const std::size_t axis : m_landscapeAxes) {
            const auto [from, to] = axisRange(info[axis], axis, o, width);
            start[axis] = from + 0.3 * (to - from);
        }
    }
    m_animation->setProblem(std::move(objective), std::move(start));
}

void FitPage::showAnimation()
{
    for (int direction = 0; direction < 2; ++direction) {
        LandscapePlot *plot = landscapePlot(direction);
        QList<QPointF> path;
        const klscope::Descent *d = m_animation->descent(direction);
        if (d && !m_landscapeAxes.empty())
            for (const klscope::DescentState &state : d->path()) {
                if (m_landscapeAxes.back() >= state.parameters.size())
                    break;
                path.append(
                    QPointF(state.parameters[m_landscapeAxes[0]],
                            m_landscapeAxes.size() > 1 ? state.parameters[m_landscapeAxes[1]] : state.loss));
            }
        plot->setPath(path, direction == 0 ? klscope::palette::klPQ() : klscope::palette::klQP());
    }
    drawFits();
}

void FitPage::appendAnimationSeries(QList<PlotSeries> &series, const std::vector<double> &xs) const
{
    const FitState &s = m_document->state();
    const QString names[] = {tr("forward descent, step %1"), tr("reverse descent, step %1")};
    for (int direction = 0; direction < 2; ++direction) {
        const klscope::Descent *d = m_animation->descent(direction);
        if (!d || d->state().parameters.size() != s.fixed.size())
            continue;
        PlotSeries q;
        q.role = direction == 0 ? PlotSeries::Role::KlPQ : PlotSeries::Role::KlQP;
        q.kind = PlotSeries::Kind::Line;
        q.dashed = true;
        q.name = names[direction].arg(d->state().iteration);
        q.x = xs;
        q.y = densityOfQ(s.family, d->state().parameters, xs);
        series.append(q);
    }
}

QString FitPage::writeFrame(const QString &fileName) const
{
    // P with the fits and the current Qs above the two landscapes with their paths.
    const FigureExport figure({m_plot, m_landscapePQ, m_landscapeQP}, {3, 2, 2});
    return figure.write(fileName, FigureExport::Plot::All, QSize(900, 1100));
}

int FitPage::componentAt(int x) const
{
    const auto *c = std::get_if<klscope::ContinuousDistribution>(&m_document->target());
    const auto *mixture = c ? std::get_if<klscope::GaussianMixture>(c) : nullptr;
    if (!mixture)
        return -1;
    int nearest = -1;
    double distance = 6.0;
    for (std::size_t k = 0; k < mixture->size(); ++k)
        if (const double d = std::fabs(m_plot->pixelOfX(mixture->components()[k].mu) - x); d <= distance) {
            distance = d;
            nearest = int(k);
        }
    return nearest;
}

bool FitPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_plot->canvas())
        return Page::eventFilter(watched, event);
    if (event->type() == QEvent::Wheel && wheelOverComponent(static_cast<QWheelEvent *>(event)))
        return true;
    if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::Leave)
        endWheelGesture();
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton)
            break;
        m_dragging = componentAt(mouse->position().toPoint().x());
        if (m_dragging < 0)
            break;
        m_document->beginDrag();
        return true; // the plot does not pan under a component drag
    }
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (m_dragging < 0) {
            m_plot->canvas()->setCursor(componentAt(mouse->position().toPoint().x()) >= 0 ? Qt::SizeHorCursor
                                                                                          : Qt::ArrowCursor);
            break;
        }
        const double mu = m_plot->xAtPixel(mouse->position().toPoint().x());
        const auto *c = std::get_if<klscope::ContinuousDistribution>(&m_document->target());
        const auto *mixture = c ? std::get_if<klscope::GaussianMixture>(c) : nullptr;
        if (!std::isfinite(mu) || !mixture || std::size_t(m_dragging) >= mixture->size())
            return true;
        klscope::MixtureComponent component = mixture->components()[std::size_t(m_dragging)];
        component.mu = mu;
        try {
            const klscope::GaussianMixture moved =
                klscope::setComponent(*mixture, std::size_t(m_dragging), component);
            m_document->setTarget(
                QString::fromStdString(klscope::formatSpec(klscope::ContinuousDistribution(moved))));
        } catch (const std::exception &e) {
            emit statusMessage(QString::fromStdString(e.what()), 6000);
        }
        return true;
    }
    case QEvent::MouseButtonRelease:
        if (m_dragging < 0)
            break;
        m_dragging = -1;
        m_document->endDrag();
        return true;
    default:
        break;
    }
    return Page::eventFilter(watched, event);
}

int FitPage::componentUnder(QPointF canvasPosition) const
{
    if (const int k = componentAt(int(std::lround(canvasPosition.x()))); k >= 0)
        return k;
    const auto *c = std::get_if<klscope::ContinuousDistribution>(&m_document->target());
    const auto *mixture = c ? std::get_if<klscope::GaussianMixture>(c) : nullptr;
    if (!mixture)
        return -1;
    const double x = m_plot->xAtPixel(int(std::lround(canvasPosition.x())));
    const double y = m_plot->yAtPixel(int(std::lround(canvasPosition.y())));
    if (!std::isfinite(x) || !std::isfinite(y))
        return -1;
    // Inside P's filled area, the component that makes most of the density there.
    double weights = 0;
    for (const klscope::MixtureComponent &m : mixture->components())
        weights += m.weight;
    int best = -1;
    double most = 0;
    for (std::size_t k = 0; k < mixture->size(); ++k) {
        const klscope::MixtureComponent &m = mixture->components()[k];
        const double z = (x - m.mu) / m.sigma;
        const double part =
            m.weight / weights * std::exp(-0.5 * z * z) / (m.sigma * std::sqrt(2 * std::numbers::pi));
        if (part > most) {
            most = part;
            best = int(k);
        }
    }
    return best >= 0 && y >= 0 && y <= klscope::pdf(*c, x) ? best : -1;
}

bool FitPage::wheelOverComponent(QWheelEvent *event)
{
    // Shift pans and Ctrl zooms as on every plot; the wheel alone over a component scales its width.
    const int eighths = event->angleDelta().y();
    if (event->modifiers() != Qt::NoModifier || m_dragging >= 0)
        return false;
    // A gesture keeps its component while P's area moves under the mouse.
    const int k = m_wheeling >= 0 ? m_wheeling : componentUnder(event->position());
    if (k < 0)
        return false;
    const auto *c = std::get_if<klscope::ContinuousDistribution>(&m_document->target());
    const auto *mixture = c ? std::get_if<klscope::GaussianMixture>(c) : nullptr;
    if (!mixture || std::size_t(k) >= mixture->size()) {
        endWheelGesture();
        return false;
    }
    if (m_wheeling < 0) {
        m_wheeling = k;
        m_document->beginDrag();
    }
    if (!m_wheelTimer) {
        m_wheelTimer = new QTimer(this);
        m_wheelTimer->setSingleShot(true);
        connect(m_wheelTimer, &QTimer::timeout, this, &FitPage::endWheelGesture);
    }
    m_wheelTimer->start(kWheelGestureMs);
    if (eighths != 0) {
        // One notch (120 eighths of a degree) scales σ by 1.1; a touchpad's small steps by as much in all.
        klscope::MixtureComponent component = mixture->components()[std::size_t(k)];
        component.sigma *= std::pow(1.1, eighths / 120.0);
        try {
            const klscope::GaussianMixture scaled =
                klscope::setComponent(*mixture, std::size_t(k), component);
            m_document->setTarget(
                QString::fromStdString(klscope::formatSpec(klscope::ContinuousDistribution(scaled))),
                tr("Change σ%1").arg(k + 1));
        } catch (const std::exception &e) {
            emit statusMessage(QString::fromStdString(e.what()), 6000);
        }
    }
    if (event->phase() == Qt::ScrollEnd)
        endWheelGesture();
    return true;
}

void FitPage::endWheelGesture()
{
    if (m_wheeling < 0)
        return;
    m_wheeling = -1;
    if (m_wheelTimer)
        m_wheelTimer->stop();
    m_document->endDrag();
}

bool FitPage::importTarget(const QString &path, const ImportChoice &choice, QString *error)
{
    const auto table = ImportController::readTable(path);
    if (!table) {
        if (error)
            *error = QString::fromStdString(table.error().message);
        return false;
    }
    // P alone: against a family (no labels) the file's events stand as the comparison page reads them.
    const auto prepared = prepareImport(DiscretePair{}, Side::P, *table, choice);
    if (!prepared) {
        if (error)
            *error = QString::fromStdString(prepared.error().message);
        return false;
    }
    QString refusal;
    const auto connection =
        connect(m_document, &DocumentBase::editRefused, this, [&refusal](const QString &m) { refusal = m; });
    const QString name = QString::fromStdString(table->fileName);
    const bool ok = m_document->setTarget(QString::fromStdString(klscope::formatSpec(prepared->p)),
                                          tr("Import %1 into P").arg(name));
    disconnect(connection);
    if (!ok) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(name, refusal);
        return false;
    }
    emit statusMessage(prepared->summary, 15000);
    return true;
}

void FitPage::importTargetWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import P"), QString(), tr("Data files (*.csv *.tsv *.txt *.dat);;All files (*)"));
    if (path.isEmpty())
        return;
    const auto table = ImportController::readTable(path);
    QString error;
    if (table) {
        const auto dialog = ImportController::makeDialog(
            *table, Side::P, 0.0,
            [&table](Side side, const ImportChoice &choice) {
                return prepareImport(DiscretePair{}, side, *table, choice);
            },
            this);
        dialog->setSideFixed(true);
        if (dialog->exec() != QDialog::Accepted)
            return;
        if (importTarget(path, dialog->choice(), &error))
            return;
    } else {
        error = QString::fromStdString(table.error().message);
    }
    QMessageBox::warning(this, tr("Import P"), error);
}
