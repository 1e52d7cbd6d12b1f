#pragma once

// A spin box for one number of the document, real or whole, that never changes what it is given.
// It shows the value exactly as the document holds it (the shortest text that reads back to the same
// double, so 0.466666666667 stays 0.466666666667 and −1e12 stays −1e12, even beyond the range), accepts
// fractions ("7/15") and full precision when typed, and steps by singleStep() within the range. A
// value outside the range is shown as it is; a step from there moves into the range, never jumps.

#include <QAbstractSpinBox>

#include <optional>

class NumberSpinBox : public QAbstractSpinBox
{
    Q_OBJECT

public:
    explicit NumberSpinBox(QWidget *parent = nullptr);

    double value() const { return m_value; }
    /// Shows `v` as it is, even outside the range; emits nothing.
    void setValue(double v);
    void setRange(double minimum, double maximum);
    double minimum() const { return m_minimum; }
    double maximum() const { return m_maximum; }
    void setSingleStep(double step) { m_step = step; }
    double singleStep() const { return m_step; }
    /// Whole numbers only: typed text must be a whole number (fractions that divide evenly too).
    void setInteger(bool integer) { m_integer = integer; }
    bool isInteger() const { return m_integer; }

    /// The text shown for v: the shortest decimal that reads back to v ("0.4666666666666667"); whole
    /// numbers up to 2^53 in full ("-1000000000000").
    static QString format(double v, bool integer);
    /// Reads a decimal or a fraction "a/b" (C locale, surrounding space ignored); nullopt otherwise.
    static std::optional<double> parse(const QString &text);

    void stepBy(int steps) override;
    QValidator::State validate(QString &input, int &pos) const override;
    void fixup(QString &input) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// The person typed a new value (and pressed Enter or left the box) or stepped.
    void valueChanged(double value);

protected:
    StepEnabled stepEnabled() const override;

private:
    void commitText();
    QSize sizeFor(const QString &sample) const;
    void showValue();

    double m_value = 0;
    double m_minimum = 0;
    double m_maximum = 99;
    double m_step = 1;
    bool m_integer = false;
};
