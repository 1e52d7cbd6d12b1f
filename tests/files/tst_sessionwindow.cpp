// Sessions through the real window: save and open round trips give identical metrics and view state,
// refused files leave the document exactly as it was, unwritable paths keep the unsaved changes, the
// title and modified flag follow the undo stack, the recent-files list, the autosave, dropping a
// session on the window, and `klscope FILE.klscope`.

#include "comparisonpage.h"
#include "document.h"
#include "fitdocument.h"
#include "fitpage.h"
#include "imagesdocument.h"
#include "imagespage.h"
#include "importcontroller.h"
#include "mainwindow.h"
#include "normal2document.h"
#include "normal2page.h"
#include "samplesdocument.h"
#include "samplespage.h"
#include "session.h"
#include "sessioncontroller.h"
#include "sessionpagestates.h"
#include "vaedocument.h"
#include "vaepage.h"

#include <comparison.h>
#include <continuouscomparison.h>
#include <continuousspec.h>
#include <custom.h>
#include <spec.h>

#include <QAction>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cmath>
#include <cstring>

#include <sys/stat.h>

namespace {

// The same double, bit for bit (NaN never appears; +inf must match +inf).
bool identical(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

bool identical(std::span<const double> a, std::span<const double> b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!identical(a[i], b[i]))
            return false;
    return true;
}

// Every number of two comparisons, bit for bit, and every list and sentence.
QString comparisonDifference(const klscope::Comparison &a, const klscope::Comparison &b)
{
    const auto &ta = a.totals;
    const auto &tb = b.totals;
    const double klscope::DivergenceTotals::*totals[] = {&klscope::DivergenceTotals::klPQ,
                                                         &klscope::DivergenceTotals::klQP,
                                                         &klscope::DivergenceTotals::js,
                                                         &klscope::DivergenceTotals::jsDistance,
                                                         &klscope::DivergenceTotals::entropyP,
                                                         &klscope::DivergenceTotals::entropyQ,
                                                         &klscope::DivergenceTotals::crossEntropyPQ,
                                                         &klscope::DivergenceTotals::crossEntropyQP,
                                                         &klscope::DivergenceTotals::totalVariation,
                                                         &klscope::DivergenceTotals::hellinger,
                                                         &klscope::DivergenceTotals::massP,
                                                         &klscope::DivergenceTotals::massQ};
    for (std::size_t i = 0; i < std::size(totals); ++i)
        if (!identical(ta.*totals[i], tb.*totals[i]))
            return QStringLiteral("total %1: %2 vs %3")
                .arg(i)
                .arg(ta.*totals[i], 0, 'g', 17)
                .arg(tb.*totals[i], 0, 'g', 17);
    if (!(a.support == b.support) || a.unit != b.unit)
        return QStringLiteral("support or unit");
    const klscope::Values klscope::Comparison::*vectors[] = {
        &klscope::Comparison::p,    &klscope::Comparison::q,    &klscope::Comparison::logP,
        &klscope::Comparison::logQ, &klscope::Comparison::klPQ, &klscope::Comparison::klQP,
        &klscope::Comparison::js};
    for (std::size_t i = 0; i < std::size(vectors); ++i)
        if (!identical(a.*vectors[i], b.*vectors[i]))
            return QStringLiteral("per-event vector %1").arg(i);
    if (!identical(a.givenMassP, b.givenMassP) || !identical(a.givenMassQ, b.givenMassQ) ||
        !identical(a.outsideP, b.outsideP) || !identical(a.outsideQ, b.outsideQ))
        return QStringLiteral("given or outside mass");
    if (a.klPQMethod != b.klPQMethod || a.klQPMethod != b.klQPMethod || a.infinitePQ != b.infinitePQ ||
        a.infiniteQP != b.infiniteQP || a.warnings != b.warnings)
        return QStringLiteral("methods, infinite events or warnings");
    return {};
}

bool sameState(const DocumentState &a, const DocumentState &b)
{
    return a == b;
}

// What "the document is exactly as it was" means.
struct Snapshot
{
    explicit Snapshot(const MainWindow &w)
        : state(w.document()->state()), index(w.document()->undoStack()->index()),
          count(w.document()->undoStack()->count()), modified(w.document()->isModified()),
          file(w.sessions()->currentFile()),
          title(w.windowTitle()), view{w.document()->isTermVisible(Term::KlPQ),
                                       w.document()->isTermVisible(Term::KlQP),
                                       w.document()->isTermVisible(Term::Js), w.document()->keepsTotal()}
    {}
    bool operator==(const Snapshot &o) const
    {
        return sameState(state, o.state) && index == o.index && count == o.count && modified == o.modified &&
               file == o.file && title == o.title && view == o.view;
    }
    DocumentState state;
    int index;
    int count;
    bool modified;
    QString file;
    QString title;
    SessionView view;
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A state that touches every field a session keeps.
void editEverything(MainWindow &w)
{
    Document *d = w.document();
    QVERIFY(d->setDistribution(Side::P, klscope::Custom({0.1, 0.2, 0.3, 0.4}, {"a", "b", "c", "d"})));
    QVERIFY(d->setLocked(Side::P, 2, true));
    QVERIFY(d->setDistribution(Side::Q, klscope::parseSpec("poisson:lambda=1.7")));
    QVERIFY(d->setSupport(klscope::EventRange{0, 6}));
    QVERIFY(d->setUnit(klscope::Unit::Bits));
    QVERIFY(d->setSmoothing(1e-9));
    d->setTermVisible(Term::KlQP, false);
    d->setKeepTotal(false);
}

// The pages besides the comparison page, as the window holds them.
struct PageStates
{
    explicit PageStates(const MainWindow &w)
        : fit(w.fitPage()->document()->state()), normal2(w.normal2Page()->document()->state()),
          vae(w.vaePage()->document()->state()), samples(w.samplesPage()->document()->state()),
          images(w.imagesPage()->document()->state()), undo{w.fitPage()->document()->undoStack()->index(),
                                                            w.normal2Page()->document()->undoStack()->index(),
                                                            w.vaePage()->document()->undoStack()->index(),
                                                            w.samplesPage()->document()->undoStack()->index(),
                                                            w.imagesPage()->document()->undoStack()->index()}
    {}
    bool operator==(const PageStates &) const = default;
    FitState fit;
    Normal2State normal2;
    VaeState vae;
    SamplesState samples;
    ImagesState images;
    std::array<int, 5> undo;
};

// Every document of the newer pages, each with a reason to be edited in a test.
QList<DocumentBase *> pageDocuments(const MainWindow &w)
{
    return {w.fitPage()->document(), w.normal2Page()->document(), w.vaePage()->document(),
            w.samplesPage()->document(), w.imagesPage()->document()};
}

// A VAE batch file: `rows` examples of three latent dimensions.
QString writeVaeBatch(const QTemporaryDir &dir, const QString &name, int rows)
{
    QByteArray text("mu_1,mu_2,mu_3,logvar_1,logvar_2,logvar_3\n");
    for (int r = 0; r < rows; ++r)
        text += QByteArray::number(0.1 * r) + ",0.01," + QByteArray::number(-0.5 - 0.01 * r) + "," +
                QByteArray::number(-1.0 + 0.02 * r) + ",0.0," + QByteArray::number(0.3) + "\n";
    const QString path = dir.filePath(name);
    return writeFile(path, text) ? path : QString();
}

// A small PNG whose pixels are all different, so a shuffle moves them.
QString writePng(const QTemporaryDir &dir, const QString &name, int shift)
{
    QImage image(8, 6, QImage::Format_ARGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgb((x * 30 + shift) % 256, (y * 40 + shift) % 256, (x * y * 5) % 256));
    const QString path = dir.filePath(name);
    return image.save(path, "PNG") ? path : QString();
}

// Edits every newer page away from its default; the VAE page loads `vaeCsv` and the Images page the two
// PNGs, B shuffled from A.
void editEveryPage(MainWindow &w, const QString &vaeCsv, const QString &pngA, const QString &pngB)
{
    QVERIFY(w.fitPage()->document()->setAlpha(0.3));
    QVERIFY(
        w.normal2Page()->document()->setSide(Normal2Document::P, Normal2Params{0.5, -0.25, 2.0, 0.5, 0.75}));
    QVERIFY(w.normal2Page()->document()->setMeanField(true));
    QSignalSpy loaded(w.vaePage(), &VaePage::loadFinished);
    w.vaePage()->loadFile(vaeCsv);
    QVERIFY(loaded.wait(10000));
    QVERIFY2(loaded.at(0).at(0).toBool(), qPrintable(loaded.at(0).at(1).toString()));
    QVERIFY(w.vaePage()->document()->setThreshold(0.125));
    w.vaePage()->setOrder(VaePage::Order::ByKl);
    QVERIFY(w.samplesPage()->document()->setP(QStringLiteral("normal:mu=0.5,sigma=1.5")));
    QVERIFY(w.samplesPage()->document()->setQ(QStringLiteral("laplace:mu=0,b=1")));
    QVERIFY(w.samplesPage()->document()->setN(300));
    QVERIFY(w.samplesPage()->document()->setSeed(5));
    QVERIFY(w.samplesPage()->document()->setBootstrap(20));
    QVERIFY(w.imagesPage()->loadImageFile(0, pngA));
    QVERIFY(w.imagesPage()->loadImageFile(1, pngB));
    QVERIFY(w.imagesPage()->document()->shuffle(7));
    QVERIFY(w.imagesPage()->document()->setBins(16));
    QVERIFY(w.imagesPage()->document()->setChannel(klscope::import::ImageChannel::Red));
}

} // namespace

class TestSessionWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("klscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_sessionwindow"));
    }

    void init()
    {
        QSettings().clear();
        SessionController::discardOrphanedAutosaves();
    }

    void saveAndOpenGiveIdenticalMetricsAndView()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lecture.klscope"));
        MainWindow a;
        editEverything(a);
        QVERIFY(a.document()->isModified());
        QString error;
        QVERIFY2(a.sessions()->saveSession(path, &error), qPrintable(error));
        QVERIFY(!a.document()->isModified());

        MainWindow b;
        QVERIFY2(b.sessions()->openSession(path, &error), qPrintable(error));
        const QString difference =
            comparisonDifference(a.document()->comparison(), b.document()->comparison());
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        QVERIFY(sameState(a.document()->state(), b.document()->state()));
        QVERIFY(b.document()->isLocked(Side::P, 2));
        // The term toggles are view settings since session format 2: toggling one never marked the
        // session modified, so the file does not carry them and b keeps its own.
        QVERIFY(b.document()->isTermVisible(Term::KlQP));
        QVERIFY(b.document()->isTermVisible(Term::KlPQ));
        QVERIFY(b.document()->keepsTotal());
        QVERIFY(!readAll(path).contains("\"view\""));
        QVERIFY(!b.document()->isModified());
        QCOMPARE(b.document()->undoStack()->count(), 0);
        QCOMPARE(b.sessions()->currentFile(), QFileInfo(path).absoluteFilePath());
        QVERIFY(b.windowTitle().startsWith(QStringLiteral("lecture.klscope[*]")));
    }

    // A continuous pair (a mixture edited after its preset) saved and opened: the same state, the same
    // numbers, and the other window shows the continuous page.
    void continuousSessionsRoundTripInTheWindow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mixture.klscope"));
        MainWindow a;
        QVERIFY(a.openPreset(QStringLiteral("gmm-vs-normal")));
        QVERIFY(a.document()->setContinuous(Side::Q,
                                            klscope::parseContinuousSpec("student_t:nu=4,mu=0.5,sigma=2")));
        QVERIFY(a.document()->setUnit(klscope::Unit::Bits));
        QString error;
        QVERIFY2(a.sessions()->saveSession(path, &error), qPrintable(error));
        QVERIFY(readAll(path).contains("\"domain\": \"continuous\""));

        MainWindow b;
        QVERIFY2(b.sessions()->openSession(path, &error), qPrintable(error));
        QVERIFY(b.document()->isContinuous());
        QVERIFY(b.document()->state() == a.document()->state());
        const klscope::ContinuousComparison &ca = a.document()->continuousComparison();
        const klscope::ContinuousComparison &cb = b.document()->continuousComparison();
        QCOMPARE(cb.klPQ.value, ca.klPQ.value);
        QCOMPARE(cb.klQP.value, ca.klQP.value);
        QCOMPARE(cb.unit, klscope::Unit::Bits);
        QCOMPARE(b.comparisonPage()->figurePlots().size(), 3);
        QVERIFY(!b.document()->isModified());
        QCOMPARE(b.document()->undoStack()->count(), 0);
    }

    void refusedSessionsLeaveTheDocumentAsItWas_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        DocumentState good;
        good.discrete()->p = klscope::parseSpec("binomial:n=10,p=0.3");
        const QByteArray json = sessionToJson(good);
        QByteArray newer = json;
        newer.replace("\"version\": 2", "\"version\": 3");
        QTest::newRow("newer version") << newer << QStringLiteral("newer klscope");
        QByteArray syntax = json;
        syntax.replace("\"unit\":", "\"unit\"");
        QTest::newRow("syntax error") << syntax << QStringLiteral("line ");
        QByteArray badParameter = json;
        badParameter.replace("\"p\": 0.3", "\"p\": 3");
        QTest::newRow("bad parameter") << badParameter << QStringLiteral("p must be between 0 and 1");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff", 4)
                                << QStringLiteral("not a valid session file");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not a valid session file");
        // Valid JSON whose comparison the core refuses: renormalising a side with no mass on the support.
        DocumentState noMass = good;
        noMass.discrete()->support = klscope::EventRange{100, 110};
        noMass.discrete()->renormalize = true;
        QTest::newRow("comparison refused") << sessionToJson(noMass) << QStringLiteral("renormal");
        // Issue 8: a unit that is not one of the three used to be read as nats.
        QByteArray numericUnit = json;
        numericUnit.replace("\"unit\": \"nats\"", "\"unit\": 3");
        QTest::newRow("unit a number")
            << numericUnit << QStringLiteral("unit must be nats, bits or bans, not 3");
        // A 200-byte file asking for 4.9e7 events used to take 2.7 GB; it is refused before allocating.
        DocumentState huge = good;
        huge.discrete()->support = klscope::EventRange{0, 49'000'000};
        QTest::newRow("support over the limit")
            << sessionToJson(huge)
            << QStringLiteral("support 0..49000000 has 49000001 events, more than the limit of %1")
                   .arg(klscope::kMaxEvents);
    }
    void refusedSessionsLeaveTheDocumentAsItWas()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.klscope"));
        QVERIFY(writeFile(path, content));
        MainWindow w;
        // Unsaved work, with a view toggle off, that the refusal must not touch.
        QVERIFY(w.document()->setUnit(klscope::Unit::Bans));
        w.document()->setTermVisible(Term::Js, false);
        const Snapshot before(w);
        QString error;
        QVERIFY(!w.sessions()->openSession(path, &error));
        QVERIFY2(error.contains(expected, Qt::CaseInsensitive), qPrintable(error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY(Snapshot(w) == before);
        QVERIFY(w.document()->isModified());
        QVERIFY(!w.sessions()->recentFiles().contains(QFileInfo(path).absoluteFilePath()));
    }

    // Issue 8: a FIFO with no writer froze the window (File > Open, Open Recent, dropping a session,
    // File > Open Distribution). Each reader refuses it, and folders and link loops, before opening.
    void nonRegularFilesAreRefusedBeforeOpening_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fifo") << "fifo"
                              << "is a named pipe (FIFO), not a regular file";
        QTest::newRow("folder") << "folder"
                                << "is a folder, not a file";
        QTest::newRow("link loop") << "loop"
                                   << "is a symbolic link loop";
    }
    void nonRegularFilesAreRefusedBeforeOpening()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("odd.klscope"));
        if (kind == QLatin1String("fifo")) {
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else if (kind == QLatin1String("folder")) {
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("odd.klscope")));
        } else {
            QVERIFY(QFile::link(dir.filePath(QStringLiteral("other")), path));
            QVERIFY(QFile::link(path, dir.filePath(QStringLiteral("other"))));
        }
        MainWindow w;
        QVERIFY(w.document()->setUnit(klscope::Unit::Bans));
        const Snapshot before(w);
        QString error;
        QVERIFY(!w.sessions()->openSession(path, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY(Snapshot(w) == before);
        error.clear();
        QVERIFY(!w.imports()->importDistribution(Side::P, path, ImportChoice{}, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(Snapshot(w) == before);
        QVERIFY(w.document()->isModified());
    }

    // Issue 8: a session holding a pair that made Boost.Math throw aborted the window as it opened. It
    // now opens (once the core computes it) or is refused with a message; either way the window lives.
    void extremeParameterPairNeverAborts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("extreme.klscope"));
        DocumentState s;
        s.discrete()->p = klscope::parseSpec("poisson:lambda=1");
        s.discrete()->q = klscope::parseSpec("poisson:lambda=1e-17");
        s.discrete()->support.reset();
        QCOMPARE(writeSessionFile(sessionToJson(s), path), QString());
        MainWindow w;
        const Snapshot before(w);
        QString error;
        if (w.sessions()->openSession(path, &error)) {
            const double kl = w.document()->comparison().totals.klPQ;
            QVERIFY2(!std::isnan(kl) && kl > 0, qPrintable(QString::number(kl)));
            QVERIFY(w.document()->distribution(Side::Q) == s.discrete()->q);
        } else {
            QVERIFY2(error.startsWith(
                         QStringLiteral("Cannot read file %1:\n").arg(QDir::toNativeSeparators(path))),
                     qPrintable(error));
            QVERIFY(Snapshot(w) == before);
        }
    }

    // A Poisson of mean 1e7 compared on a given support 0..10 computes, but its natural support lies
    // beyond the 10^7-event limit: the editor's summary asked the core for it from a slot, and the
    // refusal aborted the window as the session opened.
    void familyBeyondTheEventLimitOnAGivenSupportOpens()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("wide.klscope"));
        DocumentState s;
        s.discrete()->p =
            klscope::parseSpec("negative_binomial:r=5,p=1e-6"); // its full support exceeds kMaxEvents
        s.discrete()->q = klscope::parseSpec("negative_binomial:r=5,p=2e-6");
        s.discrete()->support = klscope::EventRange{0, 10};
        QCOMPARE(writeSessionFile(sessionToJson(s), path), QString());
        MainWindow w;
        QString error;
        QVERIFY2(w.sessions()->openSession(path, &error), qPrintable(error));
        QVERIFY(w.document()->distribution(Side::P) == s.discrete()->p);
        QCOMPARE(w.document()->comparison().support, (klscope::EventRange{0, 10}));
    }

    void unwritablePathKeepsTheUnsavedChanges()
    {
        QTemporaryDir dir;
        // A regular file where a folder should be: no one, not even root, can create the session there.
        const QString blocker = dir.filePath(QStringLiteral("blocker"));
        QVERIFY(writeFile(blocker, "x"));
        const QString path = blocker + QStringLiteral("/x.klscope");
        MainWindow w;
        QVERIFY(w.document()->setUnit(klscope::Unit::Bits));
        const Snapshot before(w);
        QString error;
        QVERIFY(!w.sessions()->saveSession(path, &error));
        QVERIFY2(
            error.startsWith(QStringLiteral("Cannot write file %1:\n").arg(QDir::toNativeSeparators(path))),
            qPrintable(error));
        QVERIFY(w.document()->isModified());
        QVERIFY(w.isWindowModified());
        QVERIFY(Snapshot(w) == before);
        QVERIFY(!QFile::exists(path));
        QVERIFY(w.sessions()->recentFiles().isEmpty());
        // A failed save over an existing session leaves that file as it was (QSaveFile).
        const QString existing = dir.filePath(QStringLiteral("old.klscope"));
        QVERIFY(w.sessions()->saveSession(existing, &error));
        const QByteArray old = readAll(existing);
        QVERIFY(w.document()->setUnit(klscope::Unit::Nats));
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        const bool failed = !w.sessions()->saveSession(existing, &error);
        QFile::setPermissions(dir.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        if (failed) // root ignores permissions; then there is nothing to check here
            QCOMPARE(readAll(existing), old);
    }

    void titleAndModifiedFlagFollowTheUndoStack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("title.klscope"));
        MainWindow w;
        QVERIFY(w.openPreset(QStringLiteral("seed")));
        QVERIFY(!w.isWindowModified());
        QVERIFY(w.windowTitle().contains(QStringLiteral("[*]")));
        QVERIFY(w.document()->setParameter(Side::P, 1, 0.25));
        QVERIFY(w.isWindowModified());
        QString error;
        QVERIFY(w.sessions()->saveSession(path, &error));
        QVERIFY(!w.isWindowModified());
        QCOMPARE(w.windowTitle(), QStringLiteral("title.klscope[*]"));
        w.document()->undoStack()->undo();
        QVERIFY(w.isWindowModified()); // away from the saved state
        w.document()->undoStack()->redo();
        QVERIFY(!w.isWindowModified());
        w.sessions()->newSession();
        QVERIFY(w.sessions()->currentFile().isEmpty());
        QVERIFY(!w.windowTitle().contains(QStringLiteral("title.klscope")));
        QVERIFY(!w.isWindowModified());
        QCOMPARE(w.document()->undoStack()->count(), 0);
    }

    // Issue 11: the fit page's state and the page showing survive a saved session; a session without
    // "pages.fit" opens the fit page at its default.
    void fitStateRoundTripsThroughASavedSession()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fit.klscope"));
        MainWindow a;
        QVERIFY(a.fitPage()->loadPreset(QStringLiteral("discrete-bimodal-fit")));
        QVERIFY(a.fitPage()->document()->setAlpha(0.3));
        QVERIFY(a.fitPage()->document()->setQ({20.0, 0.35}));
        QVERIFY(a.showPage(QStringLiteral("fit")));
        const FitState saved = a.fitPage()->document()->state();
        QVERIFY(!(saved == FitState{}));
        QString error;
        QVERIFY2(a.sessions()->saveSession(path, &error), qPrintable(error));
        QVERIFY(!a.fitPage()->document()->isModified());
        QVERIFY(!a.isWindowModified());
        QVERIFY(readAll(path).contains("\"fit\": {"));

        MainWindow b;
        QCOMPARE(b.currentPageName(), QStringLiteral("compare"));
        QVERIFY2(b.sessions()->openSession(path, &error), qPrintable(error));
        QVERIFY(b.fitPage()->document()->state() == saved);
        QCOMPARE(b.currentPageName(), QStringLiteral("fit"));
        QVERIFY(!b.fitPage()->document()->isModified());
        QCOMPARE(b.fitPage()->document()->undoStack()->count(), 0);
        QVERIFY(!b.isWindowModified());

        // A version-2 file without pages.fit (written before the fit page) resets the fit page.
        const QString old = dir.filePath(QStringLiteral("old.klscope"));
        QCOMPARE(writeSessionFile(sessionToJson(DocumentState{}), old), QString());
        QVERIFY(!readAll(old).contains("\"fit\""));
        QVERIFY2(b.sessions()->openSession(old, &error), qPrintable(error));
        QVERIFY(b.fitPage()->document()->state() == FitState{});
        QCOMPARE(b.currentPageName(), QStringLiteral("compare"));
        QVERIFY(!b.isWindowModified());
    }

    void badFitPageLeavesBothPagesAsTheyWere_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        SessionPages fitOnly;
        fitOnly.fit = FitState{};
        fitOnly.fit->alpha = 0.25;
        const QByteArray good = sessionToJson(DocumentState{}, QString(), fitOnly, QStringLiteral("fit"));
        QTest::newRow("alpha out of range")
            << QByteArray(good).replace("\"alpha\": 0.25", "\"alpha\": 2") << QStringLiteral("pages.fit.");
        QTest::newRow("unknown family")
            << QByteArray(good).replace("\"family\": \"normal\"", "\"family\": \"quantum\"")
            << QStringLiteral("pages.fit.family");
        QTest::newRow("fit not an object") << QByteArray(good).replace("\"fit\": {", "\"fit\": 3, \"old\": {")
                                           << QStringLiteral("pages.fit is not an object");
    }
    void badFitPageLeavesBothPagesAsTheyWere()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("badfit.klscope"));
        QVERIFY(writeFile(path, content));
        MainWindow w;
        // Unsaved work on both pages that the refusal must not touch.
        QVERIFY(w.document()->setUnit(klscope::Unit::Bans));
        QVERIFY(w.fitPage()->document()->setAlpha(0.8));
        const Snapshot before(w);
        const FitState fitBefore = w.fitPage()->document()->state();
        const int fitIndex = w.fitPage()->document()->undoStack()->index();
        const QString pageBefore = w.currentPageName();
        QString error;
        QVERIFY(!w.sessions()->openSession(path, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY(Snapshot(w) == before);
        QVERIFY(w.fitPage()->document()->state() == fitBefore);
        QCOMPARE(w.fitPage()->document()->undoStack()->index(), fitIndex);
        QCOMPARE(w.currentPageName(), pageBefore);
        QVERIFY(w.isWindowModified());
    }

    // Issues 12 and 13: every page is saved in the window and reopens in a fresh one as it was, clean,
    // on the page that was showing; the VAE page's CSV and the images are read again from their files.
    void everyPageRoundTripsThroughTheWindow()
    {
        QTemporaryDir dir;
        const QString vaeCsv = writeVaeBatch(dir, QStringLiteral("encoder.csv"), 40);
        const QString pngA = writePng(dir, QStringLiteral("a.png"), 0);
        const QString pngB = writePng(dir, QStringLiteral("b.png"), 90);
        QVERIFY(!vaeCsv.isEmpty() && !pngA.isEmpty() && !pngB.isEmpty());
        const QString path = dir.filePath(QStringLiteral("pages.klscope"));
        MainWindow a;
        const PageStates defaults(a);
        editEveryPage(a, vaeCsv, pngA, pngB);
        QVERIFY(a.showPage(QStringLiteral("vae")));
        const PageStates saved(a);
        QVERIFY(!(saved.normal2 == defaults.normal2) && !(saved.vae == defaults.vae) &&
                !(saved.samples == defaults.samples) && !(saved.images == defaults.images));
        QVERIFY(saved.vae.isBatch());
        QString error;
        QVERIFY2(a.sessions()->saveSession(path, &error), qPrintable(error));
        for (DocumentBase *d : pageDocuments(a))
            QVERIFY(!d->isModified());
        QVERIFY(!a.isWindowModified());
        const QByteArray json = readAll(path);
        QVERIFY(json.contains("\"page\": \"vae\""));
        QVERIFY(json.contains("encoder.csv") && json.contains("\"shuffle_seed\": 7"));

        MainWindow b;
        QSignalSpy reread(b.vaePage(), &VaePage::loadFinished);
        QVERIFY2(b.sessions()->openSession(path, &error), qPrintable(error));
        QCOMPARE(b.currentPageName(), QStringLiteral("vae"));
        QVERIFY(reread.wait(10000));
        QVERIFY2(reread.at(0).at(0).toBool(), qPrintable(reread.at(0).at(1).toString()));
        QCOMPARE(b.vaePage()->notice(), QString());
        const PageStates opened(b);
        QVERIFY(opened.fit == saved.fit);
        QVERIFY(opened.normal2 == saved.normal2);
        QVERIFY(opened.vae == saved.vae);
        QVERIFY(opened.samples == saved.samples);
        QVERIFY(opened.images.a == saved.images.a && opened.images.b == saved.images.b);
        QVERIFY(opened.images == saved.images);
        QCOMPARE(b.vaePage()->order(), VaePage::Order::ByKl);
        for (DocumentBase *d : pageDocuments(b)) {
            QVERIFY(!d->isModified());
            QCOMPARE(d->undoStack()->count(), 0);
        }
        QVERIFY(!b.isWindowModified());

        // A file without the newer pages opens each of them at its default.
        const QString old = dir.filePath(QStringLiteral("old.klscope"));
        QCOMPARE(writeSessionFile(sessionToJson(DocumentState{}), old), QString());
        QVERIFY2(b.sessions()->openSession(old, &error), qPrintable(error));
        // Each page at its default: the fit page's FitState{}, the others as a new window starts them.
        const PageStates reset(b);
        QVERIFY(reset.fit == FitState{});
        QVERIFY(reset.normal2 == defaults.normal2);
        QVERIFY(reset.vae == defaults.vae);
        QVERIFY(reset.samples == defaults.samples);
        QVERIFY(reset.images == defaults.images);
        QCOMPARE(b.currentPageName(), QStringLiteral("compare"));
    }

    // The VAE page's CSV is read again when the session opens: a file that is gone or broken leaves the
    // example (with the saved threshold and order) and a notice naming it; a changed file is shown as it is
    // now, with a notice saying it changed. The session opens either way; no page is half loaded.
    void vaeFileGoneBrokenOrChangedIsNamed_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("shown");
        QTest::newRow("gone") << QStringLiteral("gone") << QStringLiteral("is gone") << false;
        QTest::newRow("broken") << QStringLiteral("broken") << QStringLiteral("cannot be read again")
                                << false;
        QTest::newRow("changed") << QStringLiteral("changed") << QStringLiteral("has changed") << true;
    }
    void vaeFileGoneBrokenOrChangedIsNamed()
    {
        QFETCH(QString, change);
        QFETCH(QString, expected);
        QFETCH(bool, shown);
        QTemporaryDir dir;
        const QString csv = writeVaeBatch(dir, QStringLiteral("encoder.csv"), 20);
        const QString path = dir.filePath(QStringLiteral("vae.klscope"));
        MainWindow a;
        QSignalSpy loaded(a.vaePage(), &VaePage::loadFinished);
        a.vaePage()->loadFile(csv);
        QVERIFY(loaded.wait(10000));
        QVERIFY(a.vaePage()->document()->setThreshold(0.25));
        a.vaePage()->setOrder(VaePage::Order::ByKl);
        QString error;
        QVERIFY2(a.sessions()->saveSession(path, &error), qPrintable(error));

        if (change == QLatin1String("gone"))
            QVERIFY(QFile::remove(csv));
        else if (change == QLatin1String("broken"))
            QVERIFY(writeFile(csv, "mu_1,logvar_1\n0.5,abc\n"));
        else
            QVERIFY(!writeVaeBatch(dir, QStringLiteral("encoder.csv"), 30).isEmpty());

        MainWindow b;
        QSignalSpy reread(b.vaePage(), &VaePage::loadFinished);
        QVERIFY2(b.sessions()->openSession(path, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(reread.count(), 1, 10000);
        QCOMPARE(reread.at(0).at(0).toBool(), shown);
        const QString notice = b.vaePage()->notice();
        QVERIFY2(notice.contains(expected), qPrintable(notice));
        QVERIFY2(notice.contains(QDir::toNativeSeparators(csv)), qPrintable(notice));
        const VaeState &s = b.vaePage()->document()->state();
        QCOMPARE(s.threshold, 0.25);
        QCOMPARE(s.order, VaeOrder::ByKl);
        if (shown) {
            QCOMPARE(s.batchRows, std::size_t(30));
            QVERIFY(s.file == FileStamp::of(csv));
        } else {
            QVERIFY(!s.isBatch());
            QCOMPARE(s.mu, VaeDocument::collapseExample().mu);
            QVERIFY(s.file.isEmpty());
        }
        QVERIFY(!b.isWindowModified());
    }

    // An image that is gone leaves its side empty, with a message naming the file; the other side opens.
    void missingImageOpensItsSideEmpty()
    {
        QTemporaryDir dir;
        const QString pngA = writePng(dir, QStringLiteral("a.png"), 0);
        const QString pngB = writePng(dir, QStringLiteral("b.png"), 90);
        const QString path = dir.filePath(QStringLiteral("images.klscope"));
        MainWindow a;
        QVERIFY(a.imagesPage()->loadImageFile(0, pngA));
        QVERIFY(a.imagesPage()->loadImageFile(1, pngB));
        QString error;
        QVERIFY2(a.sessions()->saveSession(path, &error), qPrintable(error));
        QVERIFY(QFile::remove(pngA));

        MainWindow b;
        QVERIFY2(b.sessions()->openSession(path, &error), qPrintable(error));
        const ImagesState &s = b.imagesPage()->document()->state();
        QVERIFY(s.a.isNull());
        QVERIFY(s.b == a.imagesPage()->document()->state().b);
        QVERIFY2(b.imagesPage()->errorText().contains(QDir::toNativeSeparators(pngA)),
                 qPrintable(b.imagesPage()->errorText()));
        const std::vector<std::string> &warnings = b.imagesPage()->document()->summary().warnings;
        QVERIFY(!warnings.empty() &&
                QString::fromStdString(warnings.front()).startsWith(QStringLiteral("A has no image")));
        QVERIFY(b.imagesPage()->nameLabel(0)->text().contains(QStringLiteral("no image")));
        QVERIFY(!b.isWindowModified());
        // An empty A cannot be shuffled; loading an image fills it again.
        QVERIFY(!b.imagesPage()->document()->shuffle(3));
        QVERIFY(b.imagesPage()->loadImageFile(0, pngB));
        QVERIFY(b.imagesPage()->errorText().isEmpty());
    }

    void sessionReopensOnItsPage_data() { addPageNameRows(); }
    void sessionReopensOnItsPage()
    {
        QFETCH(QString, page);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("page.klscope"));
        MainWindow a;
        QVERIFY(a.showPage(page));
        QCOMPARE(a.currentPageName(), page);
        QString error;
        QVERIFY2(a.sessions()->saveSession(path, &error), qPrintable(error));
        MainWindow b;
        QVERIFY(
            b.showPage(page == QLatin1String("compare") ? QStringLiteral("fit") : QStringLiteral("compare")));
        QVERIFY2(b.sessions()->openSession(path, &error), qPrintable(error));
        QCOMPARE(b.currentPageName(), page);
    }

    // A bad key of any newer page is refused naming it, and no page changes: states, undo, page showing.
    void badPageKeyLeavesEveryPageAsItWas_data() { addBadPageRows(); }
    void badPageKeyLeavesEveryPageAsItWas()
    {
        QFETCH(QString, page);
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.klscope"));
        QVERIFY(writeFile(path, sessionWithBadKey(page, key, value)));
        MainWindow w;
        QVERIFY(w.document()->setUnit(klscope::Unit::Bans));
        QVERIFY(w.normal2Page()->document()->setMeanField(true));
        QVERIFY(w.vaePage()->document()->setThreshold(0.5));
        QVERIFY(w.samplesPage()->document()->setN(77));
        QVERIFY(w.imagesPage()->document()->setBins(64));
        QVERIFY(w.showPage(QStringLiteral("samples")));
        const Snapshot before(w);
        const PageStates pagesBefore(w);
        QString error;
        QVERIFY(!w.sessions()->openSession(path, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(Snapshot(w) == before);
        QVERIFY(PageStates(w) == pagesBefore);
        QCOMPARE(w.currentPageName(), QStringLiteral("samples"));
        QVERIFY(w.isWindowModified());
    }

    // An edit on any page marks the session modified; undoing it back to the saved state clears the mark.
    void editOnAnyPageMarksTheSessionModified()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("edits.klscope"));
        MainWindow w;
        QString error;
        QVERIFY2(w.sessions()->saveSession(path, &error), qPrintable(error));
        QVERIFY(!w.isWindowModified());
        const std::pair<DocumentBase *, std::function<bool()>> edits[] = {
            {w.normal2Page()->document(),
             [&] {
                 return w.normal2Page()->document()->setReverseIntegrand(true);
             }},
            {w.vaePage()->document(),
             [&] {
                 return w.vaePage()->document()->setOrder(VaeOrder::ByKl);
             }},
            {w.samplesPage()->document(),
             [&] {
                 return w.samplesPage()->document()->setSmoothing(2.0);
             }},
            {w.imagesPage()->document(),
             [&] {
                 return w.imagesPage()->document()->setBins(32);
             }},
        };
        for (const auto &[document, edit] : edits) {
            QVERIFY(edit());
            QVERIFY(w.sessions()->isModified());
            QVERIFY(w.isWindowModified());
            QVERIFY(w.sessions()->isAutosaveRunning());
            document->undoStack()->undo();
            QVERIFY(!w.sessions()->isModified());
            QVERIFY(!w.isWindowModified());
            document->undoStack()->redo();
            QVERIFY2(w.sessions()->saveSession(path, &error), qPrintable(error));
            QVERIFY(!w.isWindowModified());
        }
    }

    // `klscope --preset bimodal-fit`: a fit page preset opens, clean, on the fit page, which shows.
    void fitPresetStartsOnTheFitPage()
    {
        MainWindow w;
        QVERIFY(w.startUp(QStringLiteral("bimodal-fit")));
        QCOMPARE(w.currentPageName(), QStringLiteral("fit"));
        QCOMPARE(w.fitPage()->document()->state().preset, QStringLiteral("bimodal-fit"));
        QCOMPARE(w.fitPage()->document()->undoStack()->count(), 0);
        QVERIFY(!w.isWindowModified());
        QVERIFY(!w.startUp(QStringLiteral("no-such-preset")));
        QVERIFY(w.showPage(QStringLiteral("compare")));
        QCOMPARE(w.currentPageName(), QStringLiteral("compare"));
        QVERIFY(!w.showPage(QStringLiteral("nowhere")));
        QCOMPARE(w.currentPageName(), QStringLiteral("compare"));
    }

    // The session is modified when either page's document is: the title's [*], the question on close.
    void fitEditMarksTheSessionModified()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fitedit.klscope"));
        MainWindow w;
        QVERIFY(w.openPreset(QStringLiteral("seed")));
        QVERIFY(!w.isWindowModified());
        QVERIFY(!w.sessions()->isModified());
        QVERIFY(w.fitPage()->document()->setAlpha(0.2));
        QVERIFY(!w.document()->isModified());
        QVERIFY(w.sessions()->isModified());
        QVERIFY(w.isWindowModified());
        QVERIFY(w.sessions()->isAutosaveRunning());
        QString error;
        QVERIFY(w.sessions()->saveSession(path, &error));
        QVERIFY(!w.isWindowModified());
        QVERIFY(!w.sessions()->isAutosaveRunning());
        w.fitPage()->document()->undoStack()->undo();
        QVERIFY(w.isWindowModified()); // away from the saved state
        w.fitPage()->document()->undoStack()->redo();
        QVERIFY(!w.isWindowModified());
        // An edit on the comparison page, then one on the fit page: undoing one leaves it modified.
        QVERIFY(w.document()->setUnit(klscope::Unit::Bits));
        QVERIFY(w.fitPage()->document()->setAlpha(0.9));
        w.document()->undoStack()->undo();
        QVERIFY(w.isWindowModified());
        w.fitPage()->document()->undoStack()->undo();
        QVERIFY(!w.isWindowModified());
        w.fitPage()->document()->undoStack()->redo();
        w.sessions()->newSession();
        QVERIFY(w.fitPage()->document()->state() == FitState{});
        QVERIFY(!w.isWindowModified());
    }

    void recentFilesKeepTheNewestEightThatExist()
    {
        QTemporaryDir dir;
        MainWindow w;
        QStringList saved;
        QString error;
        for (int i = 0; i < 10; ++i) {
            const QString path = dir.filePath(QStringLiteral("s%1.klscope").arg(i));
            QVERIFY(w.document()->setParameter(Side::P, 1, 0.1 + 0.05 * i));
            QVERIFY(w.sessions()->saveSession(path, &error));
            saved.prepend(QFileInfo(path).absoluteFilePath());
        }
        QCOMPARE(w.sessions()->recentFiles(), saved.mid(0, SessionController::kMaxRecentFiles));
        // Opening an older one moves it to the front.
        QVERIFY(w.sessions()->openSession(saved.at(5), &error));
        QCOMPARE(w.sessions()->recentFiles().constFirst(), saved.at(5));
        // A file that is gone is dropped.
        QVERIFY(QFile::remove(saved.at(1)));
        QVERIFY(!w.sessions()->recentFiles().contains(saved.at(1)));
        QCOMPARE(w.sessions()->recentFiles().size(), SessionController::kMaxRecentFiles - 1);
        // The menu lists them, and they survive into a new window (QSettings).
        auto *menu = w.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(menu);
        auto *file = qobject_cast<QMenu *>(menu->parent()); // File refreshes its submenu as it opens
        QVERIFY(file);
        emit file->aboutToShow();
        QCOMPARE(menu->actions().size(), SessionController::kMaxRecentFiles - 1);
        QVERIFY(menu->actions().constFirst()->text().contains(QFileInfo(saved.at(5)).fileName()));
        MainWindow other;
        QCOMPARE(other.sessions()->recentFiles(), w.sessions()->recentFiles());
    }

    void autosaveIsWrittenRestorableAndRemovedBySave()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("work.klscope"));
        DocumentState edited;
        {
            MainWindow w;
            QString error;
            QVERIFY(w.sessions()->saveSession(path, &error));
            w.sessions()->setAutosaveInterval(20);
            QVERIFY(!w.sessions()->hasAutosave());
            editEverything(w);
            QTRY_VERIFY(w.sessions()->hasAutosave());
            edited = w.document()->state();
            // The window "crashes": it goes away without closing, so the autosave stays.
        }
        QCOMPARE(SessionController::orphanedAutosaves().size(), 1);
        MainWindow next;
        QString error;
        QVERIFY2(next.sessions()->restoreAutosave(&error), qPrintable(error));
        QVERIFY(sameState(next.document()->state(), edited));
        QVERIFY(next.document()->isModified());
        QVERIFY(next.isWindowModified());
        QCOMPARE(next.sessions()->currentFile(), QFileInfo(path).absoluteFilePath());
        QVERIFY(next.sessions()->saveSession(path, &error));
        QVERIFY(!next.sessions()->hasAutosave());
        QVERIFY(SessionController::orphanedAutosaves().isEmpty());
        // The saved file holds the restored work.
        const auto reread = loadSession(path);
        QVERIFY(std::holds_alternative<SessionContents>(reread));
        QVERIFY(sameState(std::get<SessionContents>(reread).state, edited));
    }

    void autosaveIsNotWrittenWithoutChangesAndGoesOnClose()
    {
        MainWindow w;
        w.sessions()->setAutosaveInterval(10);
        QVERIFY(!w.sessions()->isAutosaveRunning()); // nothing to save
        QVERIFY(w.document()->setUnit(klscope::Unit::Bits));
        QVERIFY(w.sessions()->isAutosaveRunning());
        QTRY_VERIFY(w.sessions()->hasAutosave());
        w.document()->undoStack()->undo(); // back to the clean state: nothing left to autosave
        QVERIFY(!w.sessions()->isAutosaveRunning());
        w.sessions()->windowClosed();
        QVERIFY(!w.sessions()->hasAutosave());
    }

    void secondInstanceOffersNoRecoveryOfALiveWindow()
    {
        // Two windows at once (a second klscope): each autosaves to its own file under its own lock, and
        // neither offers the other's work as a crash to recover while its owner lives.
        auto first = std::make_unique<MainWindow>();
        first->sessions()->setAutosaveInterval(10);
        QVERIFY(first->document()->setUnit(klscope::Unit::Bits));
        QTRY_VERIFY(first->sessions()->hasAutosave());
        MainWindow second;
        QVERIFY(second.sessions()->autosavePath() != first->sessions()->autosavePath());
        QVERIFY(QFileInfo::exists(first->sessions()->autosavePath() + QStringLiteral(".lock")));
        QVERIFY(SessionController::orphanedAutosaves().isEmpty());
        QString error;
        QVERIFY(!second.sessions()->restoreAutosave(&error));
        // Discarding orphans (the second window's "Discard") leaves the live window's autosave alone.
        SessionController::discardOrphanedAutosaves();
        QVERIFY(first->sessions()->hasAutosave());

        second.sessions()->setAutosaveInterval(10);
        QVERIFY(second.document()->setUnit(klscope::Unit::Bans));
        QTRY_VERIFY(second.sessions()->hasAutosave());
        QVERIFY(first->sessions()->hasAutosave());

        // The first window crashes (goes without closing): its autosave is now an orphan, offered once.
        const QString firstPath = first->sessions()->autosavePath();
        first.reset();
        QCOMPARE(SessionController::orphanedAutosaves(), QStringList{firstPath});
        MainWindow third;
        QVERIFY2(third.sessions()->restoreAutosave(&error), qPrintable(error));
        QCOMPARE(third.document()->unit(), klscope::Unit::Bits);
        QVERIFY(SessionController::orphanedAutosaves().isEmpty());
        QVERIFY(second.sessions()->hasAutosave());
        second.sessions()->windowClosed();
    }

    void staleLockOfAGoneProcessIsAnOrphan_data()
    {
        QTest::addColumn<bool>("ownerRuns");
        QTest::addColumn<bool>("orphan");
        QTest::newRow("owner gone") << false << true;
        QTest::newRow("owner runs") << true << false;
    }

    void staleLockOfAGoneProcessIsAnOrphan()
    {
        QFETCH(bool, ownerRuns);
        QFETCH(bool, orphan);
        // A crashed klscope leaves its lock file behind, holding the pid of a process that has ended.
        MainWindow w;
        const QString folder = QFileInfo(w.sessions()->autosavePath()).absolutePath();
        const QString path = folder + QStringLiteral("/autosave-crashed.klscope");
        QString error;
        QVERIFY(w.sessions()->saveSession(path, &error));
        QFile lock(path + QStringLiteral(".lock"));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        // A pid above the kernel's pid_max (2^22) never runs.
        const qint64 pid = ownerRuns ? QCoreApplication::applicationPid() : qint64(1) << 23;
        lock.write(QByteArray::number(pid) + "\n" + QCoreApplication::applicationFilePath().toUtf8() + "\n" +
                   QSysInfo::machineHostName().toUtf8() + "\n");
        lock.close();
        QCOMPARE(SessionController::orphanedAutosaves().contains(path), orphan);
        QFile::remove(path);
        QFile::remove(path + QStringLiteral(".lock"));
    }

    void droppingASessionOnTheWindowOpensIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dropped.klscope"));
        DocumentState s;
        s.discrete()->p = klscope::parseSpec("poisson:lambda=2");
        s.discrete()->q = klscope::parseSpec("geometric:p=0.4");
        QCOMPARE(writeSessionFile(sessionToJson(s), path), QString());
        MainWindow w;
        QVERIFY(w.acceptDrops());
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&w, &drop);
        QTRY_COMPARE(w.sessions()->currentFile(), QFileInfo(path).absoluteFilePath());
        QVERIFY(w.document()->distribution(Side::P) == s.discrete()->p);
        QVERIFY(w.document()->distribution(Side::Q) == s.discrete()->q);
    }

    void commandLineOpensASessionOrRefusesIt()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("cli.klscope"));
        const QString bad = dir.filePath(QStringLiteral("cli-bad.klscope"));
        DocumentState s;
        QCOMPARE(writeSessionFile(sessionToJson(s), good), QString());
        QVERIFY(writeFile(bad, "{\n\"format\": \"klscope-session\",\n\"version\": 99\n}\n"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        const auto run = [&](const QString &session, const QString &png) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(KLSCOPE_APP), {QStringLiteral("--screenshot"), png, session});
            if (!p.waitForFinished(60000))
                return std::pair<int, QString>{-1, QStringLiteral("timeout")};
            return std::pair<int, QString>{p.exitCode(), QString::fromLocal8Bit(p.readAllStandardError())};
        };
        const auto ok = run(good, dir.filePath(QStringLiteral("ok.png")));
        QCOMPARE(ok.first, 0);
        QVERIFY(readAll(dir.filePath(QStringLiteral("ok.png"))).startsWith("\x89PNG"));
        const auto refused = run(bad, dir.filePath(QStringLiteral("refused.png")));
        QCOMPARE(refused.first, 1);
        QVERIFY2(refused.second.contains(QStringLiteral("newer klscope")), qPrintable(refused.second));
        QVERIFY(refused.second.contains(QStringLiteral("cli-bad.klscope")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("refused.png"))));
        // `klscope FIFO.klscope` used to block before the window appeared.
        const QString fifo = dir.filePath(QStringLiteral("pipe.klscope"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const auto piped = run(fifo, dir.filePath(QStringLiteral("piped.png")));
        QCOMPARE(piped.first, 1);
        QVERIFY2(piped.second.contains(QStringLiteral("is a named pipe (FIFO), not a regular file")),
                 qPrintable(piped.second));
        // Issue 11: --page picks the page; an unknown one is refused before the window shows.
        const auto runArgs = [&](const QStringList &args) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(KLSCOPE_APP), args);
            if (!p.waitForFinished(120000))
                return std::pair<int, QString>{-1, QStringLiteral("timeout")};
            return std::pair<int, QString>{p.exitCode(), QString::fromLocal8Bit(p.readAllStandardError())};
        };
        const auto nowhere =
            runArgs({QStringLiteral("--page"), QStringLiteral("nowhere"), QStringLiteral("--screenshot"),
                     dir.filePath(QStringLiteral("nowhere.png"))});
        QCOMPARE(nowhere.first, 2);
        QVERIFY2(nowhere.second.contains(QStringLiteral("no page called 'nowhere'")),
                 qPrintable(nowhere.second));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("nowhere.png"))));
        const auto fitShot =
            runArgs({QStringLiteral("--page"), QStringLiteral("fit"), QStringLiteral("--preset"),
                     QStringLiteral("heavy-tail-fit"), QStringLiteral("--screenshot"),
                     dir.filePath(QStringLiteral("fit.png"))});
        QCOMPARE(fitShot.first, 0);
        QVERIFY(readAll(dir.filePath(QStringLiteral("fit.png"))).startsWith("\x89PNG"));
        const auto noPreset =
            runArgs({QStringLiteral("--preset"), QStringLiteral("no-such-fit"),
                     QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("none.png"))});
        QCOMPARE(noPreset.first, 2);
    }
};

QTEST_MAIN(TestSessionWindow)
#include "tst_sessionwindow.moc"
