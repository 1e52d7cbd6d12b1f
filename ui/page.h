#pragma once

// One page of the window: its own document, controls and plots. MainWindow is a shell that hosts pages
// (the comparison page today; the fitting lab and the two-dimensional Gaussians next) and routes the
// menus, the status bar, sessions and export to the current one.

#include <QList>
#include <QString>
#include <QWidget>

class DocumentBase;
class PlotWidget;

class Page : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    /// The page's name on its tab ("Compare").
    virtual QString title() const = 0;
    /// The page's document: its undo stack and modified flag.
    virtual DocumentBase *documentBase() const = 0;
    /// The plots a figure export draws, in stacking order, and their height ratio (empty: equal).
    virtual QList<const PlotWidget *> figurePlots() const = 0;
    virtual QList<int> figureStretch() const { return {}; }
    /// The one-line status of the page ("15 events on 0..14 · nats").
    virtual QString statusText() const = 0;
    /// The page's plots at `factor` × their text size (the window scales the widgets' fonts itself).
    virtual void setTextScale(double factor) = 0;
    /// Back to the default view of every plot (View → Reset Zoom).
    virtual void resetZoom() = 0;

signals:
    /// A transient message for the status bar.
    void statusMessage(const QString &message, int timeout);
    /// statusText() changed.
    void statusChanged();
};
