#include "comparisonoptions.h"

#include "document.h"
#include "numberspinbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>

#include <cstdint>
#include <limits>

namespace {

// Smoothing is a demonstration of how much a value depends on epsilon, so a few decades suffice.
constexpr double kEpsilons[] = {1e-12, 1e-9, 1e-6, 1e-4, 1e-3, 1e-2, 1e-1};
constexpr int kDefaultEpsilon = 2;

} // namespace

ComparisonOptions::ComparisonOptions(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);

    m_explicit = new QCheckBox(tr("Support from"), this);
    m_explicit->setObjectName(QStringLiteral("explicitSupportBox"));
    m_explicit->setToolTip(tr("Off: the union of both natural supports. On: evaluate both mass functions "
                              "on A..B as given (mass outside is reported, not moved)."));
    m_first = new NumberSpinBox(this);
    m_last = new NumberSpinBox(this);
    // Every event a support can name; the document refuses a support it cannot hold, with a message.
    for (NumberSpinBox *spin : {m_first, m_last}) {
        spin->setInteger(true);
        spin->setRange(double(std::numeric_limits<std::int64_t>::min() / 1024),
                       double(std::numeric_limits<std::int64_t>::max() / 1024));
        spin->setMinimumWidth(spin->fontMetrics().horizontalAdvance(QStringLiteral("-0000000")));
    }
    m_first->setObjectName(QStringLiteral("supportFirst"));
    m_last->setObjectName(QStringLiteral("supportLast"));
    m_first->setToolTip(tr("First event A of the explicit support."));
    m_last->setToolTip(tr("Last event B of the explicit support."));
    auto *to = new QLabel(tr("to"), this);
    to->setBuddy(m_last);

    m_renormalize = new QCheckBox(tr("Renormalise"), this);
    m_renormalize->setObjectName(QStringLiteral("renormalizeBox"));
    m_renormalize->setToolTip(tr("Rescale P and Q so each sums to 1 on the support (a warning says so)."));

    m_smoothing = new QCheckBox(tr("ε-smoothing"), this);
    m_smoothing->setObjectName(QStringLiteral("smoothingBox"));
    m_smoothing->setToolTip(tr("Add ε to every mass of P and Q (then rescale) to see how much an infinite "
                               "or huge KL depends on ε. Off by default."));
    m_epsilon = new QComboBox(this);
    m_epsilon->setObjectName(QStringLiteral("epsilonBox"));
    for (double e : kEpsilons)
        m_epsilon->addItem(QStringLiteral("ε = %1").arg(e, 0, 'g'), e);
    m_epsilon->setCurrentIndex(kDefaultEpsilon);
    m_epsilon->setToolTip(tr("The ε added to every mass while smoothing is on."));

    grid->addWidget(m_explicit, 0, 0);
    grid->addWidget(m_first, 0, 1);
    grid->addWidget(to, 0, 2);
    grid->addWidget(m_last, 0, 3);
    grid->addWidget(m_renormalize, 0, 4);
    grid->addWidget(m_smoothing, 1, 0);
    grid->addWidget(m_epsilon, 1, 1, 1, 3);
    grid->setColumnStretch(5, 1);

    connect(m_explicit, &QCheckBox::toggled, this, [this] { pushSupport(); });
    connect(m_first, &NumberSpinBox::valueChanged, this, [this] { pushSupport(); });
    connect(m_last, &NumberSpinBox::valueChanged, this, [this] { pushSupport(); });
    connect(m_renormalize, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_document->setRenormalize(on))
            syncFromDocument();
    });
    connect(m_smoothing, &QCheckBox::toggled, this, [this] { pushSmoothing(); });
    connect(m_epsilon, &QComboBox::activated, this, [this] { pushSmoothing(); });
    connect(m_document, &Document::supportChanged, this, [this] { syncFromDocument(); });
    connect(m_document, &Document::optionsChanged, this, [this] { syncFromDocument(); });
    connect(m_document, &Document::comparisonChanged, this, [this] { syncFromDocument(); });
    syncFromDocument();
}

void ComparisonOptions::pushSupport()
{
    bool ok = true;
    if (!m_explicit->isChecked())
        ok = m_document->setSupport(std::nullopt);
    else
        ok = m_document->setSupport(
            klscope::EventRange{std::int64_t(m_first->value()), std::int64_t(m_last->value())});
    if (!ok)
        syncFromDocument();
}

void ComparisonOptions::pushSmoothing()
{
    const double epsilon = m_smoothing->isChecked() ? m_epsilon->currentData().toDouble() : 0.0;
    if (!m_document->setSmoothing(epsilon))
        syncFromDocument();
}

void ComparisonOptions::syncFromDocument()
{
    const QSignalBlocker b1(m_explicit), b2(m_first), b3(m_last), b4(m_renormalize), b5(m_smoothing),
        b6(m_epsilon);
    const auto support = m_document->support();
    m_explicit->setChecked(support.has_value());
    // Automatic: show the support in use, so ticking the box starts from it.
    const klscope::EventRange shown = support ? *support : m_document->comparison().support;
    m_first->setValue(double(shown.first));
    m_last->setValue(double(shown.last));
    m_first->setEnabled(support.has_value());
    m_last->setEnabled(support.has_value());
    m_renormalize->setChecked(m_document->renormalize());
    const double epsilon = m_document->smoothing();
    m_smoothing->setChecked(epsilon > 0);
    if (epsilon > 0) {
        int best = m_epsilon->findData(epsilon);
        if (best < 0) {
            m_epsilon->addItem(QStringLiteral("ε = %1").arg(epsilon, 0, 'g'), epsilon);
            best = m_epsilon->count() - 1;
        }
        m_epsilon->setCurrentIndex(best);
    }
}
