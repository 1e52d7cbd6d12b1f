// The session file format: round trips of the document state and view state, refusal of newer and
// corrupt files, atomic saves.

#include "comparison.h"
#include "normal2page.h"
#include "session.h"
#include "sessionpagestates.h"
#include "spec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

#include <algorithm>

#include <continuousspec.h>

using namespace klscope;

namespace {
SessionContents sampleSession()
{
    SessionContents c;
    DocumentState &s = c.state;
    s.discrete()->p = parseSpec("binomial:n=15,p=7/15");
    s.discrete()->q = Custom({0.1, 0.2, 0.3, 0.4}, {"a", "b", "c", "d"});
    s.discrete()->lockedQ = {false, true, false, true};
    s.discrete()->support = EventRange{0, 15};
    s.unit = Unit::Bits;
    s.discrete()->renormalize = true;
    s.discrete()->smoothing = 1e-6;
    s.preset = QStringLiteral("seed");
    c.legacyView = SessionView{true, false, true, false};
    return c;
}

/// A version-1 file as klscope wrote it before pages: the compare page's keys at the top level (no
/// "domain") and the view toggles. Built from the version-2 writer, so both layouts hold the same values.
QByteArray toJsonV1(const SessionContents &c)
{
    QJsonObject v2 = QJsonDocument::fromJson(sessionToJson(c.state, c.autosaveOf)).object();
    QJsonObject o = v2.value(QStringLiteral("pages")).toObject().value(QStringLiteral("compare")).toObject();
    o.remove(QStringLiteral("domain"));
    o.insert(QStringLiteral("format"), QStringLiteral("klscope-session"));
    o.insert(QStringLiteral("version"), 1);
    const SessionView view = c.legacyView.value_or(SessionView{});
    o.insert(QStringLiteral("view"), QJsonObject{{QStringLiteral("kl_pq"), view.klPQ},
                                                 {QStringLiteral("kl_qp"), view.klQP},
                                                 {QStringLiteral("js"), view.js},
                                                 {QStringLiteral("keep_total"), view.keepTotal}});
    if (!c.autosaveOf.isEmpty())
        o.insert(QStringLiteral("autosave_of"), c.autosaveOf);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QByteArray toJson(const SessionContents &c)
{
    return sessionToJson(c.state, c.autosaveOf);
}

// Every field the session keeps, compared one by one.
bool sameContents(const SessionContents &a, const SessionContents &b)
{
    return a.state == b.state && a.legacyView == b.legacyView && a.autosaveOf == b.autosaveOf;
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
// `json` with `value` at `key` of the top level, or of side "p" or "q" when `side` is given.
QByteArray withKey(const QByteArray &json, const QString &key, const QJsonValue &value,
                   const QString &side = {})
{
    QJsonObject o = QJsonDocument::fromJson(json).object();
    if (side.isEmpty()) {
        o.insert(key, value);
    } else {
        QJsonObject inner = o.value(side).toObject();
        inner.insert(key, value);
        o.insert(side, inner);
    }
    return QJsonDocument(o).toJson();
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private slots:
    // Version 1 still opens, view toggles included.
    void versionOneFilesOpen()
    {
        const SessionContents s = sampleSession();
        const auto back = sessionFromJson(toJsonV1(s));
        QVERIFY2(std::holds_alternative<SessionContents>(back),
                 qPrintable(std::get_if<QString>(&back) ? *std::get_if<QString>(&back) : QString()));
        QVERIFY(sameContents(std::get<SessionContents>(back), s));
        QCOMPARE(std::get<SessionContents>(back).state.discrete()->lockedQ,
                 QList<bool>({false, true, false, true}));
        QVERIFY(!std::get<SessionContents>(back).legacyView->klQP);
    }

    // Version 2 keeps the whole document state, in either domain, and no view toggles.
    void roundTripKeepsEverything_data()
    {
        QTest::addColumn<QString>("p");
        QTest::addColumn<QString>("q");
        QTest::addColumn<double>("binWidth");
        QTest::newRow("discrete") << QString() << QString() << 0.0;
        QTest::newRow("normal vs t5") << "normal:mu=0.1,sigma=1.25"
                                      << "student_t:nu=5,mu=0,sigma=1" << 0.25;
        QTest::newRow("gmm vs normal") << "gmm:w1=0.3,mu1=-2,sigma1=0.5,w2=0.7,mu2=1.5,sigma2=1"
                                       << "normal:mu=0,sigma=2" << 0.0;
        QTest::newRow("cauchy vs laplace") << "cauchy:x0=0.30000000000000004,gamma=1"
                                           << "laplace:mu=0,b=1" << 1e-3;
        QTest::newRow("gamma vs lognormal") << "gamma:shape=2,rate=1.5"
                                            << "lognormal:mu=0.5,sigma=0.75" << 0.0;
    }
    void roundTripKeepsEverything()
    {
        QFETCH(QString, p);
        QFETCH(QString, q);
        QFETCH(double, binWidth);
        SessionContents s = sampleSession();
        s.legacyView.reset();
        if (!p.isEmpty()) {
            ContinuousPair c;
            c.p = parseContinuousSpec(p.toStdString());
            c.q = parseContinuousSpec(q.toStdString());
            c.binWidth = binWidth;
            s.state.pair = c;
        }
        const QByteArray json = toJson(s);
        QVERIFY(json.contains("\"version\": 2"));
        QVERIFY(!json.contains("\"view\""));
        const auto back = sessionFromJson(json);
        QVERIFY2(std::holds_alternative<SessionContents>(back),
                 qPrintable(std::get_if<QString>(&back) ? *std::get_if<QString>(&back) : QString()));
        QVERIFY(sameContents(std::get<SessionContents>(back), s));
        QVERIFY(!std::get<SessionContents>(back).legacyView);
    }

    void badVersionTwoFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        SessionContents s;
        ContinuousPair c;
        c.binWidth = 0.5;
        s.state.pair = c;
        const QByteArray good = toJson(s);
        QTest::newRow("no pages") << QByteArray("{\"format\": \"klscope-session\", \"version\": 2}")
                                  << QStringLiteral("pages.compare is missing or not an object");
        QTest::newRow("unknown domain") << QByteArray(good).replace("\"continuous\"", "\"quantum\"")
                                        << QStringLiteral("pages.compare.domain must be");
        QTest::newRow("bad spec") << QByteArray(good).replace("normal:mu=0,", "normal:mu=zero,")
                                  << QStringLiteral("pages.compare.p: ");
        QTest::newRow("negative bin width")
            << QByteArray(good).replace("\"bin_width\": 0.5", "\"bin_width\": -1")
            << QStringLiteral("pages.compare.bin_width must be a number >= 0");
        QTest::newRow("spec not a string")
            << QByteArray(good).replace("\"spec\": \"normal:mu=0,sigma=1\"", "\"spec\": 3")
            << QStringLiteral("pages.compare.p must be an object with a \"spec\" string");
    }
    void badVersionTwoFilesAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto result = sessionFromJson(json);
        QVERIFY2(std::holds_alternative<QString>(result), "a bad session was accepted");
        QVERIFY2(std::get<QString>(result).contains(expected), qPrintable(std::get<QString>(result)));
    }

    // The fit page's state rides under "pages.fit" with the page showing; a file without it has none.
    void fitPageRoundTrips_data()
    {
        QTest::addColumn<QString>("page");
        QTest::newRow("fit showing") << QStringLiteral("fit");
        QTest::newRow("compare showing") << QStringLiteral("compare");
    }
    void fitPageRoundTrips()
    {
        QFETCH(QString, page);
        FitState fit;
        fit.target = QStringLiteral("student_t:nu=3,mu=0.5,sigma=2");
        fit.fixed = {std::nullopt, 1.5};
        fit.alpha = 0.25;
        fit.q = {0.5, 1.5};
        fit.preset = QStringLiteral("heavy-tail-fit");
        const DocumentState state;
        SessionPages pages;
        pages.fit = fit;
        const auto back = sessionFromJson(sessionToJson(state, QString(), pages, page));
        QVERIFY2(std::holds_alternative<SessionContents>(back),
                 qPrintable(std::get_if<QString>(&back) ? *std::get_if<QString>(&back) : QString()));
        const SessionContents &c = std::get<SessionContents>(back);
        QVERIFY(c.state == state);
        QVERIFY(c.pages.fit.has_value());
        QVERIFY(*c.pages.fit == fit);
        QCOMPARE(c.page, page);

        const auto without = sessionFromJson(sessionToJson(state));
        QVERIFY(std::holds_alternative<SessionContents>(without));
        QVERIFY(!std::get<SessionContents>(without).pages.fit.has_value());
        QCOMPARE(std::get<SessionContents>(without).page, QStringLiteral("compare"));
    }

    void badFitPagesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        SessionPages fitOnly;
        fitOnly.fit = FitState{};
        fitOnly.fit->alpha = 0.25;
        const QByteArray good = sessionToJson(DocumentState{}, QString(), fitOnly, QStringLiteral("fit"));
        QVERIFY(std::holds_alternative<SessionContents>(sessionFromJson(good)));
        QJsonObject o = QJsonDocument::fromJson(good).object();
        QJsonObject pages = o.value(QStringLiteral("pages")).toObject();
        pages.insert(QStringLiteral("fit"), 3);
        o.insert(QStringLiteral("pages"), pages);
        QTest::newRow("not an object")
            << QJsonDocument(o).toJson() << QStringLiteral("pages.fit is not an object");
        QTest::newRow("unknown family")
            << QByteArray(good).replace("\"normal\"", "\"quantum\"") << QStringLiteral("pages.fit.family");
        QTest::newRow("alpha out of range")
            << QByteArray(good).replace("\"alpha\": 0.25", "\"alpha\": 2") << QStringLiteral("pages.fit.");
        QTest::newRow("bad target") << QByteArray(good).replace("\"gmm:", "\"gmm:w1=x,")
                                    << QStringLiteral("pages.fit.");
        QTest::newRow("unknown page")
            << QByteArray(good).replace("\"page\": \"fit\"", "\"page\": \"nowhere\"")
            << QStringLiteral(
                   "page must be one of \"compare\", \"fit\", \"2d\", \"vae\", \"samples\", \"images\"");
    }
    void badFitPagesAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto result = sessionFromJson(json);
        QVERIFY2(std::holds_alternative<QString>(result), "a bad session was accepted");
        QVERIFY2(std::get<QString>(result).contains(expected), qPrintable(std::get<QString>(result)));
    }

    // Issues 12 and 13: every page's state rides under "pages" and every page name under "page".
    void everyPageRoundTrips_data() { addPageNameRows(); }
    void everyPageRoundTrips()
    {
        QFETCH(QString, page);
        const SessionPages pages = everyPage();
        const auto back = sessionFromJson(sessionToJson(DocumentState{}, QString(), pages, page));
        QVERIFY2(std::holds_alternative<SessionContents>(back),
                 qPrintable(std::get_if<QString>(&back) ? *std::get_if<QString>(&back) : QString()));
        const SessionContents &c = std::get<SessionContents>(back);
        QCOMPARE(c.page, page);
        QVERIFY(c.pages.fit == pages.fit);
        QVERIFY(c.pages.normal2 == pages.normal2);
        QVERIFY(c.pages.vae == pages.vae);
        QVERIFY(c.pages.samples == pages.samples);
        QVERIFY(c.pages.images == pages.images);
    }

    // Every 2-D preset survives a save, the bimodal-2d mixture P included (its components and weights).
    void normal2PresetsRoundTrip()
    {
        const QList<Normal2Preset> presets = normal2Presets();
        QVERIFY(std::any_of(presets.begin(), presets.end(),
                            [](const Normal2Preset &p) { return p.state.isMixture(); }));
        for (const Normal2Preset &preset : presets) {
            SessionPages pages;
            pages.normal2 = preset.state;
            const auto back =
                sessionFromJson(sessionToJson(DocumentState{}, QString(), pages, QStringLiteral("2d")));
            QVERIFY2(std::holds_alternative<SessionContents>(back), qPrintable(preset.name));
            QVERIFY2(std::get<SessionContents>(back).pages.normal2 == preset.state, qPrintable(preset.name));
        }
    }

    // A loaded CSV is saved as its file (path, size, time), not its numbers; a batch naming no file keeps
    // them.
    void vaeFileAndBatchRoundTrip()
    {
        SessionPages pages;
        pages.vae = VaeState{};
        pages.vae->file.path = QStringLiteral("/data/encoder.csv");
        pages.vae->file.size = 123456789;
        pages.vae->file.modified = QDateTime(QDate(2026, 12, 1), QTime(10, 0, 0, 250), Qt::UTC);
        pages.vae->threshold = 0.25;
        pages.vae->order = VaeOrder::ByKl;
        pages.vae->source = QStringLiteral("encoder.csv");
        const QByteArray json = sessionToJson(DocumentState{}, QString(), pages, QStringLiteral("vae"));
        QVERIFY(json.contains("\"path\": \"/data/encoder.csv\""));
        QVERIFY(!json.contains("\"example\""));
        auto back = sessionFromJson(json);
        QVERIFY(std::holds_alternative<SessionContents>(back));
        QVERIFY(std::get<SessionContents>(back).pages.vae == pages.vae);

        pages.vae = VaeState{};
        pages.vae->batchKl = {0.5, 0.001, 2.0};
        pages.vae->batchSpread = {0.1, 0.0, 0.3};
        pages.vae->batchRows = 1000;
        back = sessionFromJson(sessionToJson(DocumentState{}, QString(), pages));
        QVERIFY(std::holds_alternative<SessionContents>(back));
        QVERIFY(std::get<SessionContents>(back).pages.vae == pages.vae);
    }

    void badPagesAreRefusedNamingTheKey_data() { addBadPageRows(); }
    void badPagesAreRefusedNamingTheKey()
    {
        QFETCH(QString, page);
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QVERIFY(std::holds_alternative<SessionContents>(
            sessionFromJson(sessionToJson(DocumentState{}, QString(), everyPage()))));
        const auto result = sessionFromJson(sessionWithBadKey(page, key, value));
        QVERIFY2(std::holds_alternative<QString>(result), "a bad session was accepted");
        QVERIFY2(std::get<QString>(result).startsWith(expected), qPrintable(std::get<QString>(result)));
    }

    // A file without one of the newer pages (written before it existed) reads with that page empty.
    void missingPagesReadAsEmpty()
    {
        const auto back = sessionFromJson(sessionToJson(DocumentState{}));
        QVERIFY(std::holds_alternative<SessionContents>(back));
        const SessionPages &pages = std::get<SessionContents>(back).pages;
        QVERIFY(!pages.fit && !pages.normal2 && !pages.vae && !pages.samples && !pages.images);
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
        s.state.discrete()->lockedQ.clear();
        QByteArray json = toJson(s);
        const auto back = sessionFromJson(json);
        QVERIFY(std::holds_alternative<SessionContents>(back));
        QCOMPARE(std::get<SessionContents>(back).state.discrete()->lockedQ, QList<bool>(4, false));
        QVERIFY(std::get<SessionContents>(back).state.discrete()->lockedP.isEmpty());
    }

    void roundTripGivesIdenticalMetrics()
    {
        const DocumentState s = sampleSession().state;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.klscope"));
        QCOMPARE(writeSessionFile(sessionToJson(s), path), QString());
        const auto back = loadSession(path);
        QVERIFY(std::holds_alternative<SessionContents>(back));
        const DocumentState &r = std::get<SessionContents>(back).state;
        const auto options = [](const DocumentState &x) {
            CompareOptions o;
            o.support = x.discrete()->support;
            o.unit = x.unit;
            o.renormalize = x.discrete()->renormalize;
            o.smoothing = x.discrete()->smoothing;
            return o;
        };
        const Comparison a = compare(s.discrete()->p, s.discrete()->q, options(s));
        const Comparison b = compare(r.discrete()->p, r.discrete()->q, options(r));
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
        s.discrete()->p = parseSpec(spec.toStdString());
        const auto back = sessionFromJson(sessionToJson(s));
        QVERIFY(std::holds_alternative<SessionContents>(back));
        QVERIFY(std::get<SessionContents>(back).state.discrete()->p == s.discrete()->p);
        QCOMPARE(QString::fromStdString(formatSpec(std::get<SessionContents>(back).state.discrete()->p)),
                 QString::fromStdString(formatSpec(s.discrete()->p)));
    }

    void badFilesAreRefusedWithAReason_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        // Version 1, whose keys sit at the top level (version 2 reads them with the same checks).
        const QByteArray good = toJsonV1(sampleSession());
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

        // Issue 8: no key is read silently as a default when it holds the wrong type or value.
        QTest::newRow("unit a number")
            << withKey(good, "unit", 3) << QStringLiteral("unit must be nats, bits or bans, not 3");
        QTest::newRow("unit null") << withKey(good, "unit", QJsonValue::Null)
                                   << QStringLiteral("unit must be nats, bits or bans, not null");
        QTest::newRow("unit a list") << withKey(good, "unit", QJsonArray{"bits"})
                                     << QStringLiteral("unit must be nats, bits or bans, not [\"bits\"]");
        QTest::newRow("family a number")
            << withKey(good, "family", 7, "p") << QStringLiteral("p.family must be a string");
        QTest::newRow("parameters a list") << withKey(good, "parameters", QJsonArray{15, 0.4}, "p")
                                           << QStringLiteral("p.parameters must be an object");
        QTest::newRow("parameter a string")
            << withKey(good, "parameters", QJsonObject{{"n", "15"}, {"p", 0.4}}, "p")
            << QStringLiteral("p.n must be a finite number");
        QTest::newRow("masses not a list")
            << withKey(good, "masses", "0.5", "q") << QStringLiteral("q.masses must be a list of numbers");
        QTest::newRow("mass a string") << withKey(good, "masses", QJsonArray{0.5, "0.5"}, "q")
                                       << QStringLiteral("q.masses must be a finite number");
        QTest::newRow("labels not a list")
            << withKey(good, "labels", 1, "q") << QStringLiteral("q.labels must be a list of strings");
        QTest::newRow("locks not a list")
            << withKey(good, "locks", "1", "q") << QStringLiteral("q.locks must be a list of events");
        QTest::newRow("lock not whole") << withKey(good, "locks", QJsonArray{0.5}, "q")
                                        << QStringLiteral("q.locks must hold whole numbers");
        QTest::newRow("smoothing negative")
            << withKey(good, "smoothing", -1e-9) << QStringLiteral("smoothing must be a number >= 0");
        QTest::newRow("smoothing a string")
            << withKey(good, "smoothing", "0") << QStringLiteral("smoothing must be a finite number");
        QTest::newRow("renormalize a number")
            << withKey(good, "renormalize", 1) << QStringLiteral("renormalize must be true or false");
        QTest::newRow("view a list") << withKey(good, "view", QJsonArray{})
                                     << QStringLiteral("view must be an object");
        QTest::newRow("preset a number")
            << withKey(good, "preset", 2) << QStringLiteral("preset must be a string");
        QTest::newRow("autosave_of a bool")
            << withKey(good, "autosave_of", true) << QStringLiteral("autosave_of must be a string");
        QTest::newRow("support a string")
            << withKey(good, "support", "0..15") << QStringLiteral("support must be a list of events");
        QTest::newRow("support one end")
            << withKey(good, "support", QJsonArray{0}) << QStringLiteral("support must be null or [A, B]");
        QTest::newRow("support not whole") << withKey(good, "support", QJsonArray{0, 1.5})
                                           << QStringLiteral("support must hold whole numbers");
        QTest::newRow("overflowing number")
            << QByteArray(good).replace("\"p\": 0.4666", "\"p\": 1e400")
            << QStringLiteral("not a valid session file (illegal number)"); // JSON holds no infinity
    }

    // Sizes are checked before anything of that size is allocated: a 200-byte file that asks for a
    // support of 4.9e7 events is refused at once (it used to take 2.7 GB), and so is a list of masses
    // longer than the limit.
    void oversizedSessionsAreRefusedBeforeAllocating_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        const QByteArray smallFile = "{\"format\": \"klscope-session\", \"version\": 1,\n"
                                     " \"p\": {\"family\": \"poisson\", \"parameters\": {\"lambda\": 3}},\n"
                                     " \"q\": {\"family\": \"poisson\", \"parameters\": {\"lambda\": 4}},\n"
                                     " \"support\": [0, 49000000]}\n";
        QVERIFY(smallFile.size() < 400);
        QTest::newRow("support of 4.9e7 events")
            << smallFile
            << QStringLiteral("support 0..49000000 has 49000001 events, more than the limit of %1")
                   .arg(klscope::kMaxEvents);
        QByteArray masses = "{\"format\": \"klscope-session\", \"version\": 1,\n"
                            " \"p\": {\"family\": \"poisson\", \"parameters\": {\"lambda\": 3}},\n"
                            " \"q\": {\"family\": \"custom\", \"masses\": [1";
        masses += QByteArray(",0").repeated(qsizetype(klscope::kMaxEvents));
        masses += "]}}";
        QTest::newRow("one mass too many")
            << masses
            << QStringLiteral("q.masses has %1 entries, more than the limit of %2 events")
                   .arg(klscope::kMaxEvents + 1)
                   .arg(klscope::kMaxEvents);
    }
    void oversizedSessionsAreRefusedBeforeAllocating()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto result = sessionFromJson(json);
        QVERIFY2(std::holds_alternative<QString>(result), "an oversized session was accepted");
        QCOMPARE(std::get<QString>(result), expected);
    }

    // The session loader refuses what is not a regular file with the same check as the data loaders
    // (textcheck.h), before opening it: a FIFO with no writer used to block the window forever.
    void nonRegularFilesAreRefusedBeforeOpening_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fifo") << "pipe.klscope"
                              << "is a named pipe (FIFO), not a regular file";
        QTest::newRow("folder") << "folder.klscope"
                                << "is a folder, not a file";
        QTest::newRow("link loop") << "loop.klscope"
                                   << "is a symbolic link loop (too many levels of symbolic links)";
        QTest::newRow("too large")
            << "big.klscope"
            << "is 536870913 bytes, larger than the limit of 536870912 bytes (512 MiB)";
    }
    void nonRegularFilesAreRefusedBeforeOpening()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        if (name == QLatin1String("pipe.klscope")) {
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else if (name == QLatin1String("folder.klscope")) {
            QVERIFY(QDir(dir.path()).mkdir(name));
        } else if (name == QLatin1String("loop.klscope")) {
            QVERIFY(QFile::link(dir.filePath("other.klscope"), path));
            QVERIFY(QFile::link(path, dir.filePath("other.klscope")));
        } else {
            QFile big(path);
            QVERIFY(big.open(QIODevice::WriteOnly));
            QVERIFY(big.resize(512LL * 1024 * 1024 + 1)); // sparse: no disk space used
        }
        const auto result = loadSession(path);
        QVERIFY(std::holds_alternative<QString>(result));
        QCOMPARE(std::get<QString>(result),
                 QStringLiteral("Cannot read file %1:\n%2").arg(QDir::toNativeSeparators(path), expected));
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
