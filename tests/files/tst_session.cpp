// The session file: round trips, refusal of newer and corrupt files, atomic saves.

#include "comparison.h"
#include "session.h"
#include "spec.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace klscope;

namespace {
Session sampleSession()
{
    Session s;
    s.p = parseSpec("binomial:n=15,p=7/15");
    s.q = Custom({0.1, 0.2, 0.3, 0.4}, {"a", "b", "c", "d"});
    s.locksQ = {1, 3};
    s.support = EventRange{0, 15};
    s.unit = Unit::Bits;
    s.renormalize = true;
    s.smoothing = 1e-6;
    s.showKlQP = false;
    s.preset = QStringLiteral("seed");
    return s;
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
        const Session s = sampleSession();
        const auto back = sessionFromJson(sessionToJson(s));
        QVERIFY2(std::holds_alternative<Session>(back),
                 qPrintable(std::get_if<QString>(&back) ? *std::get_if<QString>(&back) : QString()));
        QVERIFY(std::get<Session>(back) == s);
    }

    void roundTripGivesIdenticalMetrics()
    {
        const Session s = sampleSession();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.klscope"));
        QCOMPARE(saveSession(s, path), QString());
        const auto back = loadSession(path);
        QVERIFY(std::holds_alternative<Session>(back));
        const Session &r = std::get<Session>(back);
        const auto options = [](const Session &x) {
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
        Session s;
        s.p = parseSpec(spec.toStdString());
        const auto back = sessionFromJson(sessionToJson(s));
        QVERIFY(std::holds_alternative<Session>(back));
        QVERIFY(std::get<Session>(back).p == s.p);
        QCOMPARE(QString::fromStdString(formatSpec(std::get<Session>(back).p)),
                 QString::fromStdString(formatSpec(s.p)));
    }

    void badFilesAreRefusedWithAReason_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        const QByteArray good = sessionToJson(sampleSession());
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
        QCOMPARE(saveSession(sampleSession(), path), QString());
        QFile old(path);
        QVERIFY(old.open(QIODevice::ReadOnly));
        const QByteArray before = old.readAll();
        old.close();

        const QString error = saveSession(Session{}, dir.filePath(QStringLiteral("no/such/dir/x.klscope")));
        QVERIFY(error.startsWith(QStringLiteral("Cannot write file ")));

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
