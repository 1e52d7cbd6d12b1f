#include "continuouseditor.h"

#include "continuousparameters.h"
#include "numberspinbox.h"

#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace {

// Real parameters move in this many slider steps across their lecture range (as the discrete editor).
constexpr int kRealSteps = 1000;

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

const char *const kComponentColumns[] = {"weight", "mu", "sigma"};

} // namespace

ContinuousEditor::ContinuousEditor(QWidget *parent)
    : QWidget(parent), m_distribution(klscope::defaultContinuous(klscope::ContinuousFamily::Normal))
{
    setObjectName(QStringLiteral("continuousEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_parameterBox = new QWidget(this);
    m_parameterGrid = new QGridLayout(m_parameterBox);
    m_parameterGrid->setContentsMargins(0, 0, 0, 0);
    m_parameterGrid->setColumnStretch(1, 1);
    layout->addWidget(m_parameterBox);

    m_mixtureBox = new QWidget(this);
    auto *mixtureLayout = new QVBoxLayout(m_mixtureBox);
    mixtureLayout->setContentsMargins(0, 0, 0, 0);
    auto *table = new QWidget(m_mixtureBox);
    m_componentGrid = new QGridLayout(table);
    m_componentGrid->setContentsMargins(0, 0, 0, 0);
    m_componentGrid->addWidget(new QLabel(tr("weight"), table), 0, 1);
    m_componentGrid->addWidget(new QLabel(QStringLiteral("μ"), table), 0, 2);
    m_componentGrid->addWidget(new QLabel(QStringLiteral("σ"), table), 0, 3);
    for (int column = 1; column <= 3; ++column)
        m_componentGrid->setColumnStretch(column, 1);
    mixtureLayout->addWidget(table);
    m_add = new QPushButton(tr("Add component"), m_mixtureBox);
    m_add->setObjectName(QStringLiteral("addComponentButton"));
    m_add->setToolTip(tr("Append a component to the right of the others; its weight is taken from the "
                         "others in proportion."));
    mixtureLayout->addWidget(m_add);
    layout->addWidget(m_mixtureBox);
    // Rows keep their natural height at the top; spare height stays below them.
    layout->addStretch(1);

    connect(m_add, &QPushButton::clicked, this, [this] {
        const auto &mixture = std::get<klscope::GaussianMixture>(m_distribution);
        try {
            setMixture(klscope::addComponent(mixture, klscope::suggestedComponent(mixture)));
        } catch (const std::invalid_argument &e) {
            refuse(e.what());
        }
    });
    rebuild();
    showValues();
}

QToolButton *ContinuousEditor::sweepButton(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows.at(index).sweep : nullptr;
}

QSlider *ContinuousEditor::slider(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows.at(index).slider : nullptr;
}

NumberSpinBox *ContinuousEditor::spinBox(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows.at(index).spin : nullptr;
}

NumberSpinBox *ContinuousEditor::componentSpinBox(int component, int column) const
{
    if (component < 0 || component >= m_components.size() || column < 0 || column > 2)
        return nullptr;
    return m_components.at(component).spins[column];
}

QPushButton *ContinuousEditor::removeButton(int component) const
{
    return component >= 0 && component < m_components.size() ? m_components.at(component).remove : nullptr;
}

void ContinuousEditor::setDistribution(const klscope::ContinuousDistribution &d)
{
    m_distribution = d;
    rebuild();
    showValues();
}

int ContinuousEditor::sliderPosition(const ParameterRow &row, double value) const
{
    const double t = (value - row.sliderMinimum) / (row.sliderMaximum - row.sliderMinimum);
    return int(std::lround(std::clamp(t, 0.0, 1.0) * kRealSteps));
}

double ContinuousEditor::sliderValue(const ParameterRow &row, int position) const
{
    return row.sliderMinimum + (row.sliderMaximum - row.sliderMinimum) * position / kRealSteps;
}

void ContinuousEditor::watchArrows(NumberSpinBox *spin)
{
    spin->installEventFilter(this);
}

bool ContinuousEditor::eventFilter(QObject *watched, QEvent *event)
{
    // A press on a spin box's arrows starts a drag that its auto-repeated steps belong to; the release
    // ends it. A press on the text is no drag.
    auto *spin = qobject_cast<NumberSpinBox *>(watched);
    if (spin && event->type() == QEvent::MouseButtonPress) {
        QStyleOptionSpinBox option;
        option.initFrom(spin);
        option.rect = spin->rect();
        option.subControls = QStyle::SC_All;
        option.buttonSymbols = spin->buttonSymbols();
        option.frame = spin->hasFrame();
        const QPoint at = static_cast<QMouseEvent *>(event)->position().toPoint();
        const QStyle::SubControl hit =
            spin->style()->hitTestComplexControl(QStyle::CC_SpinBox, &option, at, spin);
        if (hit == QStyle::SC_SpinBoxUp || hit == QStyle::SC_SpinBoxDown) {
            m_arrowHeld = true;
            emit dragStarted();
        }
    } else if (spin && event->type() == QEvent::MouseButtonRelease && m_arrowHeld) {
        m_arrowHeld = false;
        emit dragFinished();
    }
    return QWidget::eventFilter(watched, event);
}

void ContinuousEditor::rebuild()
{
    const klscope::ContinuousFamily family = klscope::family(m_distribution);
    const bool mixture = family == klscope::ContinuousFamily::GaussianMixture;
    const std::size_t components = mixture ? std::get<klscope::GaussianMixture>(m_distribution).size() : 0;
    if (int(family) == m_shownFamily && components == m_shownComponents)
        return;
    m_shownFamily = int(family);
    m_shownComponents = components;
    // Later, not now: the rows may be rebuilt from a slot of one of their own widgets (Remove).
    const auto discard = [](QWidget *w) {
        w->hide();
        w->setObjectName(QString());
        w->deleteLater();
    };
    for (const ParameterRow &row : std::as_const(m_rows)) {
        discard(row.label);
        discard(row.slider);
        discard(row.spin);
        discard(row.sweep);
    }
    m_rows.clear();
    for (const ComponentRow &row : std::as_const(m_components)) {
        discard(row.label);
        for (NumberSpinBox *spin : row.spins)
            discard(spin);
        discard(row.remove);
    }
    m_components.clear();
    m_arrowHeld = false;

    int index = 0;
    for (const klscope::ParameterInfo &info : klscope::parameters(family)) {
        ParameterRow row;
        row.sliderMinimum = info.sliderMinimum;
        row.sliderMaximum = info.sliderMaximum;
        const QString tip = tr("%1: %2 (%3 to %4)")
                                .arg(qs(info.name), qs(info.description))
                                .arg(info.minimum)
                                .arg(info.maximum);
        row.label = new QLabel(qs(info.name), m_parameterBox);
        row.label->setToolTip(tip);
        row.slider = new QSlider(Qt::Horizontal, m_parameterBox);
        row.slider->setObjectName(QStringLiteral("%1Slider").arg(qs(info.name)));
        row.slider->setRange(0, kRealSteps);
        row.slider->setMinimumWidth(60);
        row.slider->setToolTip(tip + tr(". Drag to see every view follow; one drag is one undo step."));
        row.spin = new NumberSpinBox(m_parameterBox);
        row.spin->setObjectName(QStringLiteral("%1Spin").arg(qs(info.name)));
        row.spin->setRange(info.minimum, info.maximum);
        row.spin->setSingleStep((info.sliderMaximum - info.sliderMinimum) / 100.0);
        row.spin->setToolTip(tip + tr(". Type a value (a fraction such as 7/15 works) and press Enter."));
        row.label->setBuddy(row.spin);
        watchArrows(row.spin);
        connect(row.spin, &NumberSpinBox::valueChanged, this,
                [this, index](double v) { editParameter(index, v); });
        connect(row.slider, &QSlider::valueChanged, this, [this, index](int position) {
            editParameter(index, sliderValue(m_rows.at(index), position));
        });
        connect(row.slider, &QSlider::sliderPressed, this, &ContinuousEditor::dragStarted);
        connect(row.slider, &QSlider::sliderReleased, this, &ContinuousEditor::dragFinished);
        m_parameterGrid->addWidget(row.label, index, 0);
        m_parameterGrid->addWidget(row.slider, index, 1);
        m_parameterGrid->addWidget(row.spin, index, 2);
        row.sweep = new QToolButton(m_parameterBox);
        row.sweep->setObjectName(QStringLiteral("%1Sweep").arg(qs(info.name)));
        row.sweep->setText(QStringLiteral("∿"));
        row.sweep->setAutoRaise(true);
        row.sweep->setToolTip(
            tr("Sweep %1: plot KL(P‖Q), KL(Q‖P) and JS against it in a window").arg(qs(info.name)));
        row.sweep->setAccessibleName(tr("Sweep %1").arg(qs(info.name)));
        connect(row.sweep, &QToolButton::clicked, this,
                [this, name = qs(info.name)] { emit sweepRequested(name); });
        m_parameterGrid->addWidget(row.sweep, index, 3);
        m_rows.append(row);
        ++index;
    }

    QWidget *table = m_componentGrid->parentWidget();
    for (int k = 0; k < int(components); ++k) {
        ComponentRow row;
        row.label = new QLabel(QString::number(k + 1), table);
        m_componentGrid->addWidget(row.label, k + 1, 0);
        for (int column = 0; column < 3; ++column) {
            auto *spin = new NumberSpinBox(table);
            spin->setObjectName(
                QStringLiteral("%1%2Spin").arg(QLatin1String(kComponentColumns[column])).arg(k + 1));
            if (column == 0)
                spin->setRange(std::numeric_limits<double>::min(), 1.0);
            else if (column == 1)
                spin->setRange(-1e300, 1e300);
            else
                spin->setRange(std::numeric_limits<double>::min(), 1e300);
            spin->setSingleStep(column == 0 ? 0.01 : 0.1);
            spin->setToolTip(column == 0 ? tr("Weight of component %1; the others share the rest.").arg(k + 1)
                             : column == 1
                                 ? tr("Mean μ of component %1.").arg(k + 1)
                                 : tr("Standard deviation σ of component %1 (above 0).").arg(k + 1));
            watchArrows(spin);
            connect(spin, &NumberSpinBox::valueChanged, this,
                    [this, k, column](double v) { editComponent(k, column, v); });
            m_componentGrid->addWidget(spin, k + 1, column + 1);
            row.spins[column] = spin;
        }
        // A narrow ✕, so a mixture's rows fit beside the other side's editor in a 1024-pixel window.
        row.remove = new QPushButton(QStringLiteral("✕"), table);
        row.remove->setObjectName(QStringLiteral("remove%1Button").arg(k + 1));
        row.remove->setAccessibleName(tr("Remove component %1").arg(k + 1));
        row.remove->setMaximumWidth(row.remove->fontMetrics().horizontalAdvance(QStringLiteral("✕")) * 3 +
                                    12);
        row.remove->setToolTip(tr("Remove component %1; the others are rescaled to sum to 1.").arg(k + 1));
        connect(row.remove, &QPushButton::clicked, this, [this, k] {
            try {
                setMixture(klscope::removeComponent(std::get<klscope::GaussianMixture>(m_distribution), k));
            } catch (const std::invalid_argument &e) {
                refuse(e.what());
            }
        });
        m_componentGrid->addWidget(row.remove, k + 1, 4);
        m_components.append(row);
    }
    // Widgets added to a shown parent would show only from the event loop; show them now, so the rows
    // and what they hold appear together.
    for (const ParameterRow &row : std::as_const(m_rows))
        for (QWidget *w : {static_cast<QWidget *>(row.label), static_cast<QWidget *>(row.slider),
                           static_cast<QWidget *>(row.spin)})
            w->show();
    for (const ComponentRow &row : std::as_const(m_components)) {
        row.label->show();
        row.remove->show();
        for (NumberSpinBox *spin : row.spins)
            spin->show();
    }
    m_parameterBox->setVisible(!mixture);
    m_mixtureBox->setVisible(mixture);
}

void ContinuousEditor::showValues()
{
    if (const auto *mixture = std::get_if<klscope::GaussianMixture>(&m_distribution)) {
        const auto components = mixture->components();
        for (int k = 0; k < m_components.size() && k < int(components.size()); ++k) {
            const klscope::MixtureComponent &c = components[std::size_t(k)];
            m_components[k].spins[0]->setValue(c.weight);
            m_components[k].spins[1]->setValue(c.mu);
            m_components[k].spins[2]->setValue(c.sigma);
            m_components[k].remove->setEnabled(components.size() > 1);
        }
        m_add->setEnabled(components.size() < klscope::GaussianMixture::kMaxComponents);
        return;
    }
    const std::vector<double> values = klscope::parameterValues(m_distribution);
    for (int i = 0; i < m_rows.size() && i < int(values.size()); ++i) {
        const ParameterRow &row = m_rows.at(i);
        const double v = values[std::size_t(i)];
        if (!row.slider->isSliderDown()) {
            const QSignalBlocker blocker(row.slider);
            row.slider->setValue(sliderPosition(row, v));
        }
        row.spin->setValue(v);
    }
}

void ContinuousEditor::refuse(const char *what)
{
    showValues();
    emit editRefused(QString::fromUtf8(what));
}

void ContinuousEditor::editParameter(int index, double value)
{
    std::vector<double> values = klscope::parameterValues(m_distribution);
    if (index < 0 || index >= int(values.size()))
        return;
    values[std::size_t(index)] = value;
    try {
        m_distribution = klscope::makeContinuous(klscope::family(m_distribution), values);
    } catch (const std::invalid_argument &e) {
        refuse(e.what());
        return;
    }
    showValues();
    emit parameterEdited(index, value);
}

void ContinuousEditor::editComponent(int component, int column, double value)
{
    const auto &mixture = std::get<klscope::GaussianMixture>(m_distribution);
    klscope::MixtureComponent c = mixture.components()[std::size_t(component)];
    (column == 0 ? c.weight : column == 1 ? c.mu : c.sigma) = value;
    try {
        setMixture(klscope::setComponent(mixture, std::size_t(component), c));
    } catch (const std::invalid_argument &e) {
        refuse(e.what());
    }
}

void ContinuousEditor::setMixture(const klscope::GaussianMixture &mixture)
{
    m_distribution = mixture;
    rebuild();
    showValues();
    emit mixtureEdited(mixture);
}
