#include "metricspanel.h"

#include "eventreadout.h"
#include "identitybar.h"
#include "palette.h"
#include "tvboundsbar.h"

#include <QAction>
#include <QClipboard>
#include <QFrame>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

namespace {

// Names of P and Q in their palette colours, so the panel matches the plots.
QString coloured(const QString &text, const QColor &colour)
{
    return QStringLiteral("<span style=\"color:%1; font-weight:600\">%2</span>").arg(colour.name(), text);
}

QString P()
{
    return coloured(QStringLiteral("P"), klscope::palette::p());
}
QString Q()
{
    return coloured(QStringLiteral("Q"), klscope::palette::q());
}

QString swatch(const QColor &colour)
{
    return coloured(QStringLiteral("■"), colour);
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

MetricsPanel::MetricsPanel(QWidget *parent) : QWidget(parent)
{
    // The content scrolls rather than being cut off when the panel is short.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    // Tight rows, so the whole panel fits beside the editors at 1280×800 without scrolling.
    layout->setSpacing(3);
    layout->setContentsMargins(6, 4, 6, 4);
    scroll->setWidget(content);

    m_context = new QLabel(content);
    m_context->setObjectName(QStringLiteral("contextLabel"));
    m_context->setWordWrap(true);
    m_context->setToolTip(
        tr("The unit of every information quantity below and the events they are summed over."));
    layout->addWidget(m_context);

    m_warnings = new QLabel(content);
    m_warnings->setObjectName(QStringLiteral("warningsLabel"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings->setToolTip(tr("Why these numbers may not be what you expect: mass outside the support, "
                              "masses that do not sum to 1, smoothing."));
    // Amber with dark text in any theme, so a warning is never missed on a projector.
    m_warnings->setStyleSheet(
        QStringLiteral("QLabel { background: #FFF3D6; color: #3A2A00; border: 1px solid "
                       "#E69F00; border-radius: 4px; padding: 4px; }"));
    m_warnings->hide();
    layout->addWidget(m_warnings);

    m_extendSupport = new QPushButton(content);
    m_extendSupport->setObjectName(QStringLiteral("extendSupportButton"));
    m_extendSupport->setToolTip(tr("Evaluate both distributions on a support that holds all their mass."));
    m_extendSupport->hide();
    connect(m_extendSupport, &QPushButton::clicked, this, &MetricsPanel::extendSupportRequested);
    layout->addWidget(m_extendSupport);
    m_complete = new QPushButton(content);
    m_complete->setObjectName(QStringLiteral("completeButton"));
    m_complete->setToolTip(
        tr("Change the distribution that has no mass where the other has some, so both are "
           "complete on the extended support (this changes the distribution, not only "
           "the support)."));
    m_complete->hide();
    connect(m_complete, &QPushButton::clicked, this, &MetricsPanel::completeRequested);
    layout->addWidget(m_complete);

    // Divergences.
    layout->addWidget(sectionTitle(tr("Divergences"), content));
    auto *divergences = new QGridLayout;
    layout->addLayout(divergences);
    m_klPQ =
        addRow(divergences, QStringLiteral("KL(%1‖%2)").arg(P(), Q()), QStringLiteral("klPQValue"),
               tr("KL(P‖Q) = Σ p·log(p/q): the expected extra code length per sample of P when coding with "
                  "a code built for Q. Never negative; ∞ when Q = 0 where P > 0."),
               UnitKind::Information);
    m_klQP =
        addRow(divergences, QStringLiteral("KL(%1‖%2)").arg(Q(), P()), QStringLiteral("klQPValue"),
               tr("KL(Q‖P) = Σ q·log(q/p): the expected extra code length per sample of Q when coding with "
                  "a code built for P. In general not equal to KL(P‖Q); ∞ when P = 0 where Q > 0."),
               UnitKind::Information);
    QFont bold = m_klPQ->font();
    bold.setBold(true);
    m_klPQ->setFont(bold);
    m_klQP->setFont(bold);
    m_js = addRow(divergences, QStringLiteral("JS(%1, %2)").arg(P(), Q()), QStringLiteral("jsValue"),
                  tr("Jensen–Shannon divergence: ½KL(P‖M) + ½KL(Q‖M) with M = (P+Q)/2. Symmetric, always "
                     "finite, at most ln 2 nats = 1 bit."),
                  UnitKind::Information);

    auto *gaugeRow = new QHBoxLayout;
    gaugeRow->setSpacing(fontMetrics().averageCharWidth() * 2);
    m_jsGauge = new QProgressBar(content);
    m_jsGauge->setObjectName(QStringLiteral("jsGauge"));
    m_jsGauge->setRange(0, 1000);
    m_jsGauge->setTextVisible(false);
    m_jsGauge->setMaximumHeight(std::max(6, fontMetrics().height() / 2));
    m_jsGauge->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 6);
    QPalette gaugePalette = m_jsGauge->palette();
    gaugePalette.setColor(QPalette::Highlight, klscope::palette::js());
    m_jsGauge->setPalette(gaugePalette);
    m_jsCeiling = new QLabel(content);
    m_jsCeiling->setObjectName(QStringLiteral("jsCeilingLabel"));
    m_jsCeiling->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString ceilingTip = tr("The JS divergence never exceeds ln 2 nats = 1 bit = log₁₀ 2 bans, reached "
                                  "exactly when P and Q share no event.");
    m_jsGauge->setToolTip(ceilingTip);
    m_jsCeiling->setToolTip(ceilingTip);
    gaugeRow->addWidget(m_jsGauge, 1);
    gaugeRow->addWidget(m_jsCeiling);
    divergences->addLayout(gaugeRow, divergences->rowCount(), 0, 1, 3);

    m_jsDistance = addRow(divergences, QStringLiteral("JS distance"), QStringLiteral("jsDistanceValue"),
                          tr("Jensen–Shannon distance √JS: a true metric. In bits it lies in [0, 1]."),
                          UnitKind::SquareRoot);

    m_infinity = new QLabel(content);
    m_infinity->setObjectName(QStringLiteral("infinityExplanation"));
    m_infinity->setWordWrap(true);
    m_infinity->setTextFormat(Qt::PlainText);
    m_infinity->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_infinity->setToolTip(tr("A KL divergence is infinite when the second distribution has no mass at an "
                              "event where the first has some: no finite code can describe that event."));
    m_infinity->setStyleSheet(
        QStringLiteral("QLabel { background: #F2F2F2; color: #000000; border-left: 3px solid "
                       "#000000; padding: 4px; }"));
    m_infinity->hide();
    layout->addWidget(m_infinity);

    // Entropies and the identity.
    layout->addWidget(sectionTitle(tr("Entropies"), content));
    auto *entropies = new QGridLayout;
    layout->addLayout(entropies);
    m_entropyP = addRow(entropies, QStringLiteral("H(%1)").arg(P()), QStringLiteral("entropyPValue"),
                        tr("Entropy of P: −Σ p·log p, the shortest average code length for samples of P."),
                        UnitKind::Information);
    m_entropyQ = addRow(entropies, QStringLiteral("H(%1)").arg(Q()), QStringLiteral("entropyQValue"),
                        tr("Entropy of Q: −Σ q·log q, the shortest average code length for samples of Q."),
                        UnitKind::Information);
    m_crossEntropyPQ =
        addRow(entropies, QStringLiteral("H(%1, %2)").arg(P(), Q()), QStringLiteral("crossEntropyPQValue"),
               tr("Cross entropy H(P,Q) = −Σ p·log q = H(P) + KL(P‖Q): the average code length "
                  "for samples of P with a code built for Q (the log loss)."),
               UnitKind::Information);
    m_crossEntropyQP =
        addRow(entropies, QStringLiteral("H(%1, %2)").arg(Q(), P()), QStringLiteral("crossEntropyQPValue"),
               tr("Cross entropy H(Q,P) = −Σ q·log p = H(Q) + KL(Q‖P)."), UnitKind::Information);

    auto addIdentity = [&](const QString &caption, const QColor &divergenceColour,
                           const QString &objectName) {
        auto *label = new QLabel(caption, content);
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        layout->addWidget(label);
        auto *bar = new IdentityBar(content);
        bar->setObjectName(objectName);
        bar->setColours(klscope::palette::entropy(), divergenceColour);
        layout->addWidget(bar);
        return bar;
    };
    m_identityPQ =
        addIdentity(QStringLiteral("H(%1, %2) = %3 H(%1) + %4 KL(%1‖%2)")
                        .arg(P(), Q(), swatch(klscope::palette::entropy()), swatch(klscope::palette::klPQ())),
                    klscope::palette::klPQ(), QStringLiteral("identityBarPQ"));
    m_identityQP =
        addIdentity(QStringLiteral("H(%1, %2) = %3 H(%1) + %4 KL(%1‖%2)")
                        .arg(Q(), P(), swatch(klscope::palette::entropy()), swatch(klscope::palette::klQP())),
                    klscope::palette::klQP(), QStringLiteral("identityBarQP"));

    // Distances without a unit.
    layout->addWidget(sectionTitle(tr("Distances"), content));
    auto *distances = new QGridLayout;
    layout->addLayout(distances);
    m_totalVariation =
        addRow(distances, QStringLiteral("Total variation"), QStringLiteral("totalVariationValue"),
               tr("Total variation distance ½Σ|p − q|: the largest difference in probability P "
                  "and Q give to any set of events. In [0, 1], no unit."),
               UnitKind::None);
    m_hellinger =
        addRow(distances, QStringLiteral("Hellinger"), QStringLiteral("hellingerValue"),
               tr("Hellinger distance √(½Σ(√p − √q)²). In [0, 1], no unit; finite even where KL is ∞."),
               UnitKind::None);
    // TV against its bounds from KL in both directions: how tight Pinsker and Bretagnolle–Huber are here.
    auto *boundsCaption = new QLabel(tr("Total variation against its bounds from KL"), content);
    boundsCaption->setWordWrap(true);
    layout->addWidget(boundsCaption);
    m_tvBounds = new TvBoundsBar(content);
    m_tvBounds->setObjectName(QStringLiteral("tvBoundsBar"));
    layout->addWidget(m_tvBounds);
    layout->addStretch(1);

    // The three grids share their column widths, so the numbers line up from section to section.
    const int nameWidth = fontMetrics().horizontalAdvance(QStringLiteral("Total variation")) + 8;
    for (QGridLayout *grid : {divergences, entropies, distances}) {
        grid->setColumnMinimumWidth(0, nameWidth);
        grid->setVerticalSpacing(1);
        grid->setColumnStretch(1, 1);
        grid->setColumnMinimumWidth(2, fontMetrics().horizontalAdvance(QStringLiteral("√nats")) + 4);
    }

    setExtendSupportOffer({});
    setCompleteOffer({}, false);
    setSummary(klscope::Summary{});
}

QLabel *MetricsPanel::addRow(QGridLayout *grid, const QString &name, const QString &objectName,
                             const QString &toolTip, UnitKind unit)
{
    QWidget *parent = grid->parentWidget() ? grid->parentWidget() : this;
    const int row = grid->rowCount();
    auto *nameLabel = new QLabel(name, parent);
    nameLabel->setTextFormat(Qt::RichText);
    nameLabel->setToolTip(toolTip);
    auto *value = new QLabel(parent);
    value->setObjectName(objectName);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    value->setToolTip(toolTip);
    value->setProperty("baseToolTip", toolTip);
    // Right-click copies the value with every digit (a teacher quotes 0.6311103254079738, not 0.631110).
    auto *copy = new QAction(tr("Copy with full precision"), value);
    copy->setObjectName(QStringLiteral("copyFullPrecision"));
    connect(copy, &QAction::triggered, value, [value] {
        QGuiApplication::clipboard()->setText(fullPrecision(value->property("fullValue").toDouble()));
    });
    auto *copyShown = new QAction(tr("Copy as shown"), value);
    connect(copyShown, &QAction::triggered, value,
            [value] { QGuiApplication::clipboard()->setText(value->text()); });
    value->addActions({copy, copyShown});
    value->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Wide enough for the longest formatValue() text, so no number is ever cut off.
    value->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("-8.88888e-888")) + 2);
    auto *unitLabel = new QLabel(parent);
    unitLabel->setToolTip(toolTip);
    auto *method = new QLabel(parent);
    method->setObjectName(QString(objectName).replace(QLatin1String("Value"), QLatin1String("Method")));
    method->setTextFormat(Qt::PlainText);
    method->setTextInteractionFlags(Qt::TextSelectableByMouse);
    method->hide();
    m_methodLabels.insert(value, method);
    grid->addWidget(nameLabel, row, 0);
    grid->addWidget(value, row, 1);
    grid->addWidget(unitLabel, row, 2);
    grid->addWidget(method, row, 3);
    if (unit == UnitKind::Information) {
        m_unitLabels.append(unitLabel);
        m_valueUnits.append(std::make_pair(value, unitLabel));
    } else if (unit == UnitKind::SquareRoot)
        m_sqrtUnitLabels.append(unitLabel);
    return value;
}

QString MetricsPanel::formatValue(double v)
{
    if (std::isnan(v))
        return QStringLiteral("—");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    if (v == 0.0)
        return QStringLiteral("0");
    // Six significant digits, trailing zeros kept, so numbers side by side have the same precision
    // ("0.631110" beside "1.52296"); a whole 1 stays "1" (as in "1 bit"). The true minus sign.
    if (v == 1.0)
        return QStringLiteral("1");
    QString text = klscope::significantDigits(std::fabs(v), 6);
    if (v < 0)
        text.prepend(QChar(0x2212));
    return text;
}

QString MetricsPanel::fullPrecision(double v)
{
    if (std::isnan(v))
        return QStringLiteral("nan");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    return QString::fromLatin1(buffer, result.ptr - buffer);
}

QString MetricsPanel::formatShare(double percent)
{
    // One decimal, except that a tiny share keeps two significant digits ("0.0012 %", not "0.0 %").
    if (percent > 0 && percent < 0.05)
        return QString::number(percent, 'g', 2);
    return QString::number(percent, 'f', 1);
}

QString MetricsPanel::methodText(const klscope::Metric &m)
{
    if (m.method.empty() || m.method == "sum")
        return {};
    QString name = QString::fromStdString(m.method);
    if (m.method == "closed_form")
        name = QStringLiteral("closed form");
    else if (m.method == "monte_carlo")
        name = QStringLiteral("Monte Carlo");
    QString text = QStringLiteral("· ") + name;
    // One significant digit of the error is all a reader needs ("± 2e-15").
    if (m.error > 0 || std::isnan(m.error))
        text += QStringLiteral(" ± ") +
                (std::isnan(m.error) ? QStringLiteral("?") : QString::number(m.error, 'g', 1));
    return text;
}

void MetricsPanel::showValue(QLabel *label, const klscope::Metric &m, const klscope::Summary &s)
{
    const double v = m.value;
    label->setText(formatValue(v));
    label->setProperty("fullValue", v);
    QString tip = label->property("baseToolTip").toString();
    // Sums carry no method on screen; their tooltip says how the value was found.
    if (s.domain == klscope::Domain::Discrete) {
        if (m.method == "closed_form")
            tip += QLatin1Char('\n') + tr("Computed from the closed form for this family.");
        else if (label == m_klPQ || label == m_klQP)
            tip += QLatin1Char('\n') + tr("Summed over the %1 events of the support.").arg(s.events);
    } else {
        tip += QLatin1Char('\n') + tr("Method: %1; absolute error estimate %2.")
                                       .arg(QString::fromStdString(m.method), fullPrecision(m.error));
    }
    tip += QLatin1Char('\n') + tr("Full precision: %1 (right-click to copy)").arg(fullPrecision(v));
    label->setToolTip(tip);
    if (QLabel *method = m_methodLabels.value(label)) {
        const QString text = s.domain == klscope::Domain::Continuous ? methodText(m) : QString();
        method->setText(text);
        method->setToolTip(tip);
        method->setVisible(!text.isEmpty());
    }
}

void MetricsPanel::setExtendSupportOffer(const QString &label)
{
    m_extendSupport->setText(label);
    m_extendSupport->setVisible(!label.isEmpty());
}

void MetricsPanel::setCompleteOffer(const QString &label, bool enabled)
{
    m_complete->setText(label);
    m_complete->setEnabled(enabled);
    m_complete->setVisible(!label.isEmpty());
}

void MetricsPanel::setSummary(const klscope::Summary &s)
{
    const QString unit = QString::fromLatin1(klscope::unitName(s.unit));
    for (QLabel *label : std::as_const(m_unitLabels))
        label->setText(unit);
    for (QLabel *label : std::as_const(m_sqrtUnitLabels))
        label->setText(QStringLiteral("√") + unit);

    m_context->setText(s.context.empty() ? tr("No comparison yet.")
                                         : tr("In %1, %2.").arg(unit, QString::fromStdString(s.context)));

    showValue(m_klPQ, s.klPQ, s);
    showValue(m_klQP, s.klQP, s);
    showValue(m_js, s.js, s);
    showValue(m_jsDistance, s.jsDistance, s);
    showValue(m_entropyP, s.entropyP, s);
    showValue(m_entropyQ, s.entropyQ, s);
    showValue(m_crossEntropyPQ, s.crossEntropyPQ, s);
    showValue(m_crossEntropyQP, s.crossEntropyQP, s);
    showValue(m_totalVariation, s.totalVariation, s);
    showValue(m_hellinger, s.hellinger, s);
    // "1 bit", "2.00000 bits": the unit agrees with the number shown.
    const QString singular = unit.endsWith(QLatin1Char('s')) ? unit.chopped(1) : unit;
    for (const auto &[value, unitLabel] : std::as_const(m_valueUnits))
        unitLabel->setText(value->text() == QLatin1String("1") ? singular : unit);

    // The JS ceiling is ln 2 in nats, exactly 1 in bits, log10 2 in bans.
    const double ceiling = std::log(2.0) * klscope::fromNats(s.unit);
    const QString ceilingText = s.unit == klscope::Unit::Bits ? tr("of max 1 bit")
                                : s.unit == klscope::Unit::Bans
                                    ? tr("of max log₁₀2 = %1 bans").arg(formatValue(ceiling))
                                    : tr("of max ln 2 = %1 nats").arg(formatValue(ceiling));
    const double share = std::isfinite(s.js.value) ? std::clamp(s.js.value / ceiling, 0.0, 1.0) : 0.0;
    m_jsGauge->setValue(static_cast<int>(std::lround(share * 1000)));
    m_jsCeiling->setText(QStringLiteral("%1 % ").arg(formatShare(share * 100)) + ceilingText);

    // Both bars share one number line so their lengths compare: it holds 0 (a differential entropy may
    // be negative) and every finite end; an infinite divergence takes the rest of its bar.
    const double hP = s.entropyP.value, hQ = s.entropyQ.value;
    double low = 0, high = 0;
    for (double v : {hP, hQ, s.crossEntropyPQ.value, s.crossEntropyQP.value, hP + std::max(0.0, s.klPQ.value),
                     hQ + std::max(0.0, s.klQP.value)})
        if (std::isfinite(v)) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    // Only the entropies are finite (both KL infinite): leave room for the infinite segments.
    if (!std::isfinite(s.crossEntropyPQ.value) && !std::isfinite(s.crossEntropyQP.value))
        high = std::max(high, std::max(hP, hQ) * 2.5);
    m_identityPQ->setTerms(hP, s.klPQ.value, low, high);
    m_identityQP->setTerms(hQ, s.klQP.value, low, high);
    m_identityPQ->setToolTip(
        tr("H(P,Q) = H(P) + KL(P‖Q): %1 = %2 + %3 %4")
            .arg(formatValue(s.crossEntropyPQ.value), formatValue(hP), formatValue(s.klPQ.value), unit));
    m_identityQP->setToolTip(
        tr("H(Q,P) = H(Q) + KL(Q‖P): %1 = %2 + %3 %4")
            .arg(formatValue(s.crossEntropyQP.value), formatValue(hQ), formatValue(s.klQP.value), unit));

    m_tvBounds->setSummary(s);

    const QString infinity = QString::fromStdString(klscope::infinityText(s));
    m_infinity->setText(infinity);
    m_infinity->setVisible(!infinity.isEmpty());

    QStringList warnings;
    for (const std::string &w : s.warnings)
        warnings.append(QStringLiteral("⚠ ") + QString::fromStdString(w));
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());
}
