// The session file format: round trips of the document state and view state, refusal of newer and
// corrupt files, atomic saves.

#include "comparison.h"
#include "session.h"
#include "spec.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace klscope;

namespace {
SessionContents sampleSession()
{
    SessionContents c;
    DocumentState &s = c.state;
    s.p = parseSpec("binomial:n=15,p=7/15");
    s.q = Custom({0.1, 0.2, 0.3, 0.4}, {"a", "b", "c", "d"});
    s.lockedQ = {false, true, false, true};
    s.support = EventRange{0, 15};
    s.unit = Unit::Bits;
    s.renormalize = true;
    s.smoothing = 1e-6;
    s.preset = QStringLiteral("seed");
    c.view.klQP = false;
    c.view.keepTotal = false;
    return c;
}

QByteArray toJson(const SessionContents &c)
{
    return sessionToJson(c.state, c.view, c.autosaveOf);
}

// Every field the session keeps, compared one by one (DocumentState has no operator==).
bool sameContents(const SessionContents &a, const SessionContents &b)
{
    return a.state.sameComparisonInputs(b.state) && a.state.lockedP == b.state.lockedP &&
           a.state.lockedQ == b.state.lockedQ && a.state.preset == b.state.preset && a.view == b.view &&
           a.autosaveOf == b.autosaveOf;
}

// Every distribution family survives the trip, with its parameters bit for bit.
QStringList allFamilySpecs()
{
    return {QStringLiteral("binomial:n=15,p=0.1"),
            QStringLiteral("uniform:a=-3,b=14"),
            QStringLiteral("poisson:lambda=3.5"),
            QStringLiteral("geometric:p=0.3"),
            QStringLiteral("negative_binomial:r=2.5,p=0.4"),
            QStringLiteral("hypergeometric:N=50,K=20,n=10"),
            QStringLiteral("bernoulli:p=0.30000000000000004"),
            QStringLiteral("custom:0.25,0,0.75")};
}
} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEverything()
    {
        const SessionContents s = sampleSession();
        const auto back = sessionFromJson(toJson(s));
        QVERIFY2(std::holds_alternative<SessionContents>(back),
                 qPrintable(std::get_if<QString>(&back) ? *std::get_if<QString>(&back) : QString()));
        QVERIFY(sameContents(std::get<SessionContents>(back), s));
        QCOMPARE(std::get<SessionContents>(back).state.lockedQ, QList<bool>({false, true, false, true}));
        QVERIFY(!std::get<SessionContents>(back).view.klQP);
    }

    void autosaveKeepsItsFile()
    {
        SessionContents s = sampleSession();
        s.autosaveOf = QStringLiteral("/home/someone/lecture.klscope");
        const auto back = sessionFromJson(toJson(s));
        QVERIFY(std::holds_alternative<SessionContents>(back));
        QCOMPARE(std::get<SessionContents>(back).autosaveOf, s.autosaveOf);
        QVERIFY(!toJson(sampleSession()).contains("autosave_of"));
    }

    void customSidesGetOneLockPerEvent()
    {
        // A custom side without "locks" still gets a flag per event, as the document keeps it.
        SessionContents s = sampleSession();
        s.state.lockedQ.clear();
        QByteArray json = toJson(s);
        const auto back = sessionFromJson(json);
        QVERIFY(std::holds_alternative<SessionContents>(back));
        QCOMPARE(std::get<SessionContents>(back).state.lockedQ, QList<bool>(4, false));
        QVERIFY(std::get<SessionContents>(back).state.lockedP.isEmpty());
    }

    void roundTripGivesIdenticalMetrics()
    {
        const DocumentState s = sampleSession().state;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.klscope"));
        QCOMPARE(writeSessionFile(sessionToJson(s, SessionView{}), path), QString());
        const auto back = loadSession(path);
        QVERIFY(std::holds_alternative<SessionContents>(back));
        const DocumentState &r = std::get<SessionContents>(back).state;
        const auto options = [](const DocumentState &x) {
            CompareOptions o;
            o.support = x.support;
            o.unit = x.unit;
            o.renormalize = x.renormalize;
            o.smoothing = x.smoothing;
            return o;
        };
        const Comparison a = compare(s.p, s.q, options(s));
        const Comparison b = compare(r.p, r.q, options(r));
        QCOMPARE(b.totals.klPQ, a.totals.klPQ);
        QCOMPARE(b.totals.klQP, a.totals.klQP);
        QCOMPARE(b.totals.js, a.totals.js);
        QCOMPARE(b.klPQ, a.klPQ);
    }

    void everyFamilyRoundTrips_data()
    {
        QTest::addColumn<QString>("spec");
        for (const QString &spec : allFamilySpecs())
            QTest::newRow(qPrintable(spec)) << spec;
    }
    void everyFamilyRoundTrips()
    {
        QFETCH(QString, spec);
        DocumentState s;
        s.p = parseSpec(spec.toStdString());
        const auto back = sessionFromJson(sessionToJson(s, SessionView{}));
        QVERIFY(std::holds_alternative<SessionContents>(back));
        QVERIFY(std::get<SessionContents>(back).state.p == s.p);
        QCOMPARE(QString::fromStdString(formatSpec(std::get<SessionContents>(back).state.p)),
                 QString::fromStdString(formatSpec(s.p)));
    }

    void badFilesAreRefusedWithAReason_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        const QByteArray good = toJson(sampleSession());
        QTest::newRow("syntax error")
            << QByteArray("{\n  \"format\": \"klscope-session\",\n  \"version\": 1,\n  oops\n}")
            << QStringLiteral("line 4");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not a valid session file");
        QTest::newRow("not a session")
            << QByteArray("{\"hello\": 1}") << QStringLiteral("not a klscope session file");
        QByteArray newer = good;
        newer.replace("\"version\": 1", "\"version\": 7");
        QTest::newRow("newer version") << newer << QStringLiteral("newer klscope");
        QByteArray badParameter = good;
        badParameter.replace("\"p\": 0.4666", "\"p\": 1.4666");
        QTest::newRow("parameter out of range")
            << badParameter << QStringLiteral("p: binomial: p must be between 0 and 1");
        QByteArray negativeMass = good;
        negativeMass.replace("0.2,", "-0.2,");
        QTest::newRow("negative mass")
            << negativeMass << QStringLiteral("q: custom: mass at event 1 is negative");
        QByteArray badUnit = good;
        badUnit.replace("\"bits\"", "\"furlongs\"");
        QTest::newRow("unknown unit") << badUnit << QStringLiteral("unit must be nats, bits or bans");
        QByteArray badFamily = good;
        badFamily.replace("\"binomial\"", "\"zipf\"");
        QTest::newRow("unknown family") << badFamily << QStringLiteral("unknown family \"zipf\"");
        QByteArray badSupport = good;
        badSupport.replace("15\n    ]", "-15\n    ]");
        QTest::newRow("empty support") << badSupport << QStringLiteral("support must be null or [A, B]");
        QByteArray badLock = good;
        badLock.replace("3\n        ]", "9\n        ]");
        QTest::newRow("lock beyond the events")
            << badLock << QStringLiteral("q.locks: event 9 is not one of the 4");
        QByteArray badView = good;
        badView.replace("\"js\": true", "\"js\": \"yes\"");
        QTest::newRow("view toggle not a boolean")
            << badView << QStringLiteral("view.js must be true or false");
        QByteArray truncated = good.left(good.size() / 2);
        QTest::newRow("truncated") << truncated << QStringLiteral("line ");
    }
    void badFilesAreRefusedWithAReason()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto result = sessionFromJson(json);
        QVERIFY2(std::holds_alternative<QString>(result), "a bad session was accepted");
        QVERIFY2(std::get<QString>(result).contains(expected), qPrintable(std::get<QString>(result)));
    }

    void failedSaveKeepsTheOldFileAndSaysWhy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keep.klscope"));
        QCOMPARE(writeSessionFile(toJson(sampleSession()), path), QString());
        QFile old(path);
        QVERIFY(old.open(QIODevice::ReadOnly));
        const QByteArray before = old.readAll();
        old.close();

        const QString bad = dir.filePath(QStringLiteral("no/such/dir/x.klscope"));
        const QString error = writeSessionFile(toJson(SessionContents{}), bad);
        QVERIFY2(
            error.startsWith(QStringLiteral("Cannot write file %1:\n").arg(QDir::toNativeSeparators(bad))),
            qPrintable(error));
        QVERIFY(!QFile::exists(bad));

        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
    }

    void missingFileSaysWhich()
    {
        const auto result = loadSession(QStringLiteral("/nonexistent/klscope/test.klscope"));
        QVERIFY(std::holds_alternative<QString>(result));
        QVERIFY(std::get<QString>(result).contains(QStringLiteral("/nonexistent/klscope/test.klscope")));
    }
};

QTEST_MAIN(TestSession)
#include "tst_session.moc"
