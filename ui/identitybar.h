#pragma once

// A bar that draws the identity H(P,Q) = H(P) + KL(P||Q) on a number line: the entropy segment runs from
// the zero line to H(P), the divergence segment from H(P) on to the cross entropy. A differential
// entropy can be negative; its segment then runs left of the zero line, which is drawn, and the
// divergence segment starts at the negative value, so every length is honest; the two segments then
// overlap on the line and are drawn in two lanes (entropy above, divergence below). An infinite divergence
// fills the rest of the bar with a hatched segment marked "∞" and never overflows the widget.

#include <QColor>
#include <QRectF>
#include <QWidget>

class IdentityBar : public QWidget
{
    Q_OBJECT

public:
    explicit IdentityBar(QWidget *parent = nullptr);

    /// The two terms, in the same unit: the entropy (any sign) and the divergence (may be +inf; a
    /// negative value from unnormalised masses is drawn as an empty segment). [low, high] is the range of
    /// values the width shows, so several bars can share one scale; it is widened to hold 0 and the
    /// finite ends of both segments. A range that is empty or not finite means "fit this bar".
    void setTerms(double entropy, double divergence, double low, double high);

    /// Colours of the entropy and divergence segments.
    void setColours(const QColor &entropy, const QColor &divergence);

    /// Where the segments are drawn inside `area`: the entropy segment (between the zero line and the
    /// entropy), the divergence segment (from the entropy on) and the x of the zero line. With a negative
    /// entropy the entropy takes the upper half of the height and the divergence the lower.
    struct Segments
    {
        QRectF entropy, divergence;
        double zeroX = 0;
    };
    Segments segments(const QRectF &area) const;
    /// segments() of the area the widget paints.
    Segments segments() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QRectF barArea() const;

    double m_entropy = 0;
    double m_divergence = 0;
    double m_low = 0;
    double m_high = 0;
    QColor m_entropyColour;
    QColor m_divergenceColour;
};
