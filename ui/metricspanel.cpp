#include "metricspanel.h"

#include "eventreadout.h"
#include "identitybar.h"
#include "palette.h"

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

// The events behind one infinite KL, in one sentence.
QString infinitySentence(const QString &direction, const QString &zeroSide, const QString &massSide,
                         const std::vector<std::int64_t> &events, std::size_t count,
                         const std::optional<klscope::TailBeyondSupport> &tail, const klscope::Comparison &c,
                         std::span<const double> mass, std::span<const double> logMass,
                         std::span<const std::string> labels)
{
    // Beyond the support, decided from the families: the first offending event and the mass from there.
    if (tail)
        return QStringLiteral("%1 = ∞ because %2 = 0 for every x ≥ %3, where %4 > 0 (%4 has %5 of its mass "
                              "there; the plot stops where that tail falls below 1e-16).")
            .arg(direction, zeroSide)
            .arg(tail->from)
            .arg(massSide,
                 tail->mass > 0 ? QString::number(tail->mass, 'g', 2) : QStringLiteral("a tiny part"));
    auto eventText = [&](std::int64_t x) {
        if (x >= 0 && static_cast<std::size_t>(x) < labels.size() &&
            !labels[static_cast<std::size_t>(x)].empty())
            return QStringLiteral("'%1' (x = %2)")
                .arg(QString::fromStdString(labels[static_cast<std::size_t>(x)]))
                .arg(x);
        return QStringLiteral("x = %1").arg(x);
    };
    constexpr std::size_t kListed = 3;
    auto massText = [&](std::int64_t x) {
        const auto i = static_cast<std::size_t>(x - c.support.first);
        if (i < mass.size() && mass[i] > 0)
            return QString::number(mass[i], 'g', 2);
        // The mass underflowed in double precision; its log is still known.
        if (i < logMass.size() && std::isfinite(logMass[i]))
            return QStringLiteral("e^%1").arg(QString::number(logMass[i], 'g', 4));
        return QStringLiteral("> 0");
    };
    QString sentence = QStringLiteral("%1 = ∞ because %2 = 0").arg(direction, zeroSide);
    if (events.empty())
        return sentence + QStringLiteral(" where %1 > 0.").arg(massSide);
    if (events.size() == 1)
        return sentence + QStringLiteral(" at %1 where %2 = %3.")
                              .arg(eventText(events.front()), massSide, massText(events.front()));
    QStringList listed;
    for (std::size_t k = 0; k < std::min(kListed, events.size()); ++k)
        listed.append(
            QStringLiteral("%1 (%2 = %3)").arg(eventText(events[k]), massSide, massText(events[k])));
    sentence += QStringLiteral(" where %1 > 0: at %2").arg(massSide, listed.join(QStringLiteral(", ")));
    if (count > kListed)
        sentence += QStringLiteral(" and %1 more").arg(count - kListed);
    return sentence + QLatin1Char('.');
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
    setComparison(klscope::Comparison{});
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
    grid->addWidget(nameLabel, row, 0);
    grid->addWidget(value, row, 1);
    grid->addWidget(unitLabel, row, 2);
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

void MetricsPanel::showValue(QLabel *label, double v, const QString &note)
{
    label->setText(formatValue(v));
    label->setProperty("fullValue", v);
    QString tip = label->property("baseToolTip").toString();
    if (!note.isEmpty())
        tip += QLatin1Char('\n') + note;
    tip += QLatin1Char('\n') + tr("Full precision: %1 (right-click to copy)").arg(fullPrecision(v));
    label->setToolTip(tip);
}

QString MetricsPanel::explainInfinity(const klscope::Comparison &c, std::span<const std::string> labels)
{
    QStringList sentences;
    if (std::isinf(c.totals.klPQ) || !c.infinitePQ.empty())
        sentences.append(infinitySentence(QStringLiteral("KL(P‖Q)"), QStringLiteral("Q"), QStringLiteral("P"),
                                          c.infinitePQ, c.infinitePQCount, c.tailPQ, c, c.p, c.logP, labels));
    if (std::isinf(c.totals.klQP) || !c.infiniteQP.empty())
        sentences.append(infinitySentence(QStringLiteral("KL(Q‖P)"), QStringLiteral("P"), QStringLiteral("Q"),
                                          c.infiniteQP, c.infiniteQPCount, c.tailQP, c, c.q, c.logQ, labels));
    return sentences.join(QLatin1Char('\n'));
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

void MetricsPanel::setComparison(const klscope::Comparison &c, std::span<const std::string> labels)
{
    const klscope::DivergenceTotals &t = c.totals;
    const QString unit = QString::fromLatin1(klscope::unitName(c.unit));
    for (QLabel *label : std::as_const(m_unitLabels))
        label->setText(unit);
    for (QLabel *label : std::as_const(m_sqrtUnitLabels))
        label->setText(QStringLiteral("√") + unit);

    const std::size_t events = c.support.size();
    m_context->setText(events == 0 ? tr("No comparison yet.")
                                   : tr("In %1, summed over x = %2..%3 (%4).")
                                         .arg(unit)
                                         .arg(c.support.first)
                                         .arg(c.support.last)
                                         .arg(events == 1 ? tr("1 event") : tr("%1 events").arg(events)));

    auto method = [&](klscope::Method m) {
        return m == klscope::Method::ClosedForm ? tr("Computed from the closed form for this family.")
                                                : tr("Summed over the %1 events of the support.").arg(events);
    };
    showValue(m_klPQ, t.klPQ, method(c.klPQMethod));
    showValue(m_klQP, t.klQP, method(c.klQPMethod));
    showValue(m_js, t.js);
    showValue(m_jsDistance, t.jsDistance);
    showValue(m_entropyP, t.entropyP);
    showValue(m_entropyQ, t.entropyQ);
    showValue(m_crossEntropyPQ, t.crossEntropyPQ);
    showValue(m_crossEntropyQP, t.crossEntropyQP);
    showValue(m_totalVariation, t.totalVariation);
    showValue(m_hellinger, t.hellinger);
    // "1 bit", "2.00000 bits": the unit agrees with the number shown.
    const QString singular = unit.endsWith(QLatin1Char('s')) ? unit.chopped(1) : unit;
    for (const auto &[value, unitLabel] : std::as_const(m_valueUnits))
        unitLabel->setText(value->text() == QLatin1String("1") ? singular : unit);

    // The JS ceiling is ln 2 in nats, exactly 1 in bits, log10 2 in bans.
    const double ceiling = std::log(2.0) * klscope::fromNats(c.unit);
    const QString ceilingText = c.unit == klscope::Unit::Bits ? tr("of max 1 bit")
                                : c.unit == klscope::Unit::Bans
                                    ? tr("of max log₁₀2 = %1 bans").arg(formatValue(ceiling))
                                    : tr("of max ln 2 = %1 nats").arg(formatValue(ceiling));
    const double share = std::isfinite(t.js) ? std::clamp(t.js / ceiling, 0.0, 1.0) : 0.0;
    m_jsGauge->setValue(static_cast<int>(std::lround(share * 1000)));
    m_jsCeiling->setText(QStringLiteral("%1 % ").arg(formatShare(share * 100)) + ceilingText);

    // Both bars share one scale so their lengths compare; an infinite divergence takes the rest of its bar.
    double scale = 0;
    for (double v : {t.crossEntropyPQ, t.crossEntropyQP, t.entropyP + std::max(0.0, t.klPQ),
                     t.entropyQ + std::max(0.0, t.klQP)})
        if (std::isfinite(v))
            scale = std::max(scale, v);
    if (scale <= 0)
        scale = std::max(t.entropyP, t.entropyQ) * 2.5;
    m_identityPQ->setTerms(t.entropyP, t.klPQ, scale);
    m_identityQP->setTerms(t.entropyQ, t.klQP, scale);
    m_identityPQ->setToolTip(
        tr("H(P,Q) = H(P) + KL(P‖Q): %1 = %2 + %3 %4")
            .arg(formatValue(t.crossEntropyPQ), formatValue(t.entropyP), formatValue(t.klPQ), unit));
    m_identityQP->setToolTip(
        tr("H(Q,P) = H(Q) + KL(Q‖P): %1 = %2 + %3 %4")
            .arg(formatValue(t.crossEntropyQP), formatValue(t.entropyQ), formatValue(t.klQP), unit));

    const QString infinity = explainInfinity(c, labels);
    m_infinity->setText(infinity);
    m_infinity->setVisible(!infinity.isEmpty());

    QStringList warnings;
    for (const std::string &w : c.warnings)
        warnings.append(QStringLiteral("⚠ ") + QString::fromStdString(w));
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());
}
