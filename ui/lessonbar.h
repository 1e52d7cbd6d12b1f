#pragma once

// The bar a guided lesson shows above the pages: the lesson's title and "step k of n", the step's sentence,
// what to look at, Back and Next (disabled at the ends) and Close. It only shows; LessonController drives it.

#include <QWidget>

class QLabel;
class QPushButton;

class LessonBar : public QWidget
{
    Q_OBJECT

public:
    explicit LessonBar(QWidget *parent = nullptr);

    /// Shows step `index` (0-based) of `count` of the lesson `title`.
    void showStep(const QString &title, int index, int count, const QString &text, const QString &look);
    /// A step that could not be applied: its sentence, in red, until the next step shows ("" hides it).
    void setError(const QString &message);

    QLabel *titleLabel() const { return m_title; }
    QLabel *stepLabel() const { return m_step; }
    QLabel *textLabel() const { return m_text; }
    QLabel *lookLabel() const { return m_look; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *backButton() const { return m_back; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *closeButton() const { return m_close; }

signals:
    void backClicked();
    void nextClicked();
    void closeClicked();

private:
    QLabel *m_title;
    QLabel *m_step;
    QLabel *m_text;
    QLabel *m_look;
    QLabel *m_error;
    QPushButton *m_back;
    QPushButton *m_next;
    QPushButton *m_close;
};
