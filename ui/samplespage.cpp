#include "samplespage.h"

#include "jobrunner.h"
#include "numberspinbox.h"
#include "seriesplot.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace {

// The ladder of the convergence plot and its repetitions per size.
const std::vector<std::size_t> kLadder = {30, 100, 300, 1000, 3000, 10000};
constexpr std::size_t kRepetitions = 20;
constexpr double kOfferedPseudoCount = 0.5;

QString number(double x)
{
    if (std::isnan(x))
        return QStringLiteral("–");
    if (std::isinf(x))
        return x > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    return QString::number(x, 'g', 4);
}

QString interval(const klscope::Estimate &e)
{
    if (std::isnan(e.ciLow))
        return {};
    return QStringLiteral("[%1, %2]").arg(number(e.ciLow), number(e.ciHigh));
}

QTableWidgetItem *cell(const QString &text, const QString &tip = {})
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (!tip.isEmpty())
        item->setToolTip(tip);
    return item;
}

QTableWidget *makeTable(const QStringList &columns, const QStringList &rows)
{
    auto *table = new QTableWidget(int(rows.size()), int(columns.size()));
    table->setHorizontalHeaderLabels(columns);
    table->setVerticalHeaderLabels(rows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The last column stretches, so the table never scrolls sideways; without this its size hint keeps
    // room for a scroll bar, an empty strip under the last row.
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return table;
}

// The verdict of a test's sentence, without its numbers and caveats: "G = 51.9 on 15 degrees of freedom,
// p < 0.0001: A and B do not come from one distribution (rejected ...)" gives "A and B do not come from one
// distribution". The whole sentence is the cell's tooltip.
QString plainVerdict(const QString &sentence)
{
    QString s = sentence;
    const qsizetype colon = s.indexOf(QLatin1String(": "));
    if (colon >= 0)
        s = s.mid(colon + 2);
    const qsizetype paren = s.indexOf(QLatin1String(" ("));
    if (paren > 0)
        s = s.left(paren);
    return s;
}

SamplesOutcome estimate(const SamplesState &s, const klscope::SampleModel &p, const klscope::SampleModel &q,
                        JobControl &control)
{
    SamplesOutcome out;
    try {
        out.truth = klscope::trueDivergences(p, q);
        std::mt19937_64 rng(s.seed);
        std::vector<double> x = klscope::drawSamples(p, static_cast<std::size_t>(s.n), rng);
        std::vector<double> y = klscope::drawSamples(q, static_cast<std::size_t>(s.m), rng);
        klscope::EstimatorOptions options;
        options.smoothing = s.smoothing;
        options.bootstrap = static_cast<std::size_t>(s.bootstrap);
        options.seed = s.seed;
        options.knn = klscope::isContinuous(p);
        out.estimates = klscope::estimateFromSamples(x, y, options, [&] { return control.cancelled(); });
        if (control.cancelled())
            return out;
        out.chunks = klscope::compareByChunks(x, y, {}, s.smoothing);
        klscope::TestSide a, b;
        a.source.type = b.source.type = klscope::import::Source::Type::Samples;
        a.source.name = "P's samples";
        b.source.name = "Q's samples";
        a.source.samples = std::move(x);
        b.source.samples = std::move(y);
        out.tests = klscope::runHypothesisTests(a, b);
    } catch (const std::exception &e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

} // namespace

QList<SamplesPreset> samplesPresets()
{
    QList<SamplesPreset> presets;
    const auto add = [&presets](const char *name, const QString &title, const QString &lesson,
                                SamplesState state) {
        state.preset = QString::fromLatin1(name);
        presets.append({state.preset, title, lesson, std::move(state)});
    };
    add("two-normals", QObject::tr("Two normals (kNN)"),
        QObject::tr("N(0,1) against N(1,2²): the histograms' KL(Q‖P) is infinite (Q's tails reach "
                    "bins P never filled), while the kNN estimator needs no bins."),
        SamplesState());
    SamplesState binomial;
    binomial.p = QStringLiteral("binomial:n=15,p=7/15");
    binomial.q = QStringLiteral("uniform:a=0,b=15");
    binomial.n = binomial.m = 500;
    add("binomial-uniform", QObject::tr("Binomial vs uniform"),
        QObject::tr("The worked example from samples: the plug-in lies above the truth at small n, "
                    "and Miller–Madow removes most of that bias."),
        binomial);
    SamplesState empty = binomial;
    empty.n = 200;
    empty.m = 30;
    add("empty-bins", QObject::tr("Few samples of Q: empty bins"),
        QObject::tr("With 30 samples of Q, some bin where P has samples is empty: the plug-in KL(P‖Q) "
                    "is infinite. A pseudo-count makes it finite, at the price of a bias."),
        empty);
    SamplesState sizes = binomial;
    sizes.n = 5000;
    sizes.m = 250;
    add("different-sizes", QObject::tr("Different sample sizes"),
        QObject::tr("5000 samples against 250: compare the normalised histograms of all of them, and "
                    "test with G; cutting the larger set into chunks only measures chunk noise."),
        sizes);
    return presets;
}

SamplesPage::SamplesPage(QWidget *parent)
    : Page(parent), m_document(new SamplesDocument(this)), m_estimateJobs(new JobRunner(this)),
      m_convergenceJobs(new JobRunner(this))
{
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    // The controls.
    auto *panel = new QWidget;
    panel->setMaximumWidth(330);
    auto *form = new QFormLayout(panel);
    m_preset = new QComboBox;
    m_preset->addItem(tr("(custom)"), QString());
    for (const SamplesPreset &p : samplesPresets())
        m_preset->addItem(p.title, p.name);
    form->addRow(tr("Preset"), m_preset);
    m_lesson = new QLabel;
    m_lesson->setWordWrap(true);
    form->addRow(m_lesson);
    m_pEdit = new QLineEdit;
    m_pEdit->setToolTip(tr("P as a spec: normal:mu=0,sigma=1, binomial:n=15,p=7/15, …"));
    form->addRow(tr("P"), m_pEdit);
    m_qEdit = new QLineEdit;
    m_qEdit->setToolTip(tr("Q as a spec, of the same domain as P."));
    form->addRow(tr("Q"), m_qEdit);
    m_fromCompare = new QPushButton(tr("P and Q from the Compare page"));
    m_fromCompare->setObjectName(QStringLiteral("samplesFromCompare"));
    m_fromCompare->setToolTip(
        tr("Draw the samples from the Compare page's current P and Q (whole distributions: its support, "
           "renormalising and smoothing do not apply to the draws)."));
    m_fromCompare->hide();
    form->addRow(m_fromCompare);
    m_n = new NumberSpinBox;
    m_n->setInteger(true);
    m_n->setRange(2, SamplesDocument::kMaxSamples);
    form->addRow(tr("n (samples of P)"), m_n);
    m_m = new NumberSpinBox;
    m_m->setInteger(true);
    m_m->setRange(2, SamplesDocument::kMaxSamples);
    form->addRow(tr("m (samples of Q)"), m_m);
    m_seed = new NumberSpinBox;
    m_seed->setInteger(true);
    m_seed->setRange(0, 1'000'000'000);
    m_draw = new QPushButton(tr("&Draw"));
    m_draw->setToolTip(tr("Draw new samples (the next seed)."));
    auto *seedRow = new QHBoxLayout;
    seedRow->addWidget(m_seed, 1);
    seedRow->addWidget(m_draw);
    form->addRow(tr("Seed"), seedRow);
    m_smoothing = new NumberSpinBox;
    m_smoothing->setRange(0, 1000);
    m_smoothing->setSingleStep(0.1);
    m_smoothing->setToolTip(
        tr("Pseudo-count α added to every bin of both histograms (plug-in and Miller–Madow)."));
    form->addRow(tr("Smoothing α"), m_smoothing);
    m_bootstrap = new NumberSpinBox;
    m_bootstrap->setInteger(true);
    m_bootstrap->setRange(0, SamplesDocument::kMaxBootstrap);
    m_bootstrap->setToolTip(tr("Bootstrap resamples for the 95 % percentile intervals (0: none)."));
    form->addRow(tr("Bootstrap B"), m_bootstrap);
    auto *about = new QLabel(tr(
        "Plug-in: the KL of the normalised histograms on shared bins. Miller–Madow subtracts its bias "
        "(K−1)/2n and the cross-entropy term. kNN (Wang, Kulkarni & Verdú 2009) uses distances to the k-th "
        "nearest sample, no bins."));
    about->setWordWrap(true);
    form->addRow(about);
    outer->addWidget(panel);

    // The results.
    auto *results = new QWidget;
    auto *grid = new QGridLayout(results);
    grid->setContentsMargins(0, 0, 0, 0);
    m_estimates =
        makeTable({tr("KL(P‖Q) [95 % interval]"), tr("KL(Q‖P) [95 % interval]"), tr("JS [95 % interval]")},
                  {tr("plug-in"), tr("Miller–Madow"), tr("kNN"), tr("truth")});
    m_estimates->setObjectName(QStringLiteral("samplesEstimates"));
    m_estimates->setWordWrap(false);
    grid->addWidget(m_estimates, 0, 0, 1, 2);

    auto *testsBox = new QWidget;
    auto *testsLayout = new QVBoxLayout(testsBox);
    testsLayout->setContentsMargins(0, 0, 0, 0);
    m_gLabel = new QLabel;
    m_gLabel->setObjectName(QStringLiteral("samplesGTest"));
    m_gLabel->setWordWrap(true);
    m_gLabel->setTextFormat(Qt::RichText);
    testsLayout->addWidget(m_gLabel);
    m_tests = makeTable({tr("statistic"), tr("df"), tr("p-value"), tr("in words")},
                        {tr("G-test"), tr("Pearson χ²"), tr("Z-test"), tr("Welch's t")});
    m_tests->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_tests->setObjectName(QStringLiteral("samplesTests"));
    m_tests->setWordWrap(true);
    testsLayout->addWidget(m_tests);
    grid->addWidget(testsBox, 1, 0, 1, 2);

    m_infinityBox = new QFrame;
    static_cast<QFrame *>(m_infinityBox)->setFrameShape(QFrame::StyledPanel);
    auto *infinityLayout = new QHBoxLayout(m_infinityBox);
    m_infinityLabel = new QLabel;
    m_infinityBox->setObjectName(QStringLiteral("samplesEmptyBin"));
    m_infinityLabel->setWordWrap(true);
    m_smoothButton = new QPushButton(tr("Add a pseudo-count of %1").arg(kOfferedPseudoCount));
    infinityLayout->addWidget(m_infinityLabel, 1);
    infinityLayout->addWidget(m_smoothButton);
    m_infinityBox->hide();
    grid->addWidget(m_infinityBox, 2, 0, 1, 2);

    m_histograms = new SeriesPlot;
    m_histograms->setObjectName(QStringLiteral("samplesHistograms"));
    m_histograms->setAxisTitles(tr("x"), tr("normalised count"));
    m_histograms->setMinimumHeight(200);
    grid->addWidget(m_histograms, 3, 0);
    m_convergence = new SeriesPlot;
    m_convergence->setObjectName(QStringLiteral("samplesConvergence"));
    m_convergence->setAxisTitles(tr("n (samples of P)"), tr("KL(P‖Q) estimate, nats"));
    m_convergence->setLogXScale(true);
    m_convergence->setXRange(20, 15000);
    m_convergence->setMinimumHeight(200);
    grid->addWidget(m_convergence, 3, 1);
    grid->setRowStretch(3, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    m_chunks = new QLabel;
    m_chunks->setObjectName(QStringLiteral("samplesChunks"));
    m_chunks->setWordWrap(true);
    m_chunks->setTextFormat(Qt::RichText);
    grid->addWidget(m_chunks, 4, 0, 1, 2);
    // On a small screen the results scroll rather than squeeze the plots over the text below them.
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("samplesResults"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(results);
    outer->addWidget(scroll, 1);

    // Controls → document.
    connect(m_preset, &QComboBox::activated, this, [this](int index) {
        if (!m_showing && index > 0)
            loadPreset(m_preset->itemData(index).toString());
    });
    connect(m_pEdit, &QLineEdit::editingFinished, this, [this] {
        if (!m_showing && m_pEdit->text().trimmed() != m_document->state().p &&
            !m_document->setP(m_pEdit->text()))
            showState();
    });
    connect(m_qEdit, &QLineEdit::editingFinished, this, [this] {
        if (!m_showing && m_qEdit->text().trimmed() != m_document->state().q &&
            !m_document->setQ(m_qEdit->text()))
            showState();
    });
    // A refused value (out of range) goes back to the document's.
    const auto whole = [this](double v, const auto &set) {
        if (!m_showing && !set(static_cast<int>(std::clamp(v, -1.0, 2e9))))
            showState();
    };
    connect(m_n, &NumberSpinBox::valueChanged, this,
            [this, whole](double v) { whole(v, [this](int n) { return m_document->setN(n); }); });
    connect(m_m, &NumberSpinBox::valueChanged, this,
            [this, whole](double v) { whole(v, [this](int m) { return m_document->setM(m); }); });
    connect(m_seed, &NumberSpinBox::valueChanged, this, [this, whole](double v) {
        whole(v, [this](int seed) { return seed >= 0 && m_document->setSeed(static_cast<quint64>(seed)); });
    });
    connect(m_fromCompare, &QPushButton::clicked, this, &SamplesPage::takeComparePair);
    connect(m_draw, &QPushButton::clicked, this,
            [this] { m_document->setSeed(m_document->state().seed + 1); });
    connect(m_smoothing, &NumberSpinBox::valueChanged, this, [this](double v) {
        if (!m_showing && !m_document->setSmoothing(v))
            showState();
    });
    connect(m_bootstrap, &NumberSpinBox::valueChanged, this,
            [this, whole](double v) { whole(v, [this](int b) { return m_document->setBootstrap(b); }); });
    connect(m_smoothButton, &QPushButton::clicked, this,
            [this] { m_document->setSmoothing(kOfferedPseudoCount); });

    // Document → views and jobs.
    connect(m_document, &SamplesDocument::stateChanged, this, [this] {
        showState();
        startJobs();
        emit statusChanged();
    });
    connect(m_document, &DocumentBase::editRefused, this,
            [this](const QString &message) { emit statusMessage(message, 6000); });
    for (JobRunner *runner : {m_estimateJobs, m_convergenceJobs}) {
        connect(runner, &JobRunner::failed, this,
                [this](const QString &message) { emit statusMessage(message, 6000); });
        connect(runner, &JobRunner::busyChanged, this, &Page::statusChanged);
    }

    showState();
    startJobs();
}

SamplesPage::~SamplesPage() = default;

void SamplesPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (m_pending)
        startJobs();
}

void SamplesPage::startJobs()
{
    // A hidden page (the window opens on another one) computes nothing until it is shown.
    m_pending = !isVisible();
    if (m_pending)
        return;
    startEstimates();
    startConvergence();
}

QString SamplesPage::title() const
{
    return tr("Samples");
}

DocumentBase *SamplesPage::documentBase() const
{
    return m_document;
}

QList<const PlotWidget *> SamplesPage::figurePlots() const
{
    return {m_histograms, m_convergence};
}

QString SamplesPage::statusText() const
{
    const SamplesState &s = m_document->state();
    return tr("n = %1, m = %2 · seed %3 · nats%4")
        .arg(s.n)
        .arg(s.m)
        .arg(s.seed)
        .arg(isBusy() ? tr(" · computing…") : QString());
}

void SamplesPage::setTextScale(double factor)
{
    m_histograms->setTextScale(factor);
    m_convergence->setTextScale(factor);
}

void SamplesPage::resetZoom()
{
    m_histograms->resetZoom();
    m_convergence->resetZoom();
}

bool SamplesPage::loadPreset(const QString &name)
{
    for (const SamplesPreset &p : samplesPresets())
        if (p.name == name)
            return m_document->setState(p.state, tr("Load preset %1").arg(p.title));
    return false;
}

void SamplesPage::setComparePairSource(PairSource source)
{
    m_pairSource = std::move(source);
    m_fromCompare->setVisible(bool(m_pairSource));
}

bool SamplesPage::takeComparePair()
{
    if (!m_pairSource)
        return false;
    const auto pair = m_pairSource();
    if (const QString *why = std::get_if<QString>(&pair)) {
        emit statusMessage(*why, 6000);
        return false;
    }
    SamplesState next = m_document->state();
    next.p = std::get<0>(pair).first;
    next.q = std::get<0>(pair).second;
    next.preset.clear();
    // A refusal (a pair the samples cannot be drawn from) reaches the status bar through editRefused.
    return m_document->setState(next, tr("Take P and Q from the Compare page"));
}

bool SamplesPage::isBusy() const
{
    return m_estimateJobs->isRunning() || m_convergenceJobs->isRunning();
}

void SamplesPage::showState()
{
    m_showing = true;
    const SamplesState &s = m_document->state();
    m_pEdit->setText(s.p);
    m_qEdit->setText(s.q);
    m_n->setValue(s.n);
    m_m->setValue(s.m);
    m_seed->setValue(static_cast<int>(std::min<quint64>(s.seed, 1'000'000'000)));
    m_smoothing->setValue(s.smoothing);
    m_bootstrap->setValue(s.bootstrap);
    const int index = m_preset->findData(s.preset);
    m_preset->setCurrentIndex(index < 0 ? 0 : index);
    m_lesson->clear();
    for (const SamplesPreset &p : samplesPresets())
        if (p.name == s.preset)
            m_lesson->setText(p.lesson);
    m_lesson->setVisible(!m_lesson->text().isEmpty());
    m_showing = false;
}

void SamplesPage::startEstimates()
{
    m_estimateJobs->start([s = m_document->state(), p = m_document->p(),
                           q = m_document->q()](JobControl &control) { return estimate(s, p, q, control); },
                          [this](const SamplesOutcome &outcome) {
                              m_outcome = outcome;
                              showOutcome();
                              emit estimatesUpdated();
                          });
}

void SamplesPage::startConvergence()
{
    const SamplesState &s = m_document->state();
    klscope::ConvergenceOptions options;
    options.sizes = kLadder;
    options.repetitions = kRepetitions;
    options.ratio = static_cast<double>(s.m) / static_cast<double>(s.n);
    options.seed = s.seed;
    options.smoothing = s.smoothing;
    m_convergenceJobs->start(
        [options, p = m_document->p(), q = m_document->q()](JobControl &control) {
            return klscope::convergence(p, q, options, [&](double fraction) {
                control.progress(fraction);
                return control.cancelled();
            });
        },
        [this](const klscope::Convergence &ladder) {
            m_ladder = ladder;
            drawConvergence();
            emit convergenceUpdated();
        });
}

void SamplesPage::showOutcome()
{
    const SamplesOutcome &o = *m_outcome;
    m_estimates->clearContents();
    m_tests->clearContents();
    if (!o.error.isEmpty()) {
        m_gLabel->setText(o.error.toHtmlEscaped());
        m_infinityBox->hide();
        m_chunks->clear();
        m_histograms->setSeries({});
        return;
    }
    const klscope::SampleEstimates &e = o.estimates;
    const auto fillRow = [&](int row, const klscope::EstimatorValues &v) {
        if (!v.applies()) {
            m_estimates->setItem(row, 0, cell(tr("does not apply"), QString::fromStdString(v.reason)));
            return;
        }
        int column = 0;
        for (const klscope::Estimate *x : {&v.klPQ, &v.klQP, &v.js}) {
            const QString ci = interval(*x);
            m_estimates->setItem(row, column++,
                                 cell(std::isnan(x->value) || ci.isEmpty()
                                          ? number(x->value)
                                          : number(x->value) + QLatin1Char(' ') + ci,
                                      QString::fromStdString(x->infinite)));
        }
    };
    fillRow(0, e.plugin);
    fillRow(1, e.millerMadow);
    fillRow(2, e.knn);
    m_estimates->setItem(3, 0, cell(number(o.truth.klPQ)));
    m_estimates->setItem(3, 1, cell(number(o.truth.klQP)));
    m_estimates->setItem(3, 2, cell(number(o.truth.js)));

    // Why an estimate is infinite, and the remedy offered right there.
    QStringList why;
    if (!e.plugin.klPQ.infinite.empty())
        why << tr("KL(P‖Q) from the samples is infinite: %1.")
                   .arg(QString::fromStdString(e.plugin.klPQ.infinite));
    if (!e.plugin.klQP.infinite.empty())
        why << tr("KL(Q‖P) from the samples is infinite: %1.")
                   .arg(QString::fromStdString(e.plugin.klQP.infinite));
    if (!why.isEmpty())
        why << tr(
            "An empty bin gives that side probability 0 there, so ln(p/q) is infinite however small its "
            "true probability is. A pseudo-count added to every bin makes the estimate finite, and pulls "
            "it towards the uniform histogram.");
    m_infinityLabel->setText(why.join(QLatin1Char(' ')));
    m_infinityBox->setVisible(!why.isEmpty());

    // The normalised histograms: what is compared when n and m differ.
    const klscope::import::Binning &b = e.histogramP.binning;
    std::vector<double> x(b.count), p(b.count), q(b.count);
    for (std::size_t i = 0; i < b.count; ++i) {
        x[i] = b.integer ? b.edge(i) : b.edge(i) + b.width / 2;
        p[i] = e.histogramP.counts[i] / static_cast<double>(e.n);
        q[i] = e.histogramQ.counts[i] / static_cast<double>(e.m);
    }
    PlotSeries sp{tr("P̂ = counts / n (n = %1)").arg(e.n), PlotSeries::Kind::Steps, PlotSeries::Role::P, x, p};
    PlotSeries sq{tr("Q̂ = counts / m (m = %1)").arg(e.m), PlotSeries::Kind::Steps, PlotSeries::Role::Q, x, q};
    m_histograms->setSeries({sp, sq});
    m_histograms->setFootnote(QString::fromStdString(b.description));

    // The hypothesis tests, G first.
    const klscope::HypothesisTests &t = o.tests;
    int row = 0;
    for (const klscope::TestResult *r : {&t.gTest, &t.chiSquare, &t.zTest, &t.welchT}) {
        if (!r->applies) {
            m_tests->setItem(row, 3, cell(tr("does not apply: %1").arg(QString::fromStdString(r->reason))));
        } else {
            m_tests->setItem(row, 0, cell(number(r->statistic)));
            m_tests->setItem(row, 1, cell(std::isnan(r->df) ? QStringLiteral("–") : number(r->df)));
            m_tests->setItem(row, 2, cell(number(r->pValue)));
            const QString sentence = QString::fromStdString(r->sentence);
            const QString verdict = plainVerdict(sentence);
            const QString words =
                r->reading.empty()
                    ? verdict
                    : tr("“%1”, the material's reading of |z|").arg(QString::fromStdString(r->reading));
            m_tests->setItem(row, 3, cell(words, sentence));
        }
        ++row;
    }
    if (t.gTest.applies)
        m_gLabel->setText(
            tr("<b>G-test of homogeneity: G = 2N·KL(empirical ‖ pooled) = %1</b>, df %2, p = %3. "
               "%4")
                .arg(number(t.gTest.statistic), number(t.gTest.df), number(t.gTest.pValue),
                     QString::fromStdString(t.gTest.sentence).toHtmlEscaped()));
    else
        m_gLabel->setText(
            tr("<b>G-test</b>: %1").arg(QString::fromStdString(t.gTest.reason).toHtmlEscaped()));

    // The chunk approach beside the proper one.
    if (o.chunks) {
        const klscope::ChunkComparison &c = *o.chunks;
        const QString chunkKl =
            c.infiniteChunks == c.chunkKl.size()
                ? tr("every chunk KL(P‖Q) infinite")
                : tr("chunk KL(P‖Q) mean %1 ± %2%3")
                      .arg(number(c.mean), number(c.sd))
                      .arg(c.infiniteChunks > 0 ? tr(" (%1 chunks infinite)").arg(c.infiniteChunks)
                                                : QString());
        m_chunks->setText(
            tr("<b>Different sizes, the material's way:</b> %1 cut into %2 chunk(s) of %3: %4. <b>The proper "
               "way:</b> plug-in KL(P‖Q) from all %5 + %6 samples %7; G-test of homogeneity p = %8. "
               "<i>%9</i>")
                .arg(c.pIsLarger ? tr("P's samples") : tr("Q's samples"))
                .arg(c.chunkKl.size())
                .arg(c.chunkSize)
                .arg(chunkKl)
                .arg(e.n)
                .arg(e.m)
                .arg(number(c.properKl), number(c.gTest.pValue),
                     QString::fromStdString(c.note).toHtmlEscaped()));
    }
}

void SamplesPage::drawConvergence()
{
    const klscope::Convergence &c = *m_ladder;
    QList<PlotSeries> series;
    const PlotSeries::Role roles[] = {PlotSeries::Role::KlPQ, PlotSeries::Role::KlQP, PlotSeries::Role::Js};
    for (std::size_t i = 0; i < c.curves.size(); ++i) {
        const klscope::ConvergenceCurve &curve = c.curves[i];
        const PlotSeries::Role role = roles[std::min<std::size_t>(i, 2)];
        // The band: the 10 % and 90 % quantiles across the repetitions, thin and out of the legend.
        series.append(PlotSeries::line(QString(), role, c.n, curve.low, true));
        series.append(PlotSeries::line(QString(), role, c.n, curve.high, true));
        QString name = QString::fromStdString(curve.name);
        if (name == QLatin1String("Miller-Madow"))
            name = tr("Miller–Madow");
        series.append(PlotSeries::line(name, role, c.n, curve.median));
    }
    series.append(PlotSeries::line(tr("truth"), PlotSeries::Role::Neutral, c.n,
                                   std::vector<double>(c.n.size(), c.truth.klPQ), true));
    m_convergence->setSeries(series);
    m_convergence->setFootnote(
        tr("Median and 10–90 % band of %1 repetitions at each n, m = %2·n; a gap is an "
           "infinite estimate (an empty bin of Q).")
            .arg(kRepetitions)
            .arg(static_cast<double>(m_document->state().m) / m_document->state().n, 0, 'g', 3));
}
