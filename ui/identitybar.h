#pragma once

// A stacked bar that draws the identity H(P,Q) = H(P) + KL(P||Q): an entropy segment followed by a
// divergence segment, together as long as the cross entropy. An infinite divergence fills the rest of
// the bar with a hatched segment marked "∞" and never overflows the widget.

#include <QColor>
#include <QWidget>

class IdentityBar : public QWidget
{
    Q_OBJECT

public:
    explicit IdentityBar(QWidget *parent = nullptr);

    /// The two terms, in the same unit: the entropy (>= 0) and the divergence (may be +inf; a negative
    /// value from unnormalised masses is drawn as an empty segment). `scale` is the value that fills the
    /// whole width, so several bars can share one scale; <= 0 or non-finite means "fit this bar".
    void setTerms(double entropy, double divergence, double scale);

    /// Colours of the entropy and divergence segments.
    void setColours(const QColor &entropy, const QColor &divergence);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double m_entropy = 0;
    double m_divergence = 0;
    double m_scale = 0;
    QColor m_entropyColour;
    QColor m_divergenceColour;
};
