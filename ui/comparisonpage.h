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
class QBoxLayout;
class ContinuousTableModel;
class ContinuousView;
class ContributionPlot;
class CumulativePlot;
class DistributionEditor;
class DiscretisationPanel;
class DistributionPlot;
class Document;
class EventTableView;
class MetricsPanel;
class MonteCarloPanel;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;

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
    /// The continuous pair's figure, per-point table and panels (shown while the pair is continuous).
    ContinuousView *continuousView() const { return m_continuousView; }
    QTableView *pointTable() const { return m_pointTable; }
    ContinuousTableModel *pointModel() const { return m_pointModel; }
    DiscretisationPanel *discretisationPanel() const { return m_discretisation; }
    MonteCarloPanel *monteCarloPanel() const { return m_monteCarlo; }
    QTabWidget *panelTabs() const { return m_tabs; }
    QPushButton *swapButton() const { return m_swap; }
    QLabel *lessonLabel() const { return m_lesson; }
    QLabel *smoothingBanner() const { return m_smoothingBanner; }
    /// The log mass axis of the distributions plot (View → Log Scale).
    void setLogScale(bool on);

protected:
    void showEvent(QShowEvent *event) override;

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
    /// The figure, options and tabs of the pair's domain: the discrete plots, options and per-event table,
    /// or the continuous view, the discretisation panel, the per-point table and (for a mixture) the
    /// Monte Carlo panel.
    void updateDomain();
    /// Lets the discretisation and Monte Carlo panels compute only while their tab is open.
    void activatePanels();
    /// Fills the table whose tab is open, if it shows an older comparison.
    void syncTables();
    /// The smoothing banner and the metrics after a change.
    void updateBanner();
    void updateMetrics();
    /// While the per-event table's tab is open, widens the left column (up to 60 % of the page) so every
    /// column of the table shows without scrolling sideways; the metrics tab gives the width back.
    void fitEventTable();
    /// Widens the left column (up to 60 % of the page) to what its editors need, so a mixture's rows and
    /// the other side's editor show side by side; where even that is too narrow, Q goes under P, so
    /// nothing needs scrolling sideways.
    void fitLeftColumn();

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
    ContinuousView *m_continuousView = nullptr;
    MetricsPanel *m_metrics = nullptr;
    EventTableView *m_eventTable = nullptr;
    QTableView *m_pointTable = nullptr;
    ContinuousTableModel *m_pointModel = nullptr;
    DiscretisationPanel *m_discretisation = nullptr;
    MonteCarloPanel *m_monteCarlo = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_lesson = nullptr;
    QLabel *m_smoothingBanner = nullptr;
    QSplitter *m_splitter = nullptr;
    QWidget *m_left = nullptr;             ///< the left column's content, inside its scroll area
    QBoxLayout *m_editorsLayout = nullptr; ///< P ⇄ Q side by side, or P over Q when too narrow
    int m_leftWidthBeforeTable = 0;
};
