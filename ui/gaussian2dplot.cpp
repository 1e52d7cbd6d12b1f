#include "gaussian2dplot.h"

#include "eventreadout.h"
#include "eventseries.h"
#include "palette.h"
#include "plotcanvas.h"

#include <qcustomplot.h>
#include <vectormath.h>

#include <Eigen/Eigenvalues>

#include <QMouseEvent>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <vector>

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Points along each ellipse: smooth at any size on screen.
constexpr int kEllipsePoints = 121;
// How near (pixels) a press must be to a handle to grab it.
constexpr double kGrabRadius = 10.0;
// The largest map sampled (cells each way): a plot wider than this draws cells of more than one pixel.
constexpr int kMaxCells = 2048;

/// An ellipse's centre and its axes from the covariance's eigen-decomposition: u1 the major axis (unit),
/// sd1 its standard deviation; u2 and sd2 the minor axis.
struct Axes
{
    QPointF centre, u1, u2;
    double sd1 = 1, sd2 = 1;
};

Axes axesOf(const PlotEllipse &e)
{
    Eigen::Matrix2d s;
    s << e.var1, e.cov, e.cov, e.var2;
    const Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> solver(s);
    const Eigen::Vector2d lambda = solver.eigenvalues(); // ascending
    const Eigen::Matrix2d v = solver.eigenvectors();
    Axes a;
    a.centre = QPointF(e.mu1, e.mu2);
    a.u1 = QPointF(v(0, 1), v(1, 1));
    a.u2 = QPointF(v(0, 0), v(1, 0));
    // The major axis points right (or up), so the handles sit where a person expects them.
    if (a.u1.x() < 0 || (a.u1.x() == 0 && a.u1.y() < 0))
        a.u1 = -a.u1;
    a.u2 = QPointF(-a.u1.y(), a.u1.x());
    a.sd1 = std::sqrt(std::max(0.0, lambda(1)));
    a.sd2 = std::sqrt(std::max(0.0, lambda(0)));
    return a;
}

/// The handle `part` of an ellipse in plane coordinates: 0 the centre, 1 and 2 the axes' ends.
QPointF handlePoint(const PlotEllipse &e, int part)
{
    const Axes a = axesOf(e);
    if (part == 1)
        return a.centre + a.u1 * (e.sigmas * a.sd1);
    if (part == 2)
        return a.centre + a.u2 * (e.sigmas * a.sd2);
    return a.centre;
}

QCPColorGradient layerGradient(const QColor &colour)
{
    QCPColorGradient g;
    g.setColorStops(
        {{0.0, klscope::palette::withAlpha(colour, 0)}, {1.0, klscope::palette::withAlpha(colour, 190)}});
    g.setNanHandling(QCPColorGradient::nhTransparent);
    return g;
}

QCPColorGradient divergingGradient(const QColor &positive)
{
    QCPColorGradient g;
    g.setColorStops({{0.0, QColor(0x5e, 0x3c, 0x99)}, {0.5, Qt::white}, {1.0, positive}});
    g.setNanHandling(QCPColorGradient::nhTransparent);
    return g;
}

bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

/// True when `b` draws exactly what `a` does: every field keyed, with the same keys, and the rest equal.
bool sameDrawing(const Gaussian2DData &a, const Gaussian2DData &b)
{
    if (a.layers.size() != b.layers.size() || bool(a.integrand) != bool(b.integrand) ||
        (a.integrand && (a.integrandKey.isEmpty() || a.integrandKey != b.integrandKey)))
        return false;
    for (qsizetype k = 0; k < a.layers.size(); ++k) {
        const Gaussian2DData::Layer &x = a.layers[k], &y = b.layers[k];
        if (x.key.isEmpty() || x.key != y.key || x.name != y.name || x.colour != y.colour ||
            !sameNumber(x.logPeak, y.logPeak) || bool(x.logDensity) != bool(y.logDensity))
            return false;
    }
    return a.integrandName == b.integrandName && a.positive == b.positive && a.ellipses == b.ellipses &&
           a.view == b.view && a.title == b.title;
}

} // namespace

struct Gaussian2DPlot::Private : PlotCanvas
{
    Gaussian2DData data;
    std::array<QCPColorMap *, 2> layers{};
    QCPColorMap *integrand = nullptr;
    QCPColorScale *scale = nullptr;
    QCPTextElement *title = nullptr;
    QList<QCPCurve *> curves;
    QCPGraph *centres = nullptr;
    QCPGraph *axisEnds = nullptr;
    QSize sampled;           ///< the axis rect size the maps were sampled at
    QCPRange xRange, yRange; ///< the plane the maps cover

    // The drag going on (dragHandle < 0: none).
    int dragHandle = -1;
    int dragPart = 0;
    PlotEllipse pressed;
    QPointF pressOffset;      ///< centre minus the pressed point (a centre drag)
    double otherVariance = 1; ///< the variance of the axis not dragged

    std::pair<double, double> clampView(double a, double b) const override
    {
        const double base = std::max(1e-12, data.view.width());
        const double span = std::clamp(b - a, base * 1e-3, base * 100);
        const double centre = (a + b) / 2;
        return {centre - span / 2, centre + span / 2};
    }

    QSize rectSize() const
    {
        const QRect r = plot->axisRect()->rect();
        return QSize(std::clamp(r.width(), 2, kMaxCells), std::clamp(r.height(), 2, kMaxCells));
    }

    bool needsRefit() const override { return rectSize() != sampled; }

    const PlotEllipse *ellipseWithHandle(int handle) const
    {
        for (const PlotEllipse &e : data.ellipses)
            if (handle >= 0 && e.handle == handle)
                return &e;
        return nullptr;
    }

    // One scale on both axes: the view (or the zoomed x range) fills the rect, centred.
    void placeAxes(QSize size)
    {
        const QRectF v = data.view.normalized();
        double cx = v.center().x(), cy = v.center().y();
        double perPixel = std::max(v.width() / size.width(), v.height() / size.height());
        if (userRange) {
            cx = (userRange->first + userRange->second) / 2;
            perPixel = (userRange->second - userRange->first) / size.width();
        }
        xRange = QCPRange(cx - perPixel * size.width() / 2, cx + perPixel * size.width() / 2);
        yRange = QCPRange(cy - perPixel * size.height() / 2, cy + perPixel * size.height() / 2);
        plot->xAxis->setRange(xRange);
        plot->yAxis->setRange(yRange);
    }

    /// What a map was last sampled from: its key and plane ("" key: never kept).
    struct Sampled
    {
        QString key;
        QSize size;
        QCPRange x, y;
        double logPeak = 0; ///< the log-density at the full colour (layers)
    };
    std::array<Sampled, 2> layerSampled;
    Sampled integrandSampled;
    std::vector<double> row;  ///< one row of a field, reused
    std::vector<double> grid; ///< a layer's log-densities before its peak is known, reused
    int samplings = 0;

    bool keeps(const Sampled &was, const QString &key, QSize size) const
    {
        return !key.isEmpty() && was.key == key && was.size == size && was.x == xRange && was.y == yRange;
    }

    /// Where a map's cells are: cell (i, j) at x = x0 + i dx, y = y0 + j dy, nx by ny cells.
    struct Cells
    {
        double x0 = 0, dx = 0, y0 = 0, dy = 0;
        int nx = 0, ny = 0;
    };

    // Places `map` on the rect's pixel centres and counts a sampling, or returns nothing when the map
    // was sampled with `key` on this plane and keeps its cells.
    std::optional<Cells> startSampling(QCPColorMap *map, QSize size, const QString &key, const Sampled &was)
    {
        if (keeps(was, key, size))
            return std::nullopt;
        ++samplings;
        Cells c;
        c.nx = size.width();
        c.ny = size.height();
        c.dx = xRange.size() / c.nx;
        c.dy = yRange.size() / c.ny;
        c.x0 = xRange.lower + c.dx / 2;
        c.y0 = yRange.lower + c.dy / 2;
        QCPColorMapData *m = map->data();
        m->setSize(c.nx, c.ny); // keeps the cells when the size is the same
        m->setRange(QCPRange(c.x0, xRange.upper - c.dx / 2), QCPRange(c.y0, yRange.upper - c.dy / 2));
        return c;
    }

    // A layer's map: exp(ln p - peak) in [0, 1] at every pixel centre, a row of the field at a time.
    void sampleLayer(QCPColorMap *map, QSize size, const Gaussian2DData::Layer &layer, Sampled &was)
    {
        const std::optional<Cells> c = startSampling(map, size, layer.key, was);
        if (!c)
            return;
        const int nx = c->nx, ny = c->ny;
        grid.resize(std::size_t(nx) * std::size_t(ny));
        for (int j = 0; j < ny; ++j)
            layer.logDensity(c->y0 + j * c->dy, c->x0, c->dx,
                             std::span<double>(grid.data() + std::size_t(j) * nx, nx));
        double peak = layer.logPeak;
        if (std::isnan(peak)) {
            peak = -std::numeric_limits<double>::infinity();
            for (double v : grid)
                peak = std::max(peak, v);
            if (!std::isfinite(peak))
                peak = 0;
        }
        // exp(ln p − peak) over the whole map at once, by the core's vectorised exp (libmvec where the CPU
        // has AVX2), then into the map's cells.
        for (double &v : grid)
            v -= peak;
        klscope::vectorExp(grid.data(), grid.data(), grid.size());
        QCPColorMapData *m = map->data();
        for (int j = 0; j < ny; ++j) {
            const double *in = grid.data() + std::size_t(j) * nx;
            for (int i = 0; i < nx; ++i)
                m->setCell(i, j, in[i]);
        }
        was = {layer.key, size, xRange, yRange, peak};
    }

    // The integrand's map; its colour range is symmetric about 0, out to the largest |value|.
    void sampleIntegrand(QSize size)
    {
        const std::optional<Cells> c = startSampling(integrand, size, data.integrandKey, integrandSampled);
        if (!c)
            return;
        const int nx = c->nx, ny = c->ny;
        row.resize(std::size_t(nx));
        QCPColorMapData *m = integrand->data();
        double top = 0;
        for (int j = 0; j < ny; ++j) {
            data.integrand(c->y0 + j * c->dy, c->x0, c->dx, row);
            for (int i = 0; i < nx; ++i) {
                const double v = row[std::size_t(i)];
                m->setCell(i, j, v);
                if (std::isfinite(v))
                    top = std::max(top, std::fabs(v));
            }
        }
        integrand->setDataRange(QCPRange(-(top > 0 ? top : 1), top > 0 ? top : 1));
        integrandSampled = {data.integrandKey, size, xRange, yRange, 0};
    }

    /// The field's value at one point.
    static double valueOf(const Gaussian2DData::Field &f, double x, double y)
    {
        double v = 0;
        f(y, x, 0, std::span<double>(&v, 1));
        return v;
    }

    void update() override
    {
        const QSize size = rectSize();
        placeAxes(size);
        title->setText(data.title);
        const bool showIntegrand = bool(data.integrand);
        integrand->setVisible(showIntegrand);
        scale->setVisible(showIntegrand);
        for (std::size_t k = 0; k < layers.size(); ++k) {
            const bool shown =
                !showIntegrand && qsizetype(k) < data.layers.size() && data.layers[qsizetype(k)].logDensity;
            layers[k]->setVisible(shown);
            if (!shown) {
                layerSampled[k] = {};
                continue;
            }
            const Gaussian2DData::Layer &layer = data.layers[qsizetype(k)];
            layers[k]->setGradient(layerGradient(layer.colour));
            sampleLayer(layers[k], size, layer, layerSampled[k]);
            layers[k]->setDataRange(QCPRange(0, 1));
        }
        if (showIntegrand) {
            integrand->setGradient(divergingGradient(data.positive));
            sampleIntegrand(size);
            scale->axis()->setLabel(data.integrandName);
        } else {
            integrandSampled = {};
        }
        sampled = size;

        // The ellipses, one curve each.
        while (curves.size() > data.ellipses.size())
            plot->removePlottable(curves.takeLast());
        while (curves.size() < data.ellipses.size()) {
            auto *curve = new QCPCurve(plot->xAxis, plot->yAxis);
            curve->setBrush(Qt::NoBrush);
            curves.append(curve);
        }
        QVector<QCPGraphData> centreData, endData;
        for (qsizetype k = 0; k < data.ellipses.size(); ++k) {
            const PlotEllipse &e = data.ellipses[k];
            const Axes a = axesOf(e);
            QVector<QCPCurveData> points;
            points.reserve(kEllipsePoints);
            for (int t = 0; t < kEllipsePoints; ++t) {
                const double angle = 2 * std::numbers::pi * t / (kEllipsePoints - 1);
                const QPointF p = a.centre + a.u1 * (e.sigmas * a.sd1 * std::cos(angle)) +
                                  a.u2 * (e.sigmas * a.sd2 * std::sin(angle));
                points.append(QCPCurveData(t, p.x(), p.y()));
            }
            QCPCurve *curve = curves[k];
            curve->data()->set(points, true);
            curve->setPen(QPen(e.colour, e.width, e.style));
            curve->setName(e.name);
            if (e.name.isEmpty())
                curve->removeFromLegend();
            else if (!plot->legend->hasItemWithPlottable(curve))
                curve->addToLegend();
            if (e.handle >= 0) {
                centreData.append({a.centre.x(), a.centre.y()});
                for (int part = 1; part <= 2; ++part) {
                    const QPointF h = handlePoint(e, part);
                    endData.append({h.x(), h.y()});
                }
            }
        }
        centres->data()->set(centreData, false);
        axisEnds->data()->set(endData, false);
        centres->setLineStyle(QCPGraph::lsNone);
        axisEnds->setLineStyle(QCPGraph::lsNone);
        queueReplot();
    }

    /// The handle within the grab radius of `pos` nearest to it: (ellipse handle id, part), or (-1, 0).
    std::pair<int, int> handleAt(QPoint pos) const
    {
        std::pair<int, int> best{-1, 0};
        double bestDistance = kGrabRadius;
        for (const PlotEllipse &e : data.ellipses) {
            if (e.handle < 0)
                continue;
            // The axis ends first: where an end sits on the centre (a tiny axis), the centre wins ties.
            for (int part : {1, 2, 0}) {
                const QPointF h = handlePoint(e, part);
                const double px = plot->xAxis->coordToPixel(h.x()), py = plot->yAxis->coordToPixel(h.y());
                const double distance = std::hypot(px - pos.x(), py - pos.y());
                if (distance <= bestDistance) {
                    bestDistance = distance;
                    best = {e.handle, part};
                }
            }
        }
        return best;
    }

    QPointF toPlane(QPointF pos) const
    {
        return QPointF(plot->xAxis->pixelToCoord(pos.x()), plot->yAxis->pixelToCoord(pos.y()));
    }
};

Gaussian2DPlot::Gaussian2DPlot(QWidget *parent)
    : PlotWidget(std::make_unique<Private>(), QStringLiteral("gaussian2dCanvas"), true, parent),
      d(static_cast<Private *>(plotCanvas()))
{
    QCustomPlot *plot = d->plot;
    // Not as wide as the legend's one row: the legend wraps to the width the window gives (fitLegend).
    plot->setMinimumSize(160, 160);
    klscope::plot::setupValueAxis(plot->xAxis);
    klscope::plot::setupValueAxis(plot->yAxis);
    plot->xAxis->setLabel(QStringLiteral("x₁"));
    plot->yAxis->setLabel(QStringLiteral("x₂"));
    klscope::plot::setupLegend(plot);
    // setupLegend put the legend's row first; the title goes above it.
    plot->plotLayout()->insertRow(0);
    d->title = new QCPTextElement(plot, QString(), QFont(plot->font().family(), plot->font().pointSize()));
    plot->plotLayout()->addElement(0, 0, d->title);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);

    for (QCPColorMap *&layer : d->layers) {
        layer = new QCPColorMap(plot->xAxis, plot->yAxis);
        layer->setInterpolate(false);
        layer->setTightBoundary(false);
        layer->removeFromLegend();
    }
    d->integrand = new QCPColorMap(plot->xAxis, plot->yAxis);
    d->integrand->setInterpolate(false);
    d->integrand->removeFromLegend();
    d->scale = new QCPColorScale(plot);
    d->scale->setType(QCPAxis::atRight);
    d->scale->setBarWidth(10);
    const int mapRow = plot->plotLayout()->rowCount() - 1;
    plot->plotLayout()->addElement(mapRow, 1, d->scale);
    d->integrand->setColorScale(d->scale);
    auto *group = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    d->scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);

    const auto marks = [plot](QCPScatterStyle style) {
        QCPGraph *g = plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(style);
        g->removeFromLegend();
        return g;
    };
    d->centres = marks(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.5), Qt::white, 11));
    d->axisEnds = marks(QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(Qt::black, 1.5), Qt::white, 9));

    connect(plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        if (event->button() != Qt::LeftButton)
            return;
        const auto [handle, part] = d->handleAt(event->pos());
        const PlotEllipse *e = d->ellipseWithHandle(handle);
        if (!e)
            return;
        d->dragHandle = handle;
        d->dragPart = part;
        d->pressed = *e;
        const Axes a = axesOf(*e);
        d->pressOffset = a.centre - d->toPlane(event->position());
        d->otherVariance = part == 1 ? a.sd2 * a.sd2 : a.sd1 * a.sd1;
        emit dragStarted(handle);
    });
    connect(plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        if (d->dragHandle < 0) {
            const int part = d->handleAt(event->pos()).first >= 0 ? d->handleAt(event->pos()).second : -1;
            d->plot->setCursor(part == 0 ? Qt::SizeAllCursor : part > 0 ? Qt::CrossCursor : Qt::ArrowCursor);
            d->showReadout(event, readoutAt(event->pos()));
            return;
        }
        const QPointF at = d->toPlane(event->position());
        const PlotEllipse &e = d->pressed;
        if (d->dragPart == 0) {
            const QPointF centre = at + d->pressOffset;
            emit ellipseDragged(d->dragHandle, centre.x(), centre.y(), e.var1, e.var2, e.cov);
            return;
        }
        // An axis never shrinks below three pixels, so the matrix stays positive definite and grabbable.
        QPointF axis = at - QPointF(e.mu1, e.mu2);
        const double perPixel = d->xRange.size() / std::max(1, d->sampled.width());
        const double length = std::hypot(axis.x(), axis.y());
        if (length < 3 * perPixel)
            axis = length > 0 ? axis * (3 * perPixel / length) : QPointF(3 * perPixel, 0);
        double var1 = 0, var2 = 0, cov = 0;
        covarianceFromAxis(axis, e.sigmas, d->otherVariance, var1, var2, cov);
        emit ellipseDragged(d->dragHandle, e.mu1, e.mu2, var1, var2, cov);
    });
    connect(plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *) {
        if (d->dragHandle < 0)
            return;
        const int handle = d->dragHandle;
        d->dragHandle = -1;
        emit dragFinished(handle);
    });
    d->update();
}

Gaussian2DPlot::~Gaussian2DPlot() = default;

void Gaussian2DPlot::setData(Gaussian2DData data)
{
    if (sameDrawing(d->data, data))
        return;
    d->data = std::move(data);
    d->update();
    d->refreshReadout();
}

const Gaussian2DData &Gaussian2DPlot::data() const
{
    return d->data;
}

QPoint Gaussian2DPlot::handlePixel(int handle, int part) const
{
    const PlotEllipse *e = d->ellipseWithHandle(handle);
    if (!e)
        return QPoint(-1, -1);
    const QPointF h = handlePoint(*e, part);
    return pixelOf(h.x(), h.y());
}

QPoint Gaussian2DPlot::pixelOf(double x, double y) const
{
    return QPoint(int(std::lround(d->plot->xAxis->coordToPixel(x))),
                  int(std::lround(d->plot->yAxis->coordToPixel(y))));
}

QPointF Gaussian2DPlot::valueAt(QPoint canvasPosition) const
{
    return d->toPlane(canvasPosition);
}

QSize Gaussian2DPlot::mapSize() const
{
    return d->sampled;
}

double Gaussian2DPlot::mapValueAt(QPoint canvasPosition) const
{
    const QPointF v = valueAt(canvasPosition);
    const int nx = d->sampled.width(), ny = d->sampled.height();
    const bool integrand = bool(d->data.integrand);
    if (nx <= 0 || ny <= 0 || (!integrand && (d->data.layers.isEmpty() || !d->layers[0]->visible())))
        return kNaN;
    const int i = int(std::floor((v.x() - d->xRange.lower) / d->xRange.size() * nx));
    const int j = int(std::floor((v.y() - d->yRange.lower) / d->yRange.size() * ny));
    if (i < 0 || j < 0 || i >= nx || j >= ny)
        return kNaN;
    if (integrand)
        return d->integrand->data()->cell(i, j);
    // The first layer holds its density over its peak.
    return d->layers[0]->data()->cell(i, j) * std::exp(d->layerSampled[0].logPeak);
}

int Gaussian2DPlot::samplings() const
{
    return d->samplings;
}

QString Gaussian2DPlot::readoutAt(QPoint canvasPosition) const
{
    if (!d->plot->axisRect()->rect().contains(canvasPosition))
        return {};
    const QPointF v = valueAt(canvasPosition);
    QString text =
        QStringLiteral("x₁ = %1, x₂ = %2").arg(klscope::formatValue(v.x()), klscope::formatValue(v.y()));
    if (d->data.integrand)
        return text + QStringLiteral("\n%1 = %2")
                          .arg(d->data.integrandName,
                               klscope::formatValue(Private::valueOf(d->data.integrand, v.x(), v.y())));
    for (const Gaussian2DData::Layer &layer : d->data.layers)
        if (layer.logDensity)
            text +=
                QStringLiteral("\n%1 = %2")
                    .arg(layer.name,
                         klscope::formatValue(std::exp(Private::valueOf(layer.logDensity, v.x(), v.y()))));
    return text;
}

void Gaussian2DPlot::covarianceFromAxis(QPointF a, double sigmas, double otherVariance, double &var1,
                                        double &var2, double &cov)
{
    const double length = std::hypot(a.x(), a.y());
    const double lambda = length * length / (sigmas * sigmas);
    const QPointF u = a / length;
    const QPointF w(-u.y(), u.x());
    var1 = lambda * u.x() * u.x() + otherVariance * w.x() * w.x();
    var2 = lambda * u.y() * u.y() + otherVariance * w.y() * w.y();
    cov = lambda * u.x() * u.y() + otherVariance * w.x() * w.y();
}
