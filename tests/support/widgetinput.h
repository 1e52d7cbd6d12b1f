#pragma once

// What a person does with the window's input widgets, for the UI tests: type into a number box, find a
// slider's handle to press and drag.

#include "numberspinbox.h"

#include <QComboBox>
#include <QPoint>
#include <QSlider>
#include <QString>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTest>

namespace klscope::test {

/// Types `text` into the box as a person would: select all, type, Enter.
inline void typeInto(NumberSpinBox *box, const QString &text)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
}

/// What a person's pick in a drop-down list does: the item becomes current and is activated.
inline void choose(QComboBox *combo, int index)
{
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}

/// The centre of the slider's handle, in the slider's coordinates (where a press grabs it).
inline QPoint sliderHandleCentre(QSlider *slider)
{
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.subControls = QStyle::SC_All;
    option.orientation = slider->orientation();
    option.minimum = slider->minimum();
    option.maximum = slider->maximum();
    option.sliderPosition = slider->sliderPosition();
    option.sliderValue = slider->value();
    option.singleStep = slider->singleStep();
    option.pageStep = slider->pageStep();
    option.upsideDown = slider->invertedAppearance();
    option.tickPosition = slider->tickPosition();
    return slider->style()
        ->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider)
        .center();
}

} // namespace klscope::test
