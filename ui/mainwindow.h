#pragma once

// The main window: wires the document to the editors, plots, metrics panel and event table, and
// holds the menus, the lesson line and the status bar. No domain logic lives here.

#include "documentstate.h"
#include "presets.h"

#include <eventrange.h>

#include <QFont>
#include <QList>
#include <QMainWindow>

#include <optional>

class ComparisonOptions;
class ContributionPlot;
class CumulativePlot;
class DistributionEditor;
class DistributionPlot;
class Document;
class ExportActions;
class EventTableView;
class MetricsPanel;
class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QPushButton;
class QSplitter;
class QTabWidget;
class SessionController;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return m_document; }
    DistributionEditor *editor(int side) const { return side == 0 ? m_editorP : m_editorQ; }
    DistributionPlot *distributionPlot() const { return m_distributionPlot; }
    ContributionPlot *contributionPlot() const { return m_contributionPlot; }
    CumulativePlot *cumulativePlot() const { return m_cumulativePlot; }
    MetricsPanel *metricsPanel() const { return m_metrics; }
    EventTableView *eventTable() const { return m_eventTable; }
    /// File → Export… and Edit → Copy Figure.
    ExportActions *exportActions() const { return m_export; }
    /// Sessions, the autosave and loading distributions (File menu, drops, Edit → Paste into P/Q).
    SessionController *sessions() const { return m_session; }
    QPushButton *swapButton() const { return m_swap; }
    QLabel *lessonLabel() const { return m_lesson; }
    QLabel *smoothingBanner() const { return m_smoothingBanner; }
    const QList<Preset> &presets() const { return m_presets; }

    /// The text of Help → About: klscope's version and those of Qt, QCustomPlot and Boost.
    static QString aboutText();

    /// View → Text size: every text of the panel and the plots at `factor` (1, 1.5 or 2) of the normal size.
    void setTextScale(double factor);
    double textScale() const { return m_textScale; }

    /// Loads a preset by name as one undoable edit; false (with a status message) if unknown or refused.
    bool loadPreset(const QString &name);
    /// Opens a preset as the starting state (not undoable, not modified), e.g. for --preset.
    bool openPreset(const QString &name);
    /// The starting state: `preset` if given, else the last preset of the previous session, else the
    /// seed example; then the unit remembered in QSettings (unless a preset was given).
    bool startUp(const QString &preset = {});

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createPresetMenu(QMenu *presets);
    void updateTitle();
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
    void updateStatus();
    /// While the per-event table's tab is open, widens the left column (up to 60 % of the window) so
    /// every column of the table shows without scrolling sideways; the metrics tab gives the width back.
    void fitEventTable();
    void updateUnitActions();
    void readSettings();
    /// Shrinks the window to the available geometry of its screen (and centres it) when it does not fit.
    void fitToScreen();
    /// Gives every widget under `root` its font at m_textScale of its built size.
    void applyTextScale(QWidget *root);
    void writeSettings() const;

    Document *m_document;
    QList<Preset> m_presets;
    QString m_lastPresetTitle;
    QString m_lastPresetLesson;
    QString m_lastPresetName;
    DistributionEditor *m_editorP = nullptr;
    DistributionEditor *m_editorQ = nullptr;
    QPushButton *m_swap = nullptr;
    ComparisonOptions *m_options = nullptr;
    DistributionPlot *m_distributionPlot = nullptr;
    ContributionPlot *m_contributionPlot = nullptr;
    CumulativePlot *m_cumulativePlot = nullptr;
    MetricsPanel *m_metrics = nullptr;
    EventTableView *m_eventTable = nullptr;
    ExportActions *m_export = nullptr;
    SessionController *m_session = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_lesson = nullptr;
    QLabel *m_smoothingBanner = nullptr;
    QLabel *m_statusEvents = nullptr;
    QActionGroup *m_unitGroup = nullptr;
    QList<QAction *> m_unitActions;
    QList<QAction *> m_termActions;
    QAction *m_smoothingAction = nullptr;
    QList<QAction *> m_textSizeActions;
    QSplitter *m_splitter = nullptr;
    int m_leftWidthBeforeTable = 0;
    double m_textScale = 1.0;
};
