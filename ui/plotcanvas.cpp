#include "plotcanvas.h"

#include "document.h"
#include "eventreadout.h"
#include "eventseries.h"
#include "plotfigure.h"
#include "versions.h"

#include <qcustomplot.h>

#include <QToolTip>
#include <QWheelEvent>

#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

QString klscope::versions::qcustomplot()
{
    return QStringLiteral(QCUSTOMPLOT_VERSION_STR);
}

void PlotCanvas::createCanvas(QWidget *widget, Document *doc, const QString &objectName)
{
    document = doc;
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    plot = new QCustomPlot(widget);
    plot->setObjectName(objectName);
    plot->setMouseTracking(true);
    layout->addWidget(plot);
}

void PlotCanvas::connectUpdates(QObject *context, bool followTerms, const std::function<void()> &replotted)
{
    QObject::connect(document, &Document::comparisonChanged, context, [this] {
        update();
        refreshReadout();
    });
    if (followTerms)
        QObject::connect(document, &Document::termVisibilityChanged, context, [this] {
            update();
            refreshReadout();
        });
    // The look may depend on the pixel width, known once the plot has laid itself out.
    QObject::connect(plot, &QCustomPlot::afterReplot, context, [this, replotted] {
        if (needsRefit()) {
            update();
            return;
        }
        pending = false;
        replotted();
    });
}

void PlotCanvas::showReadout(const QMouseEvent *event, const QString &text)
{
    hovering = !text.isEmpty();
    hoverPosition = event->pos();
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, plot);
}

void PlotCanvas::refreshReadout()
{
    if (!hovering || !readoutText)
        return;
    if (!QToolTip::isVisible()) {
        hovering = false;
        return;
    }
    const QString text = readoutText(hoverPosition);
    if (text.isEmpty()) {
        hovering = false;
        QToolTip::hideText();
    } else if (text != QToolTip::text()) {
        QToolTip::showText(plot->mapToGlobal(hoverPosition), text, plot);
    }
}

void PlotCanvas::queueReplot()
{
    pending = true;
    plot->replot(QCustomPlot::rpQueuedReplot);
}

std::ptrdiff_t PlotCanvas::eventAt(QPoint canvasPosition) const
{
    if (!plot->axisRect()->rect().contains(canvasPosition))
        return -1;
    return klscope::eventIndex(document->comparison(), plot->xAxis->pixelToCoord(canvasPosition.x()));
}

QString PlotCanvas::readoutAt(QPoint canvasPosition) const
{
    const std::ptrdiff_t index = eventAt(canvasPosition);
    if (index < 0)
        return {};
    QString text =
        klscope::eventReadout(document->comparison(), std::size_t(index), document->isTermVisible(Term::KlPQ),
                              document->isTermVisible(Term::KlQP), document->isTermVisible(Term::Js));
    // An imported event is named by its label too: "x = 2 ('cherry')".
    const auto labels = document->eventLabels();
    const std::int64_t x = document->comparison().support.first + index;
    if (x >= 0 && std::size_t(x) < labels.size() && !labels[std::size_t(x)].empty()) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'));
        text.insert(end < 0 ? text.size() : end,
                    QStringLiteral(" (‘%1’)").arg(QString::fromStdString(labels[std::size_t(x)])));
    }
    return text;
}

namespace {

// QCPAxis::calculateMargin is protected; a member pointer taken through a derived class reaches it
// without a cast.
struct MarginProbe : QCPAxis
{
    static auto pointer() { return &MarginProbe::calculateMargin; }
};

} // namespace

std::pair<double, double> PlotCanvas::wheel(const QWheelEvent *event)
{
    const klscope::Comparison &c = document->comparison();
    const double first = double(c.support.first), last = double(c.support.last);
    const QCPRange now = plot->xAxis->range();
    double a = now.lower, b = now.upper;
    const double steps = event->angleDelta().y() / 120.0;
    if (event->modifiers() & Qt::ShiftModifier) {
        const double shift = -steps * (b - a) * 0.1;
        a += shift;
        b += shift;
    } else {
        const double factor = std::pow(0.8, steps);
        const double at = plot->xAxis->pixelToCoord(event->position().x());
        a = at - (at - a) * factor;
        b = at + (b - at) * factor;
    }
    // At least a few events across, never beyond the support.
    const double span = std::clamp(b - a, 4.0, std::max(4.0, last - first + 1.0));
    if (b - a != span) {
        const double centre = (a + b) / 2;
        a = centre - span / 2;
        b = centre + span / 2;
    }
    if (a < first - 0.5) {
        b += first - 0.5 - a;
        a = first - 0.5;
    }
    if (b > last + 0.5) {
        a -= b - last - 0.5;
        b = last + 0.5;
    }
    userRange = std::pair{std::max(a + 0.5, first), std::min(b - 0.5, last)};
    update();
    return *userRange;
}

void PlotCanvas::applyXRange(const klscope::Comparison &c, double pad)
{
    // Imported words name the ticks of the event axis.
    klscope::plot::setEventLabels(plot->xAxis, document->eventLabels());
    const auto [a, b] =
        userRange ? *userRange : klscope::plot::massRange(c, std::max(1, plot->axisRect()->width()));
    plot->xAxis->setRange(a - pad, b + pad);
}

int PlotCanvas::naturalLeftMargin() const
{
    return (plot->yAxis->*MarginProbe::pointer())();
}

int PlotCanvas::alignLeftMargin(int margin)
{
    QMargins minimum = plot->axisRect()->minimumMargins();
    const int previous = minimum.left();
    if (previous == margin)
        return previous;
    minimum.setLeft(margin);
    plot->axisRect()->setMinimumMargins(minimum);
    queueReplot();
    return previous;
}

void PlotCanvas::setTextScale(double factor)
{
    QFont font = plot->parentWidget() ? plot->parentWidget()->font() : plot->font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        axis->setLabelFont(font);
        axis->setTickLabelFont(font);
    }
    plot->legend->setFont(font);
    update();
}

double PlotCanvas::textPointSize() const
{
    return plot->yAxis->tickLabelFont().pointSizeF();
}

int PlotCanvas::axisLeft() const
{
    return plot->axisRect()->left();
}

QPicture PlotCanvas::figure(QSize size)
{
    // Bars or lines, and the sampling of the curves, follow the width of the export as they follow
    // the width on screen.
    return recordFigure(plot, size, [this] {
        if (needsRefit())
            update();
    });
}
