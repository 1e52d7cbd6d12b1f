#pragma once

// The parameter rows of a continuous side: a label, a slider and a spin box per parameter, or for a
// Gaussian mixture a table of components (weight, mu, sigma) with add and remove. Fed by
// setDistribution and emitting intents; it holds no document, so the owner turns them into edits.
//
// A value the family refuses (sigma <= 0, a uniform's b at or below a, a weight outside (0, 1)) is
// refused here: the spin box's range or the core's constructor rejects it, the widget shows the held
// value again, emits editRefused with the core's sentence and no edit. A slider press starts a drag
// (dragStarted), its moves are edits, its release ends it (dragFinished); holding a spin box's arrow is a
// drag too, so the owner can fold it into one undo step.

#include "continuousdistribution.h"

#include <QList>
#include <QWidget>

class NumberSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSlider;
class QToolButton;

class ContinuousEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ContinuousEditor(QWidget *parent = nullptr);

    /// Shows d (rebuilding the rows when the family or the number of components changes); emits nothing.
    /// A slider held by the hand stays where it is.
    void setDistribution(const klscope::ContinuousDistribution &d);
    /// What the widget shows: the last setDistribution, with the edits made since.
    const klscope::ContinuousDistribution &distribution() const { return m_distribution; }

    /// The slider and spin box of parameter `index` (nullptr for a mixture or a bad index).
    QSlider *slider(int index) const;
    NumberSpinBox *spinBox(int index) const;
    /// The sweep button of parameter `index` (nullptr for a mixture or a bad index).
    QToolButton *sweepButton(int index) const;
    /// The spin box of a mixture component's column (0 weight, 1 mu, 2 sigma); nullptr when absent.
    NumberSpinBox *componentSpinBox(int component, int column) const;
    QPushButton *removeButton(int component) const;
    QPushButton *addButton() const { return m_add; }

signals:
    /// Parameter `index` (in parameters(family) order) was typed, stepped or dragged to `value`.
    void parameterEdited(int index, double value);
    /// The mixture after a component was edited, added or removed (the weights sum to 1).
    void mixtureEdited(const klscope::GaussianMixture &mixture);
    void dragStarted();
    void dragFinished();
    /// A typed or dragged value was refused; the sentence says why (from the core).
    void editRefused(const QString &sentence);
    /// The person asked for the sweep window of a parameter (its spec key, e.g. "sigma").
    void sweepRequested(const QString &parameter);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct ParameterRow
    {
        QLabel *label = nullptr;
        QSlider *slider = nullptr;
        NumberSpinBox *spin = nullptr;
        QToolButton *sweep = nullptr;
        double sliderMinimum = 0;
        double sliderMaximum = 1;
    };
    struct ComponentRow
    {
        QLabel *label = nullptr;
        NumberSpinBox *spins[3] = {};
        QPushButton *remove = nullptr;
    };

    void rebuild();
    void showValues();
    void editParameter(int index, double value);
    void editComponent(int component, int column, double value);
    void setMixture(const klscope::GaussianMixture &mixture);
    void refuse(const char *what);
    int sliderPosition(const ParameterRow &row, double value) const;
    double sliderValue(const ParameterRow &row, int position) const;
    void watchArrows(NumberSpinBox *spin);

    klscope::ContinuousDistribution m_distribution;
    int m_shownFamily = -1;
    std::size_t m_shownComponents = 0;
    QWidget *m_parameterBox;
    QGridLayout *m_parameterGrid;
    QList<ParameterRow> m_rows;
    QWidget *m_mixtureBox;
    QGridLayout *m_componentGrid;
    QList<ComponentRow> m_components;
    QPushButton *m_add;
    bool m_arrowHeld = false;
};
