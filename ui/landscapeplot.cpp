#include "landscapeplot.h"

#include "contours.h"
#include "eventreadout.h"
#include "eventseries.h"
#include "palette.h"
#include "plotcanvas.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// How many iso-lines a map carries: enough to read the valleys' shape, few enough to leave the colours.
constexpr std::size_t kContourLevels = 7;
/// Iso-lines above this fraction of the colour range lie over the bright end of viridis: drawn dark.
constexpr double kBrightFrom = 0.6;

// What the colour map shows of a KL value: ln(1 + KL) keeps the minima's valleys apart from the plateaus.
double shade(double kl)
{
    if (std::isnan(kl))
        return kNaN;
    return std::log1p(std::max(0.0, kl));
}

} // namespace

struct LandscapePlot::Private : PlotCanvas
{
    LandscapeData data;
    QList<QPointF> minima;
    std::optional<QPointF> picked;
    QList<QPointF> path;
    QColor pathColour;
    int contourSegments = 0;
    QCPColorMap *map = nullptr;
    QCPCurve *lightContours = nullptr; ///< over the dark end of the scale
    QCPCurve *darkContours = nullptr;  ///< over the bright end
    QCPCurve *pathHalo = nullptr;      ///< a white line under the path, so it reads on any colour
    QCPCurve *pathLine = nullptr;
    QCPGraph *pathEnd = nullptr;
    QCPColorScale *scale = nullptr;
    QCPGraph *curve = nullptr;
    QCPGraph *globalMarks = nullptr;
    QCPGraph *localMarks = nullptr;
    QCPGraph *pickedMark = nullptr;
    QCPTextElement *title = nullptr;
    QPoint pressedAt;
    bool pressed = false;

    bool isMap() const { return data.yCount >= 2; }

    std::pair<double, double> clampView(double a, double b) const override
    {
        const double base = std::max(1e-12, data.xTo - data.xFrom);
        const double span = std::clamp(b - a, base * 1e-4, base * 10);
        const double centre = (a + b) / 2;
        return {centre - span / 2, centre + span / 2};
    }

    bool needsRefit() const override { return false; }

    // The value of the node nearest (x, y).
    double valueNear(double x, double y) const
    {
        if (data.xCount < 2 || data.values.empty())
            return kNaN;
        const auto node = [](double v, double from, double to, std::size_t count) -> std::ptrdiff_t {
            const double t = (v - from) / (to - from) * double(count - 1);
            if (!(t > -0.5 && t < double(count) - 0.5))
                return -1;
            return std::ptrdiff_t(std::lround(t));
        };
        const std::ptrdiff_t i = node(x, data.xFrom, data.xTo, data.xCount);
        const std::ptrdiff_t j = isMap() ? node(y, data.yFrom, data.yTo, data.yCount) : 0;
        if (i < 0 || j < 0)
            return kNaN;
        const std::size_t k = std::size_t(j) * data.xCount + std::size_t(i);
        return k < data.values.size() ? data.values[k] : kNaN;
    }

    // The iso-lines of what the map shows (ln(1 + KL)), at evenly spread levels, as NaN-separated pieces.
    void updateContours()
    {
        std::vector<double> shaded(data.values.size());
        std::transform(data.values.begin(), data.values.end(), shaded.begin(), shade);
        const klscope::ContourGrid grid{data.xCount, data.yCount, data.xFrom, data.xTo, data.yFrom, data.yTo};
        const std::vector<double> levels = klscope::evenContourLevels(shaded, kContourLevels);
        QVector<QCPCurveData> light, dark;
        contourSegments = 0;
        for (std::size_t k = 0; k < levels.size(); ++k) {
            QVector<QCPCurveData> &out =
                double(k + 1) / double(levels.size() + 1) < kBrightFrom ? light : dark;
            for (const klscope::ContourSegment &s : klscope::contourSegments(shaded, grid, levels[k])) {
                // A curve's points keep their order by the sort key t; a NaN point breaks the line.
                const double t = double(out.size());
                out.append({t, s.x0, s.y0});
                out.append({t + 1, s.x1, s.y1});
                out.append({t + 2, kNaN, kNaN});
                ++contourSegments;
            }
        }
        lightContours->data()->set(light, true);
        darkContours->data()->set(dark, true);
    }

    void update() override
    {
        const bool asMap = isMap();
        map->setVisible(asMap);
        scale->setVisible(asMap);
        curve->setVisible(!asMap);
        title->setText(data.title);
        plot->xAxis->setLabel(data.xTitle);
        plot->yAxis->setLabel(asMap ? data.yTitle : data.title + QStringLiteral(" (nats)"));
        if (asMap) {
            map->data()->setSize(int(data.xCount), int(data.yCount));
            map->data()->setRange(QCPRange(data.xFrom, data.xTo), QCPRange(data.yFrom, data.yTo));
            // An infinite KL shows as the top of the scale.
            double top = -std::numeric_limits<double>::infinity();
            for (double v : data.values)
                if (std::isfinite(v))
                    top = std::max(top, shade(v));
            for (std::size_t j = 0; j < data.yCount; ++j)
                for (std::size_t i = 0; i < data.xCount; ++i) {
                    const std::size_t k = j * data.xCount + i;
                    const double v = k < data.values.size() ? data.values[k] : kNaN;
                    map->data()->setCell(int(i), int(j), std::isinf(v) ? top : shade(v));
                }
            map->rescaleDataRange(true);
            plot->yAxis->setRange(data.yFrom, data.yTo);
            updateContours();
        } else {
            lightContours->data()->clear();
            darkContours->data()->clear();
            contourSegments = 0;
            QVector<QCPGraphData> points;
            double high = 0;
            for (std::size_t i = 0; i < data.xCount && i < data.values.size(); ++i) {
                const double x = data.xFrom + (data.xTo - data.xFrom) * double(i) / double(data.xCount - 1);
                const double v = data.values[i];
                points.append({x, std::isfinite(v) ? v : kNaN});
                if (std::isfinite(v))
                    high = std::max(high, v);
            }
            curve->data()->set(points, false);
            plot->yAxis->setRange(0, high > 0 ? high * 1.08 : 1);
        }
        QVector<QCPGraphData> global, local, pick;
        for (qsizetype k = 0; k < minima.size(); ++k) {
            const QPointF m = minima[k];
            const double y = asMap ? m.y() : valueNear(m.x(), 0);
            (k == 0 ? global : local).append({m.x(), y});
        }
        if (picked)
            pick.append({picked->x(), asMap ? picked->y() : valueNear(picked->x(), 0)});
        QVector<QCPCurveData> line;
        for (qsizetype k = 0; k < path.size(); ++k)
            line.append({double(k), path[k].x(), path[k].y()});
        pathHalo->data()->set(line, true);
        pathLine->data()->set(line, true);
        pathLine->setPen(QPen(pathColour, 2));
        pathLine->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, pathColour, 4));
        QVector<QCPGraphData> end;
        if (!path.isEmpty())
            end.append({path.back().x(), path.back().y()});
        pathEnd->data()->set(end, true);
        pathEnd->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(pathColour, 2.5), Qt::white, 11));
        globalMarks->data()->set(global, true);
        localMarks->data()->set(local, true);
        pickedMark->data()->set(pick, true);
        const auto [a, b] = userRange ? *userRange : std::pair{data.xFrom, data.xTo};
        plot->xAxis->setRange(a, b);
        queueReplot();
    }
};

LandscapePlot::LandscapePlot(QWidget *parent)
    : PlotWidget(std::make_unique<Private>(), QStringLiteral("landscapeCanvas"), false, parent),
      d(static_cast<Private *>(plotCanvas()))
{
    QCustomPlot *plot = d->plot;
    klscope::plot::setupValueAxis(plot->xAxis);
    klscope::plot::setupValueAxis(plot->yAxis);
    plot->plotLayout()->insertRow(0);
    d->title = new QCPTextElement(plot, QString(), QFont(plot->font().family(), plot->font().pointSize()));
    plot->plotLayout()->addElement(0, 0, d->title);

    d->map = new QCPColorMap(plot->xAxis, plot->yAxis);
    d->map->setInterpolate(false);
    d->scale = new QCPColorScale(plot);
    d->scale->setType(QCPAxis::atRight);
    d->scale->axis()->setLabel(QStringLiteral("ln(1 + KL)"));
    d->scale->setBarWidth(10);
    plot->plotLayout()->addElement(1, 1, d->scale);
    // Viridis (perceptually even, readable in grey): the valleys dark, the plateaus yellow.
    QCPColorGradient gradient;
    gradient.setColorStops({{0.0, QColor(0x44, 0x01, 0x54)},
                            {0.25, QColor(0x3b, 0x52, 0x8b)},
                            {0.5, QColor(0x21, 0x91, 0x8c)},
                            {0.75, QColor(0x5e, 0xc9, 0x62)},
                            {1.0, QColor(0xfd, 0xe7, 0x25)}});
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    // The map takes its colour scale's gradient.
    d->map->setColorScale(d->scale);
    d->scale->setGradient(gradient);
    auto *group = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    d->scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);

    const auto contours = [plot](QColor colour) {
        auto *c = new QCPCurve(plot->xAxis, plot->yAxis);
        c->setPen(QPen(colour, 1));
        c->setScatterStyle(QCPScatterStyle::ssNone);
        return c;
    };
    d->lightContours = contours(QColor(255, 255, 255, 150));
    d->darkContours = contours(QColor(0, 0, 0, 120));

    d->curve = plot->addGraph();
    d->curve->setPen(QPen(QColor(60, 60, 60), 2));
    const auto marks = [plot](QCPScatterStyle style) {
        QCPGraph *g = plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(style);
        return g;
    };
    d->globalMarks = marks(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 1.5), Qt::black, 10));
    d->localMarks = marks(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 2), Qt::NoBrush, 10));
    d->pickedMark =
        marks(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(klscope::palette::q(), 2.5), Qt::NoBrush, 14));
    // The path last, so it lies on top of the map, the contours and the marks.
    d->pathHalo = new QCPCurve(plot->xAxis, plot->yAxis);
    d->pathHalo->setPen(QPen(QColor(255, 255, 255, 200), 4));
    d->pathLine = new QCPCurve(plot->xAxis, plot->yAxis);
    d->pathEnd = marks(QCPScatterStyle());

    // A press and release in one place is a click: it picks Q there.
    connect(plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        d->pressed = event->button() == Qt::LeftButton && d->plot->axisRect()->rect().contains(event->pos());
        d->pressedAt = event->pos();
    });
    connect(plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *event) {
        if (!d->pressed)
            return;
        d->pressed = false;
        if ((event->pos() - d->pressedAt).manhattanLength() > 3 || d->data.xCount < 2)
            return;
        const QPointF v = valueAt(event->pos());
        emit clicked(v.x(), v.y());
    });
    d->update();
}

LandscapePlot::~LandscapePlot() = default;

void LandscapePlot::setData(LandscapeData data)
{
    d->data = std::move(data);
    d->update();
    d->refreshReadout();
}

const LandscapeData &LandscapePlot::data() const
{
    return d->data;
}

void LandscapePlot::setMinima(QList<QPointF> minima)
{
    d->minima = std::move(minima);
    d->update();
}

void LandscapePlot::setPicked(std::optional<QPointF> picked)
{
    d->picked = picked;
    d->update();
}

void LandscapePlot::setPath(QList<QPointF> path, const QColor &colour)
{
    d->path = std::move(path);
    d->pathColour = colour;
    d->update();
}

const QList<QPointF> &LandscapePlot::path() const
{
    return d->path;
}

int LandscapePlot::contourSegmentCount() const
{
    return d->contourSegments;
}

bool LandscapePlot::isMap() const
{
    return d->isMap();
}

QPoint LandscapePlot::pixelOf(double x, double y) const
{
    return QPoint(int(std::lround(d->plot->xAxis->coordToPixel(x))),
                  int(std::lround(d->plot->yAxis->coordToPixel(y))));
}

QPointF LandscapePlot::valueAt(QPoint canvasPosition) const
{
    return QPointF(d->plot->xAxis->pixelToCoord(canvasPosition.x()),
                   d->plot->yAxis->pixelToCoord(canvasPosition.y()));
}

QString LandscapePlot::readoutAt(QPoint canvasPosition) const
{
    if (!d->plot->axisRect()->rect().contains(canvasPosition) || d->data.xCount < 2)
        return {};
    const QPointF v = valueAt(canvasPosition);
    const double kl = d->valueNear(v.x(), v.y());
    QString text = QStringLiteral("%1 = %2").arg(d->data.xTitle, klscope::formatValue(v.x()));
    if (d->isMap())
        text += QStringLiteral(", %1 = %2").arg(d->data.yTitle, klscope::formatValue(v.y()));
    return text + QStringLiteral("\n%1 = %2").arg(d->data.title, klscope::formatValue(kl));
}
