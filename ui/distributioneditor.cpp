#include "distributioneditor.h"

#include "continuouseditor.h"
#include "corecall.h"
#include "custommassmodel.h"
#include "document.h"
#include "familycombo.h"
#include "numberspinbox.h"
#include "palette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSlider>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <continuousparameters.h>

#include <algorithm>
#include <cmath>

namespace {

// Real parameters move in this many slider steps across their lecture range.
constexpr int kRealSteps = 1000;

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// A short form for reading: "binomial(n=15, p=0.4667) on 0..15"; the tooltip keeps every digit.
QString summary(const klscope::Distribution &d)
{
    const klscope::Family family = klscope::family(d);
    QString text;
    if (family == klscope::Family::Custom) {
        text = QObject::tr("custom masses");
    } else {
        QStringList values;
        const auto info = klscope::parameters(family);
        const std::vector<double> v = klscope::parameterValues(d);
        for (std::size_t i = 0; i < info.size() && i < v.size(); ++i) {
            // Whole parameters in full (n=999999, not 1e+06); others to 4 digits, more if the integer
            // part needs them (lambda=300500).
            const double a = std::fabs(v[i]);
            const int digits = a >= 1 ? int(std::floor(std::log10(a))) + 1 : 1;
            const QString shown = info[i].integer ? QString::number(qint64(std::llround(v[i])))
                                                  : QString::number(v[i], 'g', std::clamp(digits, 4, 15));
            values.append(QStringLiteral("%1=%2").arg(qs(info[i].name), shown));
        }
        text = QStringLiteral("%1(%2)").arg(qs(klscope::familyKeyword(family)),
                                            values.join(QStringLiteral(", ")));
    }
    // A family's natural support can lie beyond what the core forms (a Poisson of mean 1e7 compared
    // on a given support 0..10): the summary then names the family alone instead of letting the
    // core's refusal escape from a slot.
    const auto support = callCore([&d] { return klscope::support(d); });
    if (!support)
        return text;
    const klscope::EventRange range = *support;
    if (klscope::hasInfiniteSupport(d))
        return QObject::tr("%1 on %2, %3, …").arg(text).arg(range.first).arg(range.first + 1);
    return QObject::tr("%1 on %2..%3").arg(text).arg(range.first).arg(range.last);
}

// The continuous form: "normal(mu=0, sigma=1)", "gmm(2 components)".
QString summary(const klscope::ContinuousDistribution &d)
{
    const klscope::ContinuousFamily family = klscope::family(d);
    if (const auto *mixture = std::get_if<klscope::GaussianMixture>(&d))
        return QObject::tr("Gaussian mixture of %n component(s)", nullptr, int(mixture->size()));
    QStringList values;
    const auto info = klscope::parameters(family);
    const std::vector<double> v = klscope::parameterValues(d);
    for (std::size_t i = 0; i < info.size() && i < v.size(); ++i)
        values.append(QStringLiteral("%1=%2").arg(qs(info[i].name), QString::number(v[i], 'g', 4)));
    return QStringLiteral("%1(%2)").arg(qs(klscope::familyKeyword(family)),
                                        values.join(QStringLiteral(", ")));
}

} // namespace

DistributionEditor::DistributionEditor(Document *document, Side side, QWidget *parent)
    : QGroupBox(parent), m_document(document), m_side(side)
{
    const QString name = side == Side::P ? QStringLiteral("P") : QStringLiteral("Q");
    setObjectName(QStringLiteral("editor%1").arg(name));
    setTitle(side == Side::P ? tr("P (blue)") : tr("Q (vermillion)"));
    const QColor colour = side == Side::P ? klscope::palette::p() : klscope::palette::q();
    setStyleSheet(QStringLiteral("QGroupBox { font-weight: bold; } QGroupBox::title { color: %1; }")
                      .arg(colour.name()));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    m_family = new FamilyCombo(this);
    m_family->setToolTip(tr("Family of %1. Switching keeps the support (or the mean) where the new family "
                            "can express it; a family of the other domain moves both sides there.")
                             .arg(name));
    layout->addWidget(m_family);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setToolTip(tr("%1 as the core describes it.").arg(name));
    layout->addWidget(m_summary);

    m_pages = new QStackedWidget(this);
    m_discretePage = new QWidget(m_pages);
    auto *discreteLayout = new QVBoxLayout(m_discretePage);
    discreteLayout->setContentsMargins(0, 0, 0, 0);
    m_continuous = new ContinuousEditor(m_pages);
    m_continuous->setObjectName(QStringLiteral("continuousEditor"));
    m_pages->addWidget(m_discretePage);
    m_pages->addWidget(m_continuous);

    m_parameterBox = new QWidget(m_discretePage);
    m_parameterGrid = new QGridLayout(m_parameterBox);
    m_parameterGrid->setContentsMargins(0, 0, 0, 0);
    m_parameterGrid->setColumnStretch(1, 1);
    discreteLayout->addWidget(m_parameterBox);

    m_customBox = new QWidget(m_discretePage);
    auto *customLayout = new QVBoxLayout(m_customBox);
    customLayout->setContentsMargins(0, 0, 0, 0);
    m_model = new CustomMassModel(document, side, this);
    m_table = new QTableView(m_customBox);
    m_table->setObjectName(QStringLiteral("massTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(CustomMassModel::MassColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(CustomMassModel::EventColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(CustomMassModel::LockColumn, QHeaderView::Fixed);
    m_table->installEventFilter(this);
    updateMassTableWidths();
    m_table->setToolTip(tr("Events and masses of %1. Double-click a mass to type it; tick Lock to keep a "
                           "mass fixed while others change.")
                            .arg(name));
    customLayout->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add event"), m_customBox);
    m_add->setToolTip(tr("Append an event with mass 0 to %1.").arg(name));
    m_remove = new QPushButton(tr("Remove"), m_customBox);
    m_remove->setToolTip(tr("Remove the selected event of %1.").arg(name));
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    customLayout->addLayout(buttons);
    m_keepTotal = new QCheckBox(tr("Rescale others"), m_customBox);
    m_keepTotal->setChecked(document->keepsTotal());
    m_keepTotal->setToolTip(tr("When a mass is dragged or typed, rescale the other unlocked masses in "
                               "proportion so the total stays the same."));
    customLayout->addWidget(m_keepTotal);
    discreteLayout->addWidget(m_customBox, 1);
    layout->addWidget(m_pages, 1);
    layout->addStretch(0);

    // A refused or unchanged choice leaves the document as it was: show its family again.
    connect(m_family, &FamilyCombo::discreteFamilyChosen, this, [this](klscope::Family family) {
        m_document->setFamily(m_side, family);
        syncFromDocument();
    });
    connect(m_family, &FamilyCombo::continuousFamilyChosen, this, [this](klscope::ContinuousFamily family) {
        m_document->setContinuousFamily(m_side, family);
        syncFromDocument();
    });
    connect(m_continuous, &ContinuousEditor::parameterEdited, this,
            &DistributionEditor::onContinuousParameter);
    connect(m_continuous, &ContinuousEditor::mixtureEdited, this, [this](const klscope::GaussianMixture &m) {
        m_document->setContinuous(m_side, m, m_document->currentDrag());
    });
    connect(m_continuous, &ContinuousEditor::dragStarted, this, [this] { m_document->beginDrag(); });
    connect(m_continuous, &ContinuousEditor::dragFinished, this, [this] { m_document->endDrag(); });
    connect(m_continuous, &ContinuousEditor::sweepRequested, this,
            [this](const QString &parameter) { emit sweepRequested(m_side, parameter); });
    connect(m_continuous, &ContinuousEditor::editRefused, this,
            [this](const QString &sentence) { m_document->refuseEdit(sentence); });
    connect(m_add, &QPushButton::clicked, this, [this] { m_document->addCustomEvent(m_side); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        m_document->removeCustomEvent(m_side, current.isValid() ? current.row() : m_model->rowCount() - 1);
    });
    connect(m_keepTotal, &QCheckBox::toggled, this, [this](bool on) { m_document->setKeepTotal(on); });
    connect(m_document, &Document::distributionChanged, this, [this](Side s) {
        if (s == m_side)
            syncFromDocument();
    });
    connect(m_document, &Document::domainChanged, this, &DistributionEditor::syncFromDocument);
    connect(m_document, &Document::editRefused, this, [this] { syncFromDocument(); });
    syncFromDocument();
}

bool DistributionEditor::eventFilter(QObject *watched, QEvent *event)
{
    // A larger text size (View → Text size) widens the mass table with it.
    if (watched == m_table && event->type() == QEvent::FontChange)
        updateMassTableWidths();
    return QWidget::eventFilter(watched, event);
}

void DistributionEditor::updateMassTableWidths()
{
    // The mass column stretches over what the event and lock columns leave; the table's minimum width
    // keeps that at least as wide as the widest mass, so a narrow panel or a large text size scrolls
    // the left column instead of cutting a mass to "0…". Up to kMeasuredRows masses are measured;
    // a longer table takes the widest text the format can produce.
    constexpr int kMeasuredRows = 1000;
    const QFontMetrics metrics = m_table->fontMetrics();
    const int padding =
        2 * (m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1) + 2;
    const int rows = m_model->rowCount();
    int eventWidth = metrics.horizontalAdvance(QStringLiteral("0000000"));
    int massWidth = metrics.horizontalAdvance(
        m_model->headerData(CustomMassModel::MassColumn, Qt::Horizontal).toString());
    if (rows <= kMeasuredRows) {
        for (int row = 0; row < rows; ++row) {
            massWidth =
                std::max(massWidth, metrics.horizontalAdvance(
                                        m_model->index(row, CustomMassModel::MassColumn).data().toString()));
            eventWidth = std::max(eventWidth,
                                  metrics.horizontalAdvance(
                                      m_model->index(row, CustomMassModel::EventColumn).data().toString()));
        }
    } else {
        massWidth = std::max(massWidth, metrics.horizontalAdvance(QStringLiteral("8.88888e-888")));
    }
    eventWidth = std::min(eventWidth + padding, metrics.averageCharWidth() * 16);
    const int lockWidth = metrics.horizontalAdvance(
                              m_model->headerData(CustomMassModel::LockColumn, Qt::Horizontal).toString()) +
                          metrics.averageCharWidth() * 4;
    m_table->setColumnWidth(CustomMassModel::EventColumn, eventWidth);
    m_table->setColumnWidth(CustomMassModel::LockColumn, lockWidth);
    // Room for the vertical scroll bar whether or not it shows, so the widths never depend on it.
    const int scrollBar = m_table->verticalScrollBar()->sizeHint().width();
    // Five rows show, as tall as the text; longer tables scroll.
    m_table->verticalHeader()->setDefaultSectionSize(metrics.height() + 4);
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() +
                              5 * m_table->verticalHeader()->defaultSectionSize() +
                              2 * m_table->frameWidth());
    m_table->setMaximumHeight(m_table->minimumHeight());
    m_table->setMinimumWidth(eventWidth + lockWidth + massWidth + padding + scrollBar +
                             2 * m_table->frameWidth());
}

QSlider *DistributionEditor::slider(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows.at(index).slider : nullptr;
}

QToolButton *DistributionEditor::sweepButton(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows.at(index).sweep : nullptr;
}

int DistributionEditor::sliderPosition(const ParameterRow &row, double value) const
{
    if (row.integer)
        return int(std::lround(std::clamp(value, row.sliderMinimum, row.sliderMaximum)));
    const double t = (value - row.sliderMinimum) / (row.sliderMaximum - row.sliderMinimum);
    return int(std::lround(std::clamp(t, 0.0, 1.0) * kRealSteps));
}

double DistributionEditor::sliderValue(const ParameterRow &row, int position) const
{
    if (row.integer)
        return position;
    return row.sliderMinimum + (row.sliderMaximum - row.sliderMinimum) * position / kRealSteps;
}

void DistributionEditor::rebuildParameters()
{
    for (const ParameterRow &row : std::as_const(m_rows)) {
        delete row.label;
        delete row.slider;
        delete row.spin;
        delete row.sweep;
    }
    m_rows.clear();
    const klscope::Family family = klscope::family(m_document->distribution(m_side));
    const QString side = m_side == Side::P ? QStringLiteral("P") : QStringLiteral("Q");
    int index = 0;
    for (const klscope::ParameterInfo &info : klscope::parameters(family)) {
        ParameterRow row;
        row.integer = info.integer;
        row.sliderMinimum = info.sliderMinimum;
        row.sliderMaximum = info.sliderMaximum;
        const QString tip = tr("%1 of %2: %3 (%4 to %5)")
                                .arg(qs(info.name), side, qs(info.description))
                                .arg(info.minimum)
                                .arg(info.maximum);
        row.label = new QLabel(qs(info.name), m_parameterBox);
        row.label->setToolTip(tip);
        row.slider = new QSlider(Qt::Horizontal, m_parameterBox);
        row.slider->setObjectName(QStringLiteral("%1Slider").arg(qs(info.name)));
        row.slider->setRange(info.integer ? int(info.sliderMinimum) : 0,
                             info.integer ? int(info.sliderMaximum) : kRealSteps);
        row.slider->setToolTip(tip + tr(". Drag to see every view follow; one drag is one undo step."));
        row.slider->setMinimumWidth(60);
        // The spin box takes the parameter's whole range, fractions ("7/15") and every digit; the
        // slider is for coarse moves over the lecture range.
        auto *spin = new NumberSpinBox(m_parameterBox);
        spin->setInteger(info.integer);
        spin->setRange(info.minimum, info.maximum);
        spin->setSingleStep(info.integer ? 1.0 : (info.sliderMaximum - info.sliderMinimum) / 100.0);
        connect(spin, &NumberSpinBox::valueChanged, this,
                [this, index](double v) { onSpinChanged(index, v); });
        row.spin = spin;
        row.spin->setObjectName(QStringLiteral("%1Spin").arg(qs(info.name)));
        row.spin->setToolTip(tip + tr(". Type a value (a fraction such as 7/15 works) and press Enter."));
        row.label->setBuddy(row.spin);
        connect(row.slider, &QSlider::valueChanged, this,
                [this, index](int position) { onSliderMoved(index, position); });
        connect(row.slider, &QSlider::sliderPressed, this, [this] { m_document->beginDrag(); });
        connect(row.slider, &QSlider::sliderReleased, this, [this] { m_document->endDrag(); });
        m_parameterGrid->addWidget(row.label, index, 0);
        m_parameterGrid->addWidget(row.slider, index, 1);
        m_parameterGrid->addWidget(row.spin, index, 2);
        row.sweep = new QToolButton(m_parameterBox);
        row.sweep->setObjectName(QStringLiteral("%1Sweep").arg(qs(info.name)));
        row.sweep->setText(QStringLiteral("∿"));
        row.sweep->setAutoRaise(true);
        row.sweep->setToolTip(tr("Sweep %1.%2: plot KL(P‖Q), KL(Q‖P) and JS against it in a window")
                                  .arg(side.toLower(), qs(info.name)));
        row.sweep->setAccessibleName(tr("Sweep %1.%2").arg(side.toLower(), qs(info.name)));
        connect(row.sweep, &QToolButton::clicked, this,
                [this, name = qs(info.name)] { emit sweepRequested(m_side, name); });
        m_parameterGrid->addWidget(row.sweep, index, 3);
        m_rows.append(row);
        ++index;
    }
    // Tab order: family, then each slider and its spin box.
    QWidget *previous = m_family;
    for (const ParameterRow &row : std::as_const(m_rows)) {
        setTabOrder(previous, row.slider);
        setTabOrder(row.slider, row.spin);
        setTabOrder(row.spin, row.sweep);
        previous = row.sweep;
    }
}

void DistributionEditor::syncFromDocument()
{
    if (const ContinuousPair *pair = m_document->continuousPair()) {
        syncContinuous(pair->distribution(m_side));
        return;
    }
    if (m_pages->currentWidget() != m_discretePage) {
        // The hidden page asks for no room, so the group box is as tall as what it shows.
        m_continuous->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        m_discretePage->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        m_pages->setCurrentWidget(m_discretePage);
    }
    const klscope::Distribution &d = m_document->distribution(m_side);
    const klscope::Family family = klscope::family(d);
    m_family->setCurrent(family);
    if (int(family) != m_family_index) {
        m_family_index = int(family);
        rebuildParameters();
    }
    const bool custom = family == klscope::Family::Custom;
    m_parameterBox->setVisible(!custom);
    m_customBox->setVisible(custom);
    if (custom)
        updateMassTableWidths();
    m_summary->setText(summary(d));
    m_summary->setToolTip(tr("%1 as the core describes it: %2")
                              .arg(m_side == Side::P ? QStringLiteral("P") : QStringLiteral("Q"),
                                   QString::fromStdString(klscope::describe(d))));

    const std::vector<double> values = klscope::parameterValues(d);
    for (int i = 0; i < m_rows.size() && i < int(values.size()); ++i) {
        const ParameterRow &row = m_rows.at(i);
        const double v = values[std::size_t(i)];
        // While the slider is held, leave it where the hand is (integer sliders agree anyway).
        if (!row.slider->isSliderDown()) {
            const QSignalBlocker blocker(row.slider);
            row.slider->setValue(sliderPosition(row, v));
        }
        row.spin->setValue(v);
    }
}

void DistributionEditor::syncContinuous(const klscope::ContinuousDistribution &d)
{
    if (m_pages->currentWidget() != m_continuous) {
        m_discretePage->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        m_continuous->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        m_pages->setCurrentWidget(m_continuous);
    }
    m_family->setCurrent(klscope::family(d));
    m_continuous->setDistribution(d);
    m_summary->setText(summary(d));
    m_summary->setToolTip(tr("%1 as the core describes it: %2")
                              .arg(m_side == Side::P ? QStringLiteral("P") : QStringLiteral("Q"),
                                   QString::fromStdString(klscope::describe(d))));
}

void DistributionEditor::onContinuousParameter(int index, double value)
{
    const ContinuousPair *pair = m_document->continuousPair();
    if (!pair)
        return;
    const klscope::ContinuousDistribution &current = pair->distribution(m_side);
    std::vector<double> values = klscope::parameterValues(current);
    if (index < 0 || std::size_t(index) >= values.size())
        return;
    values[std::size_t(index)] = value;
    QString error;
    const auto d =
        callCore([&] { return klscope::makeContinuous(klscope::family(current), values); }, &error);
    if (!d) {
        m_document->refuseEdit(error);
        return;
    }
    m_document->setContinuous(m_side, *d, m_document->currentDrag());
}

void DistributionEditor::onSliderMoved(int row, int position)
{
    m_document->setParameter(m_side, row, sliderValue(m_rows.at(row), position), m_document->currentDrag());
}

void DistributionEditor::onSpinChanged(int row, double value)
{
    m_document->setParameter(m_side, row, value);
}
