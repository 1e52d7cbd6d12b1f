#pragma once

// The main window, a shell around pages (page.h): it hosts the comparison page (and later pages) in
// tabs, and holds the menus, the status bar, the session controller, the import controller and the
// export actions, which act on the current page. No domain logic lives here.

#include "documentstate.h"
#include "presets.h"

#include <eventrange.h>

#include <QFont>
#include <QList>
#include <QMainWindow>

#include <optional>

class ComparisonOptions;
class ComparisonPage;
class FitPage;
class ImagesPage;
class VaePage;
class Normal2Page;
class SamplesPage;
class ImportController;
class LessonController;
class Page;
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
class QUndoGroup;
class SessionController;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The comparison page's document.
    Document *document() const { return m_document; }
    ComparisonPage *comparisonPage() const { return m_compare; }
    FitPage *fitPage() const { return m_fit; }
    ImagesPage *imagesPage() const { return m_images; }
    VaePage *vaePage() const { return m_vae; }
    Normal2Page *normal2Page() const { return m_normal2; }
    SamplesPage *samplesPage() const { return m_samples; }
    /// The page showing.
    Page *currentPage() const;
    /// The name of the page showing, as --page spells it: "compare", "fit", "2d", "vae", "samples" or
    /// "images".
    QString currentPageName() const;
    /// Shows the page called `name` ("compare", "fit", "2d", "vae", "samples" or "images"); false when there
    /// is none by that name.
    bool showPage(const QString &name);
    DistributionEditor *editor(int side) const;
    DistributionPlot *distributionPlot() const;
    ContributionPlot *contributionPlot() const;
    CumulativePlot *cumulativePlot() const;
    MetricsPanel *metricsPanel() const;
    EventTableView *eventTable() const;
    /// File → Export… and Edit → Copy Figure.
    ExportActions *exportActions() const { return m_export; }
    /// Sessions and the autosave (File menu, dropped session files).
    SessionController *sessions() const { return m_session; }
    /// Loading distributions (File → Open Distribution, Edit → Paste into P/Q, dropped data files).
    ImportController *imports() const { return m_imports; }
    /// The guided lessons (Lessons menu, the lesson bar, --lesson).
    LessonController *lessons() const { return m_lessons; }
    QPushButton *swapButton() const;
    QLabel *lessonLabel() const;
    QLabel *smoothingBanner() const;
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
    /// The starting state: `preset` if given (a fit page preset opens on the fit page, which it shows), else
    /// the last preset of the previous session, else the seed example; then the unit remembered in QSettings
    /// (unless a preset was given).
    bool startUp(const QString &preset = {});

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createPresetMenu(QMenu *presets);
    void updateTitle();
    void updateStatus();
    void updateUnitActions();
    void readSettings();
    /// Shrinks the window to the available geometry of its screen (and centres it) when it does not fit.
    void fitToScreen();
    /// Gives every widget under `root` its font at m_textScale of its built size.
    void applyTextScale(QWidget *root);
    void writeSettings() const;

    Document *m_document = nullptr;
    QList<Preset> m_presets;
    QTabWidget *m_pages = nullptr;
    QUndoGroup *m_undoGroup = nullptr; ///< the pages' undo stacks; the current page's is active
    ComparisonPage *m_compare = nullptr;
    FitPage *m_fit = nullptr;
    ImagesPage *m_images = nullptr;
    VaePage *m_vae = nullptr;
    Normal2Page *m_normal2 = nullptr;
    SamplesPage *m_samples = nullptr;
    ExportActions *m_export = nullptr;
    SessionController *m_session = nullptr;
    ImportController *m_imports = nullptr;
    LessonController *m_lessons = nullptr;
    QLabel *m_statusEvents = nullptr;
    QActionGroup *m_unitGroup = nullptr;
    QList<QAction *> m_unitActions;
    QList<QAction *> m_termActions;
    QAction *m_smoothingAction = nullptr;
    QList<QAction *> m_textSizeActions;
    double m_textScale = 1.0;
};
