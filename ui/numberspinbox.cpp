#include "numberspinbox.h"

#include <spec.h>

#include <QLineEdit>
#include <QStyle>
#include <QStyleOptionSpinBox>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace {

// Whole numbers up to 2^53 are written out in full; beyond that a double is no longer every integer.
constexpr double kExactIntegers = 9007199254740992.0;

} // namespace

NumberSpinBox::NumberSpinBox(QWidget *parent) : QAbstractSpinBox(parent)
{
    setKeyboardTracking(false);
    setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
    connect(this, &QAbstractSpinBox::editingFinished, this, &NumberSpinBox::commitText);
    showValue();
}

QString NumberSpinBox::format(double v, bool integer)
{
    if (std::isnan(v))
        return QStringLiteral("nan");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    if (v == 0)
        return QStringLiteral("0");
    if ((integer || v == std::trunc(v)) && std::fabs(v) <= kExactIntegers)
        return QString::number(qint64(v));
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    return QString::fromLatin1(buffer, result.ptr - buffer);
}

std::optional<double> NumberSpinBox::parse(const QString &text)
{
    // The minus sign people see in labels (U+2212) reads as '-'.
    QString t = text.trimmed();
    t.replace(QChar(0x2212), QLatin1Char('-'));
    if (t.isEmpty())
        return std::nullopt;
    try {
        const double v = klscope::parseNumber(t.toStdString(), "value");
        if (!std::isfinite(v))
            return std::nullopt;
        return v;
    } catch (const std::invalid_argument &) {
        return std::nullopt;
    }
}

void NumberSpinBox::setValue(double v)
{
    m_value = v;
    showValue();
}

void NumberSpinBox::setRange(double minimum, double maximum)
{
    m_minimum = minimum;
    m_maximum = std::max(minimum, maximum);
    updateGeometry();
}

void NumberSpinBox::showValue()
{
    lineEdit()->setText(format(m_value, m_integer));
    // A narrow box shows the leading digits, which matter most.
    lineEdit()->setCursorPosition(0);
}

void NumberSpinBox::commitText()
{
    const auto v = parse(text());
    if (!v || (m_integer && *v != std::trunc(*v)) || *v < m_minimum || *v > m_maximum) {
        showValue();
        return;
    }
    if (*v == m_value) {
        showValue();
        return;
    }
    m_value = *v;
    showValue();
    emit valueChanged(m_value);
}

void NumberSpinBox::stepBy(int steps)
{
    const auto typed = parse(text());
    double from = typed ? *typed : m_value;
    // From outside the range, the first step lands on the nearer end.
    double to = from + steps * m_step;
    if (from < m_minimum || from > m_maximum)
        to = std::clamp(from, m_minimum, m_maximum);
    to = std::clamp(to, m_minimum, m_maximum);
    if (m_integer)
        to = std::round(to);
    if (to == m_value) {
        showValue();
        return;
    }
    m_value = to;
    showValue();
    lineEdit()->selectAll();
    emit valueChanged(m_value);
}

QAbstractSpinBox::StepEnabled NumberSpinBox::stepEnabled() const
{
    if (isReadOnly())
        return StepNone;
    StepEnabled enabled = StepNone;
    if (m_value > m_minimum)
        enabled |= StepDownEnabled;
    if (m_value < m_maximum)
        enabled |= StepUpEnabled;
    return enabled;
}

QValidator::State NumberSpinBox::validate(QString &input, int &) const
{
    const auto v = parse(input);
    if (!v)
        return QValidator::Intermediate;
    if ((m_integer && *v != std::trunc(*v)) || *v < m_minimum || *v > m_maximum)
        return QValidator::Intermediate;
    return QValidator::Acceptable;
}

void NumberSpinBox::fixup(QString &input) const
{
    input = format(m_value, m_integer);
}

QSize NumberSpinBox::sizeHint() const
{
    return sizeFor(QStringLiteral("-0.00000000"));
}

QSize NumberSpinBox::minimumSizeHint() const
{
    return sizeFor(QStringLiteral("-0.0000"));
}

QSize NumberSpinBox::sizeFor(const QString &sample) const
{
    ensurePolished();
    const QString shown = text();
    const int width =
        std::max(fontMetrics().horizontalAdvance(sample), fontMetrics().horizontalAdvance(shown)) + 4;
    QStyleOptionSpinBox option;
    initStyleOption(&option);
    return style()->sizeFromContents(QStyle::CT_SpinBox, &option,
                                     QSize(width, lineEdit()->sizeHint().height()), this);
}
