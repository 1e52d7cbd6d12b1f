#include "sweepdialog.h"

#include "atomicwriter.h"
#include "distributioneditor.h"
#include "document.h"
#include "exportdialog.h"
#include "jobrunner.h"
#include "numberspinbox.h"
#include "seriesplot.h"

#include <continuousparameters.h>
#include <continuousspec.h>
#include <spec.h>
#include <units.h>

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStringList>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString num(double v)
{
    return QString::number(v, 'g', 4);
}

/// The parameter's description in its family's table (nullopt if the family has no such parameter).
std::optional<klscope::ParameterInfo> parameterInfo(const Document &document, Side side, const QString &name)
{
    std::span<const klscope::ParameterInfo> table;
    if (const ContinuousPair *pair = document.continuousPair())
        table = klscope::parameters(klscope::family(pair->distribution(side)));
    else
        table = klscope::parameters(klscope::family(document.distribution(side)));
    for (const klscope::ParameterInfo &info : table)
        if (qs(info.name) == name)
            return info;
    return std::nullopt;
}

/// The index of a curve's smallest finite value (nullopt if it has none).
std::optional<std::size_t> argMin(const std::vector<double> &y)
{
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < y.size(); ++i)
        if (std::isfinite(y[i]) && (!best || y[i] < y[*best]))
            best = i;
    return best;
}

} // namespace

SweepDialog::SweepDialog(Document *document, Side side, const QString &parameter, QWidget *parent)
    : QDialog(parent), m_document(document), m_side(side), m_parameter(parameter),
      m_plot(new SeriesPlot(this)), m_from(new NumberSpinBox(this)), m_to(new NumberSpinBox(this)),
      m_steps(new QSpinBox(this)), m_apply(new QPushButton(tr("&Sweep"), this)),
      m_exportFigure(new QPushButton(tr("Export &figure…"), this)),
      m_exportCsv(new QPushButton(tr("Export &CSV…"), this)), m_message(new QLabel(this)),
      m_runner(new JobRunner(this))
{
    const QString key = (side == Side::P ? QStringLiteral("p.") : QStringLiteral("q.")) + parameter;
    setWindowTitle(tr("Sweep of %1").arg(key));
    setModal(false);
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("sweepDialog"));

    const std::optional<klscope::ParameterInfo> info = parameterInfo(*document, side, parameter);
    const bool integer = info && info->integer;
    if (info) {
        m_range.from = info->sliderMinimum;
        m_range.to = info->sliderMaximum;
        m_range.steps =
            integer ? std::size_t(std::min(1001.0, info->sliderMaximum - info->sliderMinimum + 1.0)) : 101;
    }
    for (NumberSpinBox *box : {m_from, m_to}) {
        box->setInteger(integer);
        box->setRange(-std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    }
    m_from->setObjectName(QStringLiteral("sweepFrom"));
    m_to->setObjectName(QStringLiteral("sweepTo"));
    m_from->setValue(m_range.from);
    m_to->setValue(m_range.to);
    m_from->setToolTip(tr("The first value of %1").arg(key));
    m_to->setToolTip(tr("The last value of %1").arg(key));
    m_steps->setObjectName(QStringLiteral("sweepSteps"));
    m_steps->setRange(2, 100000);
    m_steps->setValue(int(m_range.steps));
    m_steps->setToolTip(tr("How many evenly spaced values from the first to the last, both included"));
    m_apply->setToolTip(tr("Compute the curves over this range"));
    m_exportFigure->setObjectName(QStringLiteral("sweepExportFigure"));
    m_exportFigure->setToolTip(tr("Save the plot as PNG, JPG, PDF or SVG"));
    // Nothing to export before the first sweep arrives.
    m_exportFigure->setEnabled(false);
    m_exportCsv->setEnabled(false);
    m_exportCsv->setObjectName(QStringLiteral("sweepExportCsv"));
    m_exportCsv->setToolTip(tr("Save the values as CSV, as klscope-cli sweep --out FILE.csv writes them"));
    m_message->setObjectName(QStringLiteral("sweepMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);

    m_plot->setAxisTitles(key, QString());
    m_plot->setMinimumSize(480, 300);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("From"), this));
    controls->addWidget(m_from, 1);
    controls->addWidget(new QLabel(tr("to"), this));
    controls->addWidget(m_to, 1);
    controls->addWidget(new QLabel(tr("steps"), this));
    controls->addWidget(m_steps);
    controls->addWidget(m_apply);
    controls->addSpacing(12);
    controls->addWidget(m_exportFigure);
    controls->addWidget(m_exportCsv);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_message);
    layout->addLayout(controls);
    resize(720, 480);

    connect(m_apply, &QPushButton::clicked, this, &SweepDialog::apply);
    connect(m_exportFigure, &QPushButton::clicked, this, &SweepDialog::exportFigure);
    connect(m_exportCsv, &QPushButton::clicked, this, &SweepDialog::exportCsv);
    connect(m_runner, &JobRunner::failed, this, &SweepDialog::refuse);
    connect(m_document, &Document::comparisonChanged, this, [this] { start(m_range); });
    connect(m_document, &Document::unitChanged, this, [this] { start(m_range); });
    start(m_range);
}

SweepDialog::~SweepDialog() = default;

bool SweepDialog::isRunning() const
{
    return m_runner->isRunning();
}

void SweepDialog::apply()
{
    start({m_from->value(), m_to->value(), std::size_t(m_steps->value())});
}

void SweepDialog::start(const klscope::SweepRange &range)
{
    m_pending = range;
    const klscope::SweepParameter parameter{m_side == Side::P ? klscope::SweepSide::P : klscope::SweepSide::Q,
                                            m_parameter.toStdString()};
    const klscope::Unit unit = m_document->unit();
    if (const ContinuousPair *pair = m_document->continuousPair()) {
        m_runner->start(
            [p = pair->p, q = pair->q, parameter, range, unit](JobControl &control) {
                // A job superseded before it began computes nothing (a drag queues many).
                if (control.cancelled())
                    return klscope::Sweep{};
                return klscope::sweep(p, q, parameter, range, unit);
            },
            [this, range](const klscope::Sweep &s) { draw(s, range); });
    } else {
        m_runner->start(
            [p = m_document->distribution(Side::P), q = m_document->distribution(Side::Q), parameter, range,
             unit](JobControl &control) {
                // A job superseded before it began computes nothing (a drag queues many).
                if (control.cancelled())
                    return klscope::Sweep{};
                return klscope::sweep(p, q, parameter, range, unit);
            },
            [this, range](const klscope::Sweep &s) { draw(s, range); });
    }
}

void SweepDialog::draw(const klscope::Sweep &sweep, const klscope::SweepRange &range)
{
    m_sweep = sweep;
    m_range = range;
    m_message->clear();
    m_message->setVisible(false);

    const QString unit = qs(klscope::unitName(sweep.unit));
    m_plot->setAxisTitles(qs(sweep.parameter), tr("divergence (%1)").arg(unit));
    m_plot->setSeries({
        PlotSeries::line(QStringLiteral("KL(P‖Q)"), PlotSeries::Role::KlPQ, sweep.values, sweep.klPQ),
        PlotSeries::line(QStringLiteral("KL(Q‖P)"), PlotSeries::Role::KlQP, sweep.values, sweep.klQP),
        PlotSeries::line(QStringLiteral("JS"), PlotSeries::Role::Js, sweep.values, sweep.js),
    });
    m_plot->setXRange(range.from, range.to);

    // The current value, labelled, then each curve's minimum as a dashed line in its colour (one line where
    // minima coincide); their values go in the footnote, where close minima cannot overprint each other.
    QList<PlotMarker> markers{{sweep.current, tr("current %1").arg(num(sweep.current)),
                               m_side == Side::P ? PlotSeries::Role::P : PlotSeries::Role::Q}};
    const std::pair<const std::vector<double> *, std::pair<QString, PlotSeries::Role>> curves[] = {
        {&sweep.klPQ, {QStringLiteral("KL(P‖Q)"), PlotSeries::Role::KlPQ}},
        {&sweep.klQP, {QStringLiteral("KL(Q‖P)"), PlotSeries::Role::KlQP}},
        {&sweep.js, {QStringLiteral("JS"), PlotSeries::Role::Js}},
    };
    QList<PlotMarker> minima;
    QStringList texts;
    for (const auto &[y, nameRole] : curves) {
        const std::optional<std::size_t> i = argMin(*y);
        if (!i) {
            texts << tr("%1 has no finite value").arg(nameRole.first);
            continue;
        }
        const double x = sweep.values[*i];
        texts << tr("%1 = %2 at %3").arg(nameRole.first, num((*y)[*i]), num(x));
        if (std::none_of(minima.begin(), minima.end(), [x](const PlotMarker &m) { return m.x == x; }))
            minima.append({x, QString(), nameRole.second});
    }
    m_plot->setFootnote(tr("Minima (dashed lines): %1. Current %2 = %3.")
                            .arg(texts.join(QStringLiteral("; ")), qs(sweep.parameter), num(sweep.current)));
    markers.append(minima);
    m_markers = markers;
    m_plot->setMarkers(markers);
    m_exportFigure->setEnabled(true);
    m_exportCsv->setEnabled(true);
    emit sweepShown();
}

void SweepDialog::refuse(const QString &message)
{
    // The curves drawn stay; the range boxes go back to their range.
    m_message->setText(message);
    m_message->setVisible(true);
    m_from->setValue(m_range.from);
    m_to->setValue(m_range.to);
    m_steps->setValue(int(m_range.steps));
    emit sweepRefused(message);
}

FigureExport SweepDialog::figure() const
{
    return FigureExport({m_plot});
}

QString SweepDialog::writeCsv(const QString &fileName) const
{
    const std::string csv = klscope::sweepCsv(m_sweep);
    return writeFileAtomically(fileName, [&csv](QIODevice *device) {
        return device->write(csv.data(), qint64(csv.size())) == qint64(csv.size()) ? QString()
                                                                                   : device->errorString();
    });
}

void SweepDialog::exportFigure()
{
    ExportDialog dialog(this);
    dialog.setPlotChoiceVisible(false);
    // The folder and format of the last figure, named after the sweep.
    const QFileInfo last(dialog.fileName());
    const QString suffix = last.suffix().isEmpty() ? QStringLiteral("png") : last.suffix();
    dialog.setFileName(
        last.dir().filePath(QStringLiteral("klscope-sweep-%1.%2").arg(qs(m_sweep.parameter), suffix)));
    if (dialog.exec() != QDialog::Accepted)
        return;
    FigureExport exporter = figure();
    exporter.setPhysicalSize(dialog.physicalSize());
    FigureExport::Decorations decorations = dialog.decorations();
    if (dialog.wantsCaption()) {
        // The pair the curves belong to: the swept side at its current value.
        const ContinuousPair *pair = m_document->continuousPair();
        const QString p = pair ? qs(klscope::formatSpec(pair->p))
                               : qs(klscope::formatSpec(m_document->distribution(Side::P)));
        const QString q = pair ? qs(klscope::formatSpec(pair->q))
                               : qs(klscope::formatSpec(m_document->distribution(Side::Q)));
        decorations.caption = tr("P = %1 · Q = %2").arg(p, q);
    }
    exporter.setDecorations(decorations);
    const QString file = dialog.fileName();
    const QString error =
        exporter.write(file, FigureExport::Plot::Distributions, dialog.figureSize(), dialog.scale());
    reportExport(error, tr("Exported the figure to %1.").arg(QDir::toNativeSeparators(file)));
}

void SweepDialog::exportCsv()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("export"));
    QString start = settings.value(QStringLiteral("sweepCsvFile")).toString();
    const QString name = QStringLiteral("klscope-sweep-%1.csv").arg(qs(m_sweep.parameter));
    if (start.isEmpty()) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        start = QDir(folder.isEmpty() ? QDir::homePath() : folder).filePath(name);
    } else {
        start = QFileInfo(start).dir().filePath(name);
    }
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Export Sweep as CSV"), start, tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    settings.setValue(QStringLiteral("sweepCsvFile"), file);
    reportExport(writeCsv(file), tr("Exported %1 values to %2.")
                                     .arg(qulonglong(m_sweep.values.size()))
                                     .arg(QDir::toNativeSeparators(file)));
}

void SweepDialog::reportExport(const QString &error, const QString &success)
{
    m_message->setText(error.isEmpty() ? success : error);
    m_message->setVisible(true);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export"), error);
}

SweepController::SweepController(Document *document, DistributionEditor *p, DistributionEditor *q,
                                 QWidget *parent)
    : QObject(parent), m_document(document), m_window(parent)
{
    for (DistributionEditor *editor : {p, q})
        connect(editor, &DistributionEditor::sweepRequested, this,
                [this](Side side, const QString &parameter) { open(side, parameter); });
}

SweepDialog *SweepController::dialog(Side side, const QString &parameter) const
{
    return m_dialogs.value((side == Side::P ? QStringLiteral("p.") : QStringLiteral("q.")) + parameter);
}

SweepDialog *SweepController::open(Side side, const QString &parameter)
{
    const QString key = (side == Side::P ? QStringLiteral("p.") : QStringLiteral("q.")) + parameter;
    QPointer<SweepDialog> &dialog = m_dialogs[key];
    if (!dialog)
        dialog = new SweepDialog(m_document, side, parameter, m_window);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}
