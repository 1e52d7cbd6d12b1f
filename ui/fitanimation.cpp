#include "fitanimation.h"

#include "eventreadout.h"
#include "numberspinbox.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

/// A learning rate each method handles on the lab's presets: gradient descent's step is the gradient
/// times the rate, stable below 2 / the largest curvature (about 10 in log σ at the bimodal target's broad
/// reverse fit: 0.3 there oscillates for ever); Adam's step is about the rate.
constexpr double kGradientDescentRate = 0.1;
constexpr double kAdamRate = 0.05;
constexpr std::size_t kMaxSteps = 5000;

QString statusWord(klscope::DescentStatus status)
{
    switch (status) {
    case klscope::DescentStatus::Running:
        return {};
    case klscope::DescentStatus::Converged:
        return QObject::tr(", converged");
    case klscope::DescentStatus::MaxSteps:
        return QObject::tr(", step limit");
    case klscope::DescentStatus::Failed:
        return QObject::tr(", stuck (infinite KL)");
    }
    return {};
}

} // namespace

FitAnimation::FitAnimation(QWidget *parent) : QWidget(parent), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("fitAnimation"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_scroll = new QScrollArea;
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(m_scroll);
    m_bar = new QWidget;
    auto *layout = new QVBoxLayout(m_bar);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    auto *row = new QHBoxLayout;
    layout->addLayout(row);

    row->addWidget(new QLabel(tr("Click sets:")));
    m_clickMode = new QComboBox;
    m_clickMode->setObjectName(QStringLiteral("clickModeCombo"));
    m_clickMode->addItems({tr("Q"), tr("animation start")});
    m_clickMode->setToolTip(
        tr("What a click on a landscape does: set the picked Q (an edit, undoable), or set "
           "where the animated descent of both directions starts (a view setting, not "
           "an edit)."));
    row->addWidget(m_clickMode);

    m_method = new QComboBox;
    m_method->setObjectName(QStringLiteral("descentMethodCombo"));
    m_method->addItems({tr("gradient descent"), tr("Adam")});
    m_method->setToolTip(tr("Gradient descent or Adam (Kingma and Ba 2015) in the unconstrained coordinates "
                            "(log σ, logit p), with a central-difference gradient."));
    row->addWidget(m_method);
    row->addWidget(new QLabel(tr("rate")));
    m_rate = new NumberSpinBox;
    m_rate->setObjectName(QStringLiteral("learningRateSpin"));
    m_rate->setRange(1e-4, 10);
    m_rate->setSingleStep(0.01);
    m_rate->setValue(kGradientDescentRate);
    m_rate->setToolTip(tr("The learning rate, in coordinate units (log σ, μ …) per unit of gradient "
                          "(gradient descent) or per step (Adam)."));
    row->addWidget(m_rate);
    row->addWidget(new QLabel(tr("speed")));
    m_speed = new NumberSpinBox;
    m_speed->setObjectName(QStringLiteral("speedSpin"));
    m_speed->setInteger(true);
    m_speed->setRange(1, 60);
    m_speed->setValue(10);
    m_speed->setToolTip(tr("How many steps Play takes each second (1 to 60)."));
    row->addWidget(m_speed);
    row->addWidget(new QLabel(tr("steps/s")));

    row->addStretch(1);
    // The buttons and the status on a second row, so the bar fits beside the left panel at 1024 wide.
    auto *buttons = new QHBoxLayout;
    layout->addLayout(buttons);
    const auto button = [buttons](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QToolButton;
        b->setText(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        buttons->addWidget(b);
        return b;
    };
    m_play = button(tr("Play"), QStringLiteral("animationPlay"),
                    tr("Play the descent of both directions at once; press again to pause."));
    m_play->setCheckable(true);
    m_step = button(tr("Step"), QStringLiteral("animationStep"), tr("One step of each direction."));
    m_reset = button(tr("Reset"), QStringLiteral("animationReset"), tr("Back to the start."));
    m_export = button(tr("Export frames"), QStringLiteral("animationExport"),
                      tr("Write the figure at each of the next steps as numbered files frame-0001.png … (or "
                         ".svg) into an empty folder."));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_export);
    menu->addAction(tr("PNG frames…"), this, [this] { exportFramesInteractively(QStringLiteral("png")); });
    menu->addAction(tr("SVG frames…"), this, [this] { exportFramesInteractively(QStringLiteral("svg")); });
    m_export->setMenu(menu);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("animationStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    buttons->addWidget(m_status, 1);

    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!step())
            pause();
    });
    connect(m_play, &QToolButton::toggled, this, [this](bool on) { on ? play() : pause(); });
    connect(m_step, &QToolButton::clicked, this, [this] {
        pause();
        step();
    });
    connect(m_reset, &QToolButton::clicked, this, [this] {
        pause();
        restart();
        emit changed();
    });
    connect(m_speed, &NumberSpinBox::valueChanged, this, [this](double perSecond) {
        m_timer->setInterval(int(std::lround(1000.0 / std::clamp(perSecond, 1.0, 60.0))));
    });
    m_timer->setInterval(1000 / 10);
    connect(m_method, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_rate->setValue(index == 1 ? kAdamRate : kGradientDescentRate);
        if (m_descents[0]) {
            restart();
            emit changed();
        }
    });
    connect(m_rate, &NumberSpinBox::valueChanged, this, [this] {
        if (m_descents[0]) {
            restart();
            emit changed();
        }
    });
    m_scroll->setWidget(m_bar);
    showStatus();
}

FitAnimation::~FitAnimation() = default;

void FitAnimation::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const bool scrolls = m_bar->minimumSizeHint().width() > event->size().width();
    const int height =
        m_bar->sizeHint().height() + (scrolls ? m_scroll->horizontalScrollBar()->sizeHint().height() : 0);
    if (m_scroll->height() != height)
        m_scroll->setFixedHeight(height);
}

void FitAnimation::setProblem(std::shared_ptr<const klscope::FitObjective> objective,
                              std::vector<double> fallbackStart)
{
    pause();
    m_objective = std::move(objective);
    m_fallbackStart = std::move(fallbackStart);
    if (m_start.size() != m_fallbackStart.size())
        m_start.clear();
    m_descents = {};
    showStatus();
    emit changed();
}

void FitAnimation::setStart(std::vector<double> start)
{
    pause();
    const std::vector<double> previous = m_start;
    m_start = std::move(start);
    if (!restart()) {
        m_start = previous;
        return;
    }
    emit changed();
}

bool FitAnimation::clickSetsStart() const
{
    return m_clickMode->currentIndex() == 1;
}

const klscope::Descent *FitAnimation::descent(int direction) const
{
    return direction >= 0 && direction < 2 && m_descents[std::size_t(direction)]
               ? &*m_descents[std::size_t(direction)]
               : nullptr;
}

klscope::DescentOptions FitAnimation::options() const
{
    klscope::DescentOptions o;
    o.method = m_method->currentIndex() == 1 ? klscope::DescentMethod::Adam
                                             : klscope::DescentMethod::GradientDescent;
    o.learningRate = m_rate->value();
    o.maxSteps = kMaxSteps;
    return o;
}

bool FitAnimation::restart()
{
    m_descents = {};
    const std::vector<double> &start = m_start.empty() ? m_fallbackStart : m_start;
    if (!m_objective || start.empty()) {
        showStatus();
        return false;
    }
    try {
        for (std::size_t i = 0; i < kDirections.size(); ++i)
            m_descents[i].emplace(m_objective, kDirections[i], start, options());
    } catch (const std::exception &e) {
        m_descents = {};
        emit message(tr("The animation cannot start there: %1").arg(QString::fromStdString(e.what())));
        showStatus();
        return false;
    }
    showStatus();
    return true;
}

bool FitAnimation::step()
{
    if (!m_descents[0] && !restart())
        return false;
    bool moved = false;
    for (auto &d : m_descents)
        if (d && !d->finished()) {
            d->step();
            moved = true;
        }
    showStatus();
    if (moved)
        emit changed();
    return moved;
}

void FitAnimation::play()
{
    if (!m_objective)
        return;
    if (m_descents[0] && m_descents[0]->finished() && m_descents[1]->finished())
        restart(); // Play after the end plays again from the start
    m_timer->start();
    const QSignalBlocker blocker(m_play);
    m_play->setChecked(true);
    m_play->setText(tr("Pause"));
}

void FitAnimation::pause()
{
    m_timer->stop();
    const QSignalBlocker blocker(m_play);
    m_play->setChecked(false);
    m_play->setText(tr("Play"));
}

bool FitAnimation::isPlaying() const
{
    return m_timer->isActive();
}

void FitAnimation::showStatus()
{
    const bool enabled = m_objective != nullptr;
    m_play->setEnabled(enabled);
    m_step->setEnabled(enabled);
    m_reset->setEnabled(enabled);
    m_export->setEnabled(enabled);
    if (!m_descents[0]) {
        m_status->setText(enabled ? tr("Pick a start (Click sets: animation start) and press Step or Play.")
                                  : QString());
        return;
    }
    QStringList parts;
    const QString names[] = {tr("KL(P‖Q)"), tr("KL(Q‖P)")};
    for (std::size_t i = 0; i < 2; ++i) {
        const klscope::Descent &d = *m_descents[i];
        parts << tr("%1 = %2, |∇| = %3%4")
                     .arg(names[i], klscope::formatValue(d.state().loss),
                          klscope::formatValue(d.state().gradientNorm), statusWord(d.status()));
    }
    m_status->setText(tr("Step %1 · %2")
                          .arg(std::max(m_descents[0]->state().iteration, m_descents[1]->state().iteration))
                          .arg(parts.join(QStringLiteral(" · "))));
}

void FitAnimation::setFrameWriter(std::function<QString(const QString &)> writer)
{
    m_writer = std::move(writer);
}

QString FitAnimation::exportFrames(const QString &directory, int count, const QString &extension)
{
    const QString native = QDir::toNativeSeparators(directory);
    const QString ext = extension.toLower();
    if (ext != QLatin1String("png") && ext != QLatin1String("svg"))
        return tr("Cannot write frames as .%1: use png or svg.").arg(extension);
    const QFileInfo info(directory);
    if (!info.isDir())
        return tr("Cannot write frames to %1:\nno such folder.").arg(native);
    if (!info.isWritable())
        return tr("Cannot write frames to %1:\nthe folder is not writable.").arg(native);
    const QDir dir(directory);
    const QStringList existing = dir.entryList({QStringLiteral("frame-*.") + ext}, QDir::Files);
    if (!existing.isEmpty())
        return tr("%1 already holds %2 (and %n frame files in all): choose an empty folder or remove them, "
                  "frames are never overwritten.",
                  nullptr, int(existing.size()))
            .arg(native, existing.front());
    if (count < 1 || !m_writer || !m_objective)
        return tr("There is nothing to export.");
    pause();
    if (!m_descents[0] && !restart())
        return tr("The animation has no start.");
    for (int k = 1; k <= count; ++k) {
        const QString file =
            dir.filePath(QStringLiteral("frame-%1.%2").arg(k, 4, 10, QLatin1Char('0')).arg(ext));
        if (const QString error = m_writer(file); !error.isEmpty())
            return error;
        if (k < count)
            step();
    }
    return {};
}

void FitAnimation::exportFramesInteractively(const QString &extension)
{
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Export Frames to an Empty Folder"));
    if (directory.isEmpty())
        return;
    bool ok = false;
    const int count =
        QInputDialog::getInt(this, tr("Export Frames"), tr("Number of frames (one step apart):"), 60, 1,
                             int(kMaxSteps) + 1, 1, &ok);
    if (!ok)
        return;
    const QString error = exportFrames(directory, count, extension);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Export Frames"), error);
        return;
    }
    emit message(tr("Wrote %n frames to %1", nullptr, count).arg(QDir::toNativeSeparators(directory)));
}
