#pragma once

// Session pages for the session tests (tst_session, tst_sessionwindow): a state of every page away from its
// default, and one bad value for each key of the newer pages with the start of the refusal it must get.

#include "session.h"
#include "sessionpages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QtTest>

// A state of every page, each away from its default.
inline SessionPages everyPage()
{
    SessionPages pages;
    pages.fit = FitState{};
    pages.fit->alpha = 0.75;
    pages.normal2 = Normal2State{};
    pages.normal2->p = Normal2Params{0.5, -0.25, 2.0, 0.5, 0.75};
    pages.normal2->meanField = true;
    pages.normal2->reverseIntegrand = true;
    pages.normal2->preset = QStringLiteral("mean-field");
    pages.vae = VaeState{};
    pages.vae->mu = {0.5, -1.25, 0.0};
    pages.vae->logvar = {-0.5, 0.125, 0.0};
    pages.vae->threshold = 0.125;
    pages.vae->order = VaeOrder::ByKl;
    pages.vae->source = QStringLiteral("vae-collapse");
    pages.samples = SamplesState{};
    pages.samples->p = QStringLiteral("poisson:lambda=3");
    pages.samples->q = QStringLiteral("poisson:lambda=4");
    pages.samples->n = 250;
    pages.samples->m = 4000;
    pages.samples->seed = 42;
    pages.samples->smoothing = 0.5;
    pages.samples->bootstrap = 50;
    pages.images = ImagesState{};
    pages.images->sourceA.path = QStringLiteral("/photos/a.png");
    pages.images->sourceB = ImageSource{QStringLiteral("/photos/a.png"), 7u};
    pages.images->channel = klscope::import::ImageChannel::Green;
    pages.images->bins = 16;
    return pages;
}

/// Column page: one row for each name "page" accepts.
inline void addPageNameRows()
{
    QTest::addColumn<QString>("page");
    for (const QString &name : sessionPageNames())
        QTest::newRow(qPrintable(name)) << name;
}

/// Columns page, key, value (a bad value for pages.<page>.<key>) and expected (the refusal's start), one
/// row for each key of the 2-D, VAE, samples and Images pages.
inline void addBadPageRows()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *page, const char *key, const QJsonValue &value, const char *expected) {
        QTest::addRow("%s.%s", page, key)
            << QString::fromLatin1(page) << QString::fromLatin1(key) << value << QString::fromUtf8(expected);
    };
    row("normal2", "p", QJsonObject{{"mu1", 0}, {"mu2", 0}, {"var1", 1}, {"var2", 1}, {"cov", 2}},
        "pages.normal2.p: ");
    row("normal2", "q", QJsonObject{{"mu1", 0}, {"mu2", 0}, {"var1", 1}, {"var2", 1}},
        "pages.normal2.q.cov is missing");
    row("normal2", "q", QJsonObject{{"mu1", "x"}, {"mu2", 0}, {"var1", 1}, {"var2", 1}, {"cov", 0}},
        "pages.normal2.q.mu1 must be a finite number");
    const QJsonObject unit{{"mu1", 0}, {"mu2", 0}, {"var1", 1}, {"var2", 1}, {"cov", 0}};
    row("normal2", "mixture", "two", "pages.normal2.mixture must be a list of components");
    row("normal2", "mixture", QJsonArray{3}, "pages.normal2.mixture[0] is not an object");
    row("normal2", "mixture", QJsonArray{unit}, "pages.normal2.mixture[0].weight is missing");
    QJsonObject weightless = unit;
    weightless.insert(QStringLiteral("weight"), 0);
    row("normal2", "mixture", QJsonArray{weightless}, "pages.normal2.mixture[0].weight must be a number > 0");
    QJsonObject singular = unit;
    singular.insert(QStringLiteral("weight"), 1);
    singular.insert(QStringLiteral("cov"), 2);
    row("normal2", "mixture", QJsonArray{singular}, "pages.normal2.mixture[0]: ");
    row("normal2", "mean_field", 1, "pages.normal2.mean_field must be true or false");
    row("normal2", "reverse_integrand", "yes", "pages.normal2.reverse_integrand must be true or false");
    row("normal2", "preset", 3, "pages.normal2.preset must be a string");
    row("vae", "threshold", -0.5, "pages.vae.threshold must be a number >= 0");
    row("vae", "threshold", "high", "pages.vae.threshold must be a number >= 0");
    row("vae", "order", "random", "pages.vae.order must be \"dimension\" or \"kl\"");
    row("vae", "example", QJsonObject{{"mu", QJsonArray{1, 2}}, {"logvar", QJsonArray{0}}}, "pages.vae: ");
    row("vae", "example", QJsonObject{{"mu", QJsonArray{1, "x"}}, {"logvar", QJsonArray{0, 0}}},
        "pages.vae.example.mu must be a finite number");
    row("vae", "example", 5, "pages.vae.example is missing or not an object");
    row("vae", "file", QJsonObject{{"path", ""}}, "pages.vae.file.path must name the CSV file");
    row("vae", "file", QJsonObject{{"path", "/x.csv"}, {"modified", "yesterday"}}, "pages.vae.file.modified");
    row("vae", "source", true, "pages.vae.source must be a string");
    row("samples", "p", "normal:mu=0,sigma=-1", "pages.samples.p: ");
    row("samples", "q", "normal:mu=0,sigma=1", "pages.samples.q: P and Q must both be");
    row("samples", "q", 7, "pages.samples.q must be a spec string");
    row("samples", "n", 1, "pages.samples.n must be a whole number between 2 and 1000000");
    row("samples", "m", 2.5, "pages.samples.m must be a whole number between 2 and 1000000");
    row("samples", "seed", -1, "pages.samples.seed must be a whole number");
    row("samples", "smoothing", 5000, "pages.samples.smoothing must be a number between 0 and 1000");
    row("samples", "bootstrap", 100000, "pages.samples.bootstrap must be a whole number between 0 and 5000");
    row("samples", "preset", QJsonArray{}, "pages.samples.preset must be a string");
    row("images", "a", "shapes.png", "pages.images.a must be null or an object");
    row("images", "b", QJsonObject{{"path", "/x.png"}, {"shuffle_seed", -3}}, "pages.images.b.shuffle_seed");
    row("images", "b", QJsonObject{{"path", 4}}, "pages.images.b.path must be a string");
    row("images", "channel", "alpha", "pages.images.channel must be \"grey\", \"r\", \"g\" or \"b\"");
    row("images", "bins", 100, "pages.images.bins must divide 256");
    row("images", "bins", 512, "pages.images.bins must be a whole number between 1 and 256");
}

/// The session of everyPage() with pages.<page>.<key> set to `value`. The VAE page holds one of "example",
/// "file" and "batch": setting "file" drops the example.
inline QByteArray sessionWithBadKey(const QString &page, const QString &key, const QJsonValue &value)
{
    QJsonObject o = QJsonDocument::fromJson(sessionToJson(DocumentState{}, QString(), everyPage())).object();
    QJsonObject pages = o.value(QStringLiteral("pages")).toObject();
    QJsonObject part = pages.value(page).toObject();
    if (key == QLatin1String("file"))
        part.remove(QStringLiteral("example"));
    part.insert(key, value);
    pages.insert(page, part);
    o.insert(QStringLiteral("pages"), pages);
    return QJsonDocument(o).toJson();
}
