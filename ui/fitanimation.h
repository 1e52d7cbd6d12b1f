#pragma once

// The fitting lab's animation bar: plays the optimisation of both directions at once, KL(P‖Q) and KL(Q‖P),
// step by step from one start (descent.h: gradient descent or Adam in the unconstrained coordinates), so a
// class watches the forward fit spread out and the reverse fit fall into one mode. Play/Pause runs a QTimer
// at the chosen speed (steps per second); Step takes one step of each; changing the method or the learning
// rate starts over from the same start. "Click sets" chooses what a click on a landscape does: set the
// picked Q (an edit of the document, one undo step) or set the animation's start (view state: no undo
// step). "Export frames" writes frame-0001.png (or .svg) onwards of the page's figure, one step apart, into
// an empty folder. Each step costs 2 d + 1 objective evaluations (d free parameters): well under a frame for
// every family except a Student t with ν free, whose reverse KL runs adaptive quadrature. The bar scrolls
// sideways in a window too narrow for it, so it never widens the window.

#include "descent.h"

#include <QString>
#include <QWidget>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class NumberSpinBox;
class QComboBox;
class QLabel;
class QScrollArea;
class QTimer;
class QToolButton;

class FitAnimation : public QWidget
{
    Q_OBJECT

public:
    /// The directions animated, in the order descent(i) takes them.
    static constexpr std::array<klscope::FitDirection, 2> kDirections = {klscope::FitDirection::Forward,
                                                                         klscope::FitDirection::Reverse};

    explicit FitAnimation(QWidget *parent = nullptr);
    ~FitAnimation() override;

    /// The objective to descend and the start used until the person picks one (every parameter). Drops the
    /// descents and a picked start of another length; null: nothing to animate.
    void setProblem(std::shared_ptr<const klscope::FitObjective> objective,
                    std::vector<double> fallbackStart);
    /// Starts both descents over at `start` (every parameter); a start the family refuses is reported by
    /// message() and changes nothing.
    void setStart(std::vector<double> start);
    /// True when a click on a landscape sets the animation's start, false when it sets Q.
    bool clickSetsStart() const;

    /// The descent of direction i (0 forward, 1 reverse), or null before a start or step.
    const klscope::Descent *descent(int direction) const;
    /// One step of each direction (starting them first if needed); false when there is nothing to step
    /// (no problem, or both finished).
    bool step();
    void play();
    void pause();
    bool isPlaying() const;

    /// What writes the page's figure to a file: "" on success, else the reason.
    void setFrameWriter(std::function<QString(const QString &fileName)> writer);
    /// Writes `count` frames, frame-0001.<extension> onwards ("png" or "svg"), into `directory`: the figure
    /// now, then after each of count - 1 steps. Refuses (returns the sentence, writes nothing) a folder that
    /// does not exist or is not writable, an unknown extension, and a folder that already holds frame files
    /// of that extension (never overwrites). Returns "" on success.
    QString exportFrames(const QString &directory, int count, const QString &extension);

    // For tests.
    QTimer *timer() const { return m_timer; }
    QToolButton *playButton() const { return m_play; }
    QToolButton *stepButton() const { return m_step; }
    QToolButton *resetButton() const { return m_reset; }
    QComboBox *clickModeCombo() const { return m_clickMode; }
    QComboBox *methodCombo() const { return m_method; }
    NumberSpinBox *rateSpin() const { return m_rate; }
    NumberSpinBox *speedSpin() const { return m_speed; }
    QLabel *statusLabel() const { return m_status; }

protected:
    /// Reserves room for the bar's horizontal scroll bar only while the window is too narrow for it.
    void resizeEvent(QResizeEvent *event) override;

signals:
    /// The descents moved, restarted or were dropped: redraw the paths and the current Qs.
    void changed();
    /// A transient sentence for the status bar.
    void message(const QString &text);

private:
    /// Creates both descents at the start (the picked one, else the fallback); false when it cannot.
    bool restart();
    klscope::DescentOptions options() const;
    void showStatus();
    void exportFramesInteractively(const QString &extension);

    std::shared_ptr<const klscope::FitObjective> m_objective;
    std::vector<double> m_fallbackStart, m_start;
    std::array<std::optional<klscope::Descent>, 2> m_descents;
    std::function<QString(const QString &)> m_writer;

    QScrollArea *m_scroll = nullptr;
    QWidget *m_bar = nullptr; ///< the controls, inside m_scroll
    QComboBox *m_clickMode = nullptr;
    QComboBox *m_method = nullptr;
    NumberSpinBox *m_rate = nullptr;
    NumberSpinBox *m_speed = nullptr;
    QToolButton *m_play = nullptr;
    QToolButton *m_step = nullptr;
    QToolButton *m_reset = nullptr;
    QToolButton *m_export = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_timer = nullptr;
};
