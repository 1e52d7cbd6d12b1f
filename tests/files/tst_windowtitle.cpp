// The window's title follows the page shown: "name[*] — klscope", where the name is the session file (it
// holds both pages), else the preset of the page shown (the comparison's preset title, the Fit page's preset
// name), else "Untitled"; the modified mark [*] shows when either page's document is away from its saved
// state, whichever page is shown.

#include "document.h"
#include "fitdocument.h"
#include "fitpage.h"
#include "mainwindow.h"
#include "presets.h"
#include "sessioncontroller.h"

#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

class TestWindowTitle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("klscope-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_windowtitle"));
    }

    void nameFollowsThePageShown_data()
    {
        QTest::addColumn<QString>("fitPreset");
        QTest::addColumn<QString>("fitTitle");
        QTest::newRow("heavy-tail-fit") << "heavy-tail-fit"
                                        << "heavy-tail-fit[*]";
        QTest::newRow("minka-alpha") << "minka-alpha"
                                     << "minka-alpha[*]";
    }
    void nameFollowsThePageShown()
    {
        QFETCH(QString, fitPreset);
        QFETCH(QString, fitTitle);
        MainWindow w;
        QVERIFY(w.openPreset(QStringLiteral("seed")));
        QVERIFY(w.fitPage()->document()->resetState(fitPresets().front().state));
        const auto seed = findPreset(w.presets(), QStringLiteral("seed"));
        QVERIFY(seed);
        QCOMPARE(w.windowTitle(), seed->title + QStringLiteral("[*]"));
        QVERIFY(w.fitPage()->loadPreset(fitPreset));
        // Editing the Fit page while the comparison shows changes the title's mark, not its name.
        QCOMPARE(w.windowTitle(), seed->title + QStringLiteral("[*]"));
        QVERIFY(w.isWindowModified());
        QVERIFY(w.showPage(QStringLiteral("fit")));
        QCOMPARE(w.windowTitle(), fitTitle);
        QVERIFY(w.isWindowModified());
        // A P of one's own is no preset any more.
        QVERIFY(w.fitPage()->document()->setTarget(QStringLiteral("normal:mu=1,sigma=2")));
        QCOMPARE(w.windowTitle(), QStringLiteral("Untitled[*]"));
        w.fitPage()->document()->undoStack()->undo();
        QCOMPARE(w.windowTitle(), fitTitle);
        QVERIFY(w.showPage(QStringLiteral("compare")));
        QCOMPARE(w.windowTitle(), seed->title + QStringLiteral("[*]"));
    }

    void modifiedMarkCoversBothPages()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("both.klscope"));
        MainWindow w;
        QVERIFY(w.openPreset(QStringLiteral("seed")));
        QVERIFY(w.showPage(QStringLiteral("fit")));
        QVERIFY(!w.isWindowModified());
        // An edit on the page not shown marks the window too.
        QVERIFY(w.document()->setUnit(klscope::Unit::Bits));
        QVERIFY(w.isWindowModified());
        QString error;
        QVERIFY2(w.sessions()->saveSession(path, &error), qPrintable(error));
        // A session file names the window on either page.
        QCOMPARE(w.windowTitle(), QStringLiteral("both.klscope[*]"));
        QVERIFY(!w.isWindowModified());
        QVERIFY(w.fitPage()->document()->setAlpha(0.3));
        QVERIFY(w.isWindowModified());
        QVERIFY(w.showPage(QStringLiteral("compare")));
        QCOMPARE(w.windowTitle(), QStringLiteral("both.klscope[*]"));
        QVERIFY(w.isWindowModified());
        w.fitPage()->document()->undoStack()->undo();
        QVERIFY(!w.isWindowModified());
        QVERIFY(w.document()->setUnit(klscope::Unit::Nats));
        QVERIFY(w.isWindowModified());
        w.document()->undoStack()->undo();
        QVERIFY(!w.isWindowModified());
    }
};

QTEST_MAIN(TestWindowTitle)
#include "tst_windowtitle.moc"
