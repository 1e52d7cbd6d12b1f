#pragma once

// The options of the comparison, under the two editors: the support (automatic, or from A to B),
// renormalisation, and epsilon-smoothing (off by default; when on, a banner says so).

#include <QWidget>

class Document;
class QCheckBox;
class QComboBox;
class QLabel;
class NumberSpinBox;

class ComparisonOptions : public QWidget
{
    Q_OBJECT

public:
    explicit ComparisonOptions(Document *document, QWidget *parent = nullptr);

    QCheckBox *smoothingBox() const { return m_smoothing; }
    QCheckBox *explicitSupportBox() const { return m_explicit; }

private:
    void syncFromDocument();
    void pushSupport();
    void pushSmoothing();

    Document *m_document;
    QCheckBox *m_explicit;
    NumberSpinBox *m_first;
    NumberSpinBox *m_last;
    QCheckBox *m_renormalize;
    QCheckBox *m_smoothing;
    QComboBox *m_epsilon;
};
