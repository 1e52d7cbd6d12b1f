#include "lessonbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

LessonBar::LessonBar(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_step(new QLabel(this)), m_text(new QLabel(this)),
      m_look(new QLabel(this)), m_error(new QLabel(this)), m_back(new QPushButton(tr("◀ &Back"), this)),
      m_next(new QPushButton(tr("&Next ▶"), this)), m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("lessonBar"));
    setAttribute(Qt::WA_StyledBackground);
    // The colours of the page's lesson line, a shade stronger: the bar leads while a lesson runs.
    setStyleSheet(QStringLiteral("#lessonBar { background: #f4f1e6; border: 1px solid #c9c1a3; "
                                 "border-radius: 4px; }"));
    m_title->setObjectName(QStringLiteral("lessonTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_step->setObjectName(QStringLiteral("lessonStep"));
    m_text->setObjectName(QStringLiteral("lessonText"));
    m_look->setObjectName(QStringLiteral("lessonLook"));
    m_error->setObjectName(QStringLiteral("lessonError"));
    for (QLabel *label : {m_text, m_look, m_error}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_error->hide();
    m_back->setObjectName(QStringLiteral("lessonBack"));
    m_next->setObjectName(QStringLiteral("lessonNext"));
    m_close->setObjectName(QStringLiteral("lessonClose"));
    m_back->setToolTip(tr("The previous step (Alt+B)"));
    m_next->setToolTip(tr("The next step (Alt+N)"));
    m_close->setToolTip(tr("End the lesson; the window keeps the state it shows"));
    m_next->setDefault(true);

    auto *heading = new QHBoxLayout;
    heading->addWidget(m_title, 1);
    heading->addWidget(m_step);
    auto *words = new QVBoxLayout;
    words->setSpacing(2);
    words->addLayout(heading);
    words->addWidget(m_text);
    words->addWidget(m_look);
    words->addWidget(m_error);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    buttons->addWidget(m_close);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addLayout(words, 1);
    layout->addLayout(buttons);
    layout->setAlignment(buttons, Qt::AlignVCenter);

    connect(m_back, &QPushButton::clicked, this, &LessonBar::backClicked);
    connect(m_next, &QPushButton::clicked, this, &LessonBar::nextClicked);
    connect(m_close, &QPushButton::clicked, this, &LessonBar::closeClicked);
}

void LessonBar::showStep(const QString &title, int index, int count, const QString &text, const QString &look)
{
    m_title->setText(tr("Lesson: %1").arg(title));
    m_step->setText(tr("step %1 of %2").arg(index + 1).arg(count));
    m_text->setText(text);
    m_look->setText(tr("Look at %1.").arg(look));
    m_back->setEnabled(index > 0);
    m_next->setEnabled(index + 1 < count);
    setError({});
}

void LessonBar::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}
