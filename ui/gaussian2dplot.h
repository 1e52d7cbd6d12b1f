#pragma once

// A plane of two-dimensional densities (the 2-D page): either density heatmaps, one per layer in its own
// colour (transparent where the density is 0, the colour at its peak), or one per-point integrand such as
// p·log(p/q) on a diverging colour scale (white at 0), sampled at the plot's pixel resolution; over either,
// ellipses (a covariance's k-sigma contour, from its eigen-decomposition) in given colours and styles. An
// ellipse given a handle id can be dragged: its centre moves the mean, its two axis ends stretch and rotate
// the axis (the other axis keeps its length and stays perpendicular), and the plot emits the Gaussian the
// drag asks for; it never changes what it draws itself (the page edits its document, which feeds the plot).
// Fed with plain numbers and callbacks, so P may be any density (a mixture), not a Normal2; the x and y
// axes keep one scale, so an ellipse looks as it is. QCustomPlot stays inside the .cpp.
// Speed (an edit must replot within a frame): a field is sampled a whole row at a time (the caller's loop
// is plain arithmetic the compiler vectorises, no call per pixel), and a layer or integrand whose key and
// plane are those it was last sampled with keeps its map (the side not dragged is not sampled again, and
// QCustomPlot keeps its coloured image). New data equal to what is drawn changes nothing and replots
// nothing.

#include "plotwidget.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <functional>
#include <limits>
#include <span>

/// One ellipse drawn: the `sigmas`-sigma contour of N((mu1, mu2), [[var1, cov], [cov, var2]]).
struct PlotEllipse
{
    double mu1 = 0, mu2 = 0, var1 = 1, var2 = 1, cov = 0;
    double sigmas = 1;
    QColor colour;
    Qt::PenStyle style = Qt::SolidLine;
    double width = 2;
    QString name;    ///< its legend entry ("": none)
    int handle = -1; ///< >= 0: draggable, and the id its drags are emitted with

    bool operator==(const PlotEllipse &) const = default;
};

/// What a Gaussian2DPlot draws.
struct Gaussian2DData
{
    /// A field sampled along a row of the plane: out[i] = f(x0 + i dx, y) for every i < out.size().
    using Field = std::function<void(double y, double x0, double dx, std::span<double> out)>;
    /// A density drawn as a heatmap: its log-density and its colour (at most two layers are drawn).
    struct Layer
    {
        QString name; ///< "p", "q" (the read-out names the value)
        Field logDensity;
        /// The largest log-density (the full colour); NaN: the largest sampled.
        double logPeak = std::numeric_limits<double>::quiet_NaN();
        QColor colour;
        /// Names the field: a layer with the key it was last sampled with, on the same plane, keeps its
        /// map ("": sampled every time).
        QString key;
    };
    QList<Layer> layers;
    /// When set, the plot shows this field instead of the layers, on a diverging scale (white at 0,
    /// `positive` above, purple below), symmetric about 0.
    Field integrand;
    QString integrandKey;  ///< as Layer::key
    QString integrandName; ///< "p·log(p/q)"
    QColor positive;
    QList<PlotEllipse> ellipses;
    /// The default view: the plot shows at least this rectangle (x: left..right, y: top..bottom as values).
    QRectF view{-4, -4, 8, 8};
    QString title;
};

class Gaussian2DPlot : public PlotWidget
{
    Q_OBJECT

public:
    explicit Gaussian2DPlot(QWidget *parent = nullptr);
    ~Gaussian2DPlot() override;

    void setData(Gaussian2DData data);
    const Gaussian2DData &data() const;

    /// Where a draggable ellipse's handle is on the canvas: part 0 the centre, 1 and 2 the ends of its
    /// major and minor axes (at its `sigmas`); (-1, -1) when there is no such ellipse.
    QPoint handlePixel(int handle, int part) const;
    /// The canvas pixel of plane point (x, y) and back (tests press on it).
    QPoint pixelOf(double x, double y) const;
    QPointF valueAt(QPoint canvasPosition) const;
    /// The size of the sampled map (cells across and down): the axis rect's pixels.
    QSize mapSize() const;
    /// The value of the shown map at a canvas position (the integrand, or the first layer's density).
    double mapValueAt(QPoint canvasPosition) const;
    /// How many times a map (a layer or the integrand) was sampled since the plot was made.
    int samplings() const;
    QString readoutAt(QPoint canvasPosition) const override;

    /// The covariance [[var1, cov], [cov, var2]] whose axis `a` (from the centre) is one of its
    /// `sigmas`-sigma axes and whose other axis, perpendicular to it, has the variance `otherVariance`.
    static void covarianceFromAxis(QPointF a, double sigmas, double otherVariance, double &var1, double &var2,
                                   double &cov);

signals:
    /// A drag of the ellipse `handle` began (a press on one of its handles).
    void dragStarted(int handle);
    /// The drag asks for this Gaussian (the centre moved, or an axis stretched or turned).
    void ellipseDragged(int handle, double mu1, double mu2, double var1, double var2, double cov);
    /// The drag ended (the button was released).
    void dragFinished(int handle);

private:
    struct Private;
    Private *d; ///< the canvas PlotWidget owns
};
