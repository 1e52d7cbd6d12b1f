#pragma once

// The numbers of a comparison for a side panel, read from a klscope::Summary of either domain: both KL
// directions, JS divergence and distance against their ceiling, entropies and cross entropies with the
// identity H(P,Q) = H(P) + KL(P||Q) as bars on a number line (a differential entropy may be negative),
// total variation and Hellinger, every one with its unit and, for densities, its method and error
// ("0.0333767 nats · quadrature ± 2e-15"). It shows the summary's sentences on infinite KL and its
// warnings. Read-only: it changes nothing but itself.
//
// Value labels have object names for tests: klPQValue, klQPValue, jsValue, jsDistanceValue,
// entropyPValue, entropyQValue, crossEntropyPQValue, crossEntropyQPValue, totalVariationValue,
// hellingerValue; their text is formatValue() of the value. Beside each, a label named like it with
// "Method" for "Value" (klPQMethod, ...) shows "· quadrature ± 2e-15" for densities and is empty for
// sums. Also: jsCeilingLabel, identityBarPQ,
// identityBarQP, tvBoundsBar (TV against its Pinsker and Bretagnolle–Huber bounds), infinityExplanation,
// warningsLabel, extendSupportButton, completeButton, contextLabel.

#include <summary.h>

#include <QHash>
#include <QWidget>

#include <utility>

class IdentityBar;
class TvBoundsBar;
class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;

class MetricsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit MetricsPanel(QWidget *parent = nullptr);

    /// Shows every metric of s in s's unit, its infinity sentences and its warnings.
    void setSummary(const klscope::Summary &s);

    /// Shows a button with this text that emits extendSupportRequested(); an empty label hides it.
    void setExtendSupportOffer(const QString &label);
    /// The second step after extending the support: a button with this text that emits
    /// completeRequested() (e.g. "Step 2: make Q uniform on 0..15"), disabled until `enabled`; an empty
    /// label hides it.
    void setCompleteOffer(const QString &label, bool enabled);

    /// How every value is displayed: 6 significant digits with trailing zeros ("0.631110", "1.52296",
    /// "7.76342e-05"), "1" for exactly one, U+2212 for a minus, "∞"/"−∞" for infinities, "—" for NaN,
    /// "0" for zero of either sign.
    static QString formatValue(double v);
    /// Every digit: the shortest text that reads back to v ("0.6311103254079738"); "inf", "nan".
    static QString fullPrecision(double v);
    /// A percentage for the JS gauge: one decimal ("25.6"), two significant digits when tiny ("0.0012").
    static QString formatShare(double percent);

    /// The method and error beside a value, for densities: "· quadrature ± 2e-15", "· closed form"
    /// (no error shown when it is 0), "· Monte Carlo ± 0.003"; "" for a sum.
    static QString methodText(const klscope::Metric &m);

signals:
    /// The person pressed the extend-support button.
    void extendSupportRequested();
    /// The person pressed the second-step button.
    void completeRequested();

private:
    enum class UnitKind
    {
        Information, ///< nats, bits or bans
        SquareRoot,  ///< the square root of the unit (JS distance)
        None         ///< no unit (total variation, Hellinger)
    };
    /// Shows v in `label` (formatValue), with its full precision in the tooltip and the copy action.
    void showValue(QLabel *label, const klscope::Metric &m, const klscope::Summary &s);
    QLabel *addRow(QGridLayout *grid, const QString &name, const QString &objectName, const QString &toolTip,
                   UnitKind unit);

    QLabel *m_context = nullptr;
    QLabel *m_warnings = nullptr;
    QPushButton *m_extendSupport = nullptr;
    QPushButton *m_complete = nullptr;
    QLabel *m_klPQ = nullptr;
    QLabel *m_klQP = nullptr;
    QLabel *m_js = nullptr;
    QProgressBar *m_jsGauge = nullptr;
    QLabel *m_jsCeiling = nullptr;
    QLabel *m_jsDistance = nullptr;
    QLabel *m_infinity = nullptr;
    QLabel *m_entropyP = nullptr;
    QLabel *m_entropyQ = nullptr;
    QLabel *m_crossEntropyPQ = nullptr;
    QLabel *m_crossEntropyQP = nullptr;
    IdentityBar *m_identityPQ = nullptr;
    IdentityBar *m_identityQP = nullptr;
    QLabel *m_totalVariation = nullptr;
    QLabel *m_hellinger = nullptr;
    TvBoundsBar *m_tvBounds = nullptr;
    QList<QLabel *> m_unitLabels;
    QList<std::pair<QLabel *, QLabel *>> m_valueUnits; ///< value label and its unit label (information)
    QList<QLabel *> m_sqrtUnitLabels;
    QHash<QLabel *, QLabel *> m_methodLabels; ///< value label to its method label
};
