#pragma once

// The comparison page: P and Q with their editors, the options, the metrics panel and the per-event
// table on the left, the plots on the right, and the lesson line of the loaded preset. It owns the
// comparison document; every control edits it through its edit functions and every view follows its
// signals (widget → command → document → views).

#include "documentstate.h"
#include "page.h"
#include "presets.h"

#include <eventrange.h>

#include <QList>

#include <optional>

class ComparisonOptions;
class ContributionPlot;
class CumulativePlot;
class DistributionEditor;
class DistributionPlot;
class Document;
class EventTableView;
class MetricsPanel;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;

class ComparisonPage : public Page
{
    Q_OBJECT

public:
    /// `presets` names the lessons the lesson line shows (the window's Presets menu loads them).
    explicit ComparisonPage(const QList<Preset> &presets, QWidget *parent = nullptr);
    ~ComparisonPage() override;

    QString title() const override;
    DocumentBase *documentBase() const override;
    QList<const PlotWidget *> figurePlots() const override;
    QList<int> figureStretch() const override;
    QString statusText() const override;
    void setTextScale(double factor) override;
    void resetZoom() override;

    Document *document() const { return m_document; }
    DistributionEditor *editor(int side) const { return side == 0 ? m_editorP : m_editorQ; }
    DistributionPlot *distributionPlot() const { return m_distributionPlot; }
    ContributionPlot *contributionPlot() const { return m_contributionPlot; }
    CumulativePlot *cumulativePlot() const { return m_cumulativePlot; }
    MetricsPanel *metricsPanel() const { return m_metrics; }
    EventTableView *eventTable() const { return m_eventTable; }
    ComparisonOptions *options() const { return m_options; }
    QPushButton *swapButton() const { return m_swap; }
    QLabel *lessonLabel() const { return m_lesson; }
    QLabel *smoothingBanner() const { return m_smoothingBanner; }
    /// The log mass axis of the distributions plot (View → Log Scale).
    void setLogScale(bool on);

private:
    void updateLesson();
    /// The two-step lesson about mass outside the support: step 1 extends the support with P and Q kept
    /// (a KL may become infinite), step 2 widens a uniform side so both are complete.
    void updateSupportOffer();
    /// What differs between the document and `preset` ("P changed", "ε-smoothing on", ...).
    QStringList differencesFrom(const Preset &preset) const;
    void extendSupport();
    void completeUniform();
    /// The union of both natural supports.
    std::optional<klscope::EventRange> naturalSupport() const;
    /// The support the lesson's buttons offer: the natural supports and the explicit one together.
    std::optional<klscope::EventRange> offeredSupport() const;
    /// A uniform side with no mass where the other side has some.
    std::optional<Side> incompleteUniform() const;
    /// The smoothing banner and the metrics after a change.
    void updateBanner();
    void updateMetrics();
    /// While the per-event table's tab is open, widens the left column (up to 60 % of the page) so every
    /// column of the table shows without scrolling sideways; the metrics tab gives the width back.
    void fitEventTable();

    Document *m_document;
    const QList<Preset> &m_presets;
    QString m_lastPresetTitle;
    QString m_lastPresetLesson;
    QString m_lastPresetName;
    DistributionEditor *m_editorP = nullptr;
    DistributionEditor *m_editorQ = nullptr;
    QPushButton *m_swap = nullptr;
    ComparisonOptions *m_options = nullptr;
    QStackedWidget *m_figures = nullptr; ///< the discrete plots, or the continuous view
    DistributionPlot *m_distributionPlot = nullptr;
    ContributionPlot *m_contributionPlot = nullptr;
    CumulativePlot *m_cumulativePlot = nullptr;
    MetricsPanel *m_metrics = nullptr;
    EventTableView *m_eventTable = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_lesson = nullptr;
    QLabel *m_smoothingBanner = nullptr;
    QSplitter *m_splitter = nullptr;
    int m_leftWidthBeforeTable = 0;
};
