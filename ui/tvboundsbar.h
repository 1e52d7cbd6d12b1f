#pragma once

// Total variation against its upper bounds from KL, on one [0, 1] axis: four lanes, Pinsker √(KL/2) and
// Bretagnolle–Huber √(1 − e^(−KL)) from KL(P‖Q) and from KL(Q‖P) (KL in nats, core/bounds.h), each a bar
// from 0 to the bound with its name and value, and TV as a vertical marker across all lanes, so the gap
// between the marker and a bar's end shows how tight that bound is for this pair. A bound from an
// infinite KL is the trivial 1: its bar is hatched and its label says so. Read-only.

#include <bounds.h>

#include <QList>
#include <QRectF>
#include <QWidget>

#include <limits>

class TvBoundsBar : public QWidget
{
    Q_OBJECT

public:
    explicit TvBoundsBar(QWidget *parent = nullptr);

    /// TV (NaN for none) and the four bounds of s (totalVariationBounds(s)); an infinite KL of s marks
    /// the bounds from it as trivial.
    void setSummary(const klscope::Summary &s);

    /// One lane: what it shows and its text ("Pinsker, KL(P‖Q): 0.224", "Bretagnolle–Huber, KL(Q‖P):
    /// 1 (trivial: KL = ∞)").
    struct Lane
    {
        QString name;         ///< "Pinsker, KL(P‖Q)"
        double bound = 1;     ///< the bound, in [0, 1] (NaN when KL is NaN)
        bool trivial = false; ///< the bound is 1 because its KL is infinite
        QString text;         ///< name, value and, when trivial, why
    };
    QList<Lane> lanes() const { return m_lanes; }
    double totalVariation() const { return m_tv; }

    /// The x of value v ∈ [0, 1] on the axis inside `area` (the bars' area, right of the lane labels).
    static double xOf(double v, const QRectF &area);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Lane> m_lanes;
    double m_tv = std::numeric_limits<double>::quiet_NaN();
};
