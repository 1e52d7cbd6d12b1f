#include "importdialog.h"

#include "numberspinbox.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace imp = klscope::import;

namespace {

// Button ids of the kinds; Samples follows the value kinds.
enum KindId
{
    Probabilities,
    Counts,
    Logits,
    LogProbabilities,
    Samples
};

enum BinId
{
    IntegerBins,
    WidthBins,
    FreedmanDiaconisBins
};

} // namespace

ImportDialog::ImportDialog(const QString &source, const QString &shape, Side side, bool integerData,
                           double width, bool matchOther, Preview preview, QWidget *parent)
    : QDialog(parent), m_preview(std::move(preview))
{
    setWindowTitle(tr("Import %1").arg(source));
    setObjectName(QStringLiteral("importDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *shapeLabel =
        new QLabel(tr("<b>%1</b>: %2").arg(source.toHtmlEscaped(), shape.toHtmlEscaped()), this);
    shapeLabel->setWordWrap(true);
    layout->addWidget(shapeLabel);

    auto *form = new QFormLayout;
    m_side = new QComboBox(this);
    m_side->setObjectName(QStringLiteral("sideBox"));
    m_side->addItem(tr("P (the data, the left editor)"));
    m_side->addItem(tr("Q (the model, the right editor)"));
    m_side->setCurrentIndex(side == Side::P ? 0 : 1);
    form->addRow(tr("Load into:"), m_side);
    layout->addLayout(form);

    auto *kindBox = new QGroupBox(tr("The values are"), this);
    auto *kindLayout = new QVBoxLayout(kindBox);
    m_kinds = new QButtonGroup(this);
    const struct
    {
        int id;
        QString text;
        QString tip;
    } kinds[] = {
        {Probabilities, tr("&Probabilities, used as given"),
         tr("Each value is a mass. Masses that do not sum to 1 are kept, with a warning (or renormalise).")},
        {Counts, tr("&Counts, normalised (the sample size is shown)"),
         tr("Each value is a count; the masses are count / total.")},
        {Logits, tr("&Logits, through softmax"), tr("Unnormalised log-masses, e.g. a model's output layer.")},
        {LogProbabilities, tr("Lo&g-probabilities, exponentiated"),
         tr("Natural logs of masses; -inf is a mass of 0. A value above 0 is refused.")},
        {Samples, tr("&Raw samples, binned into a histogram"),
         tr("Each value is one observation; the histogram of the observations is the distribution.")},
    };
    for (const auto &k : kinds) {
        auto *button = new QRadioButton(k.text, kindBox);
        button->setToolTip(k.tip);
        button->setObjectName(QStringLiteral("kind%1").arg(k.id));
        m_kinds->addButton(button, k.id);
        kindLayout->addWidget(button);
    }
    layout->addWidget(kindBox);

    m_binningBox = new QGroupBox(tr("Binning of the samples"), this);
    auto *binLayout = new QVBoxLayout(m_binningBox);
    m_binRules = new QButtonGroup(this);
    m_integerBins = new QRadioButton(tr("&Integer bins (one per whole number)"), m_binningBox);
    auto *widthRow = new QHBoxLayout;
    m_widthBins = new QRadioButton(tr("Bin &width"), m_binningBox);
    // Any positive width, shown exactly as it is used (a Freedman-Diaconis width of 3.2e-08 is neither
    // rounded to six decimals nor clamped); the preview says when it would make too many bins.
    m_width = new NumberSpinBox(m_binningBox);
    m_width->setObjectName(QStringLiteral("widthSpin"));
    m_width->setRange(1e-300, 1e300);
    m_width->setValue(width > 0 ? width : 1.0);
    m_width->setSingleStep(width > 0 ? width / 10 : 0.1);
    widthRow->addWidget(m_widthBins);
    widthRow->addWidget(m_width, 1);
    m_fdBins = new QRadioButton(tr("&Freedman–Diaconis (2 IQR n^-1/3)"), m_binningBox);
    m_binRules->addButton(m_integerBins, IntegerBins);
    m_binRules->addButton(m_widthBins, WidthBins);
    m_binRules->addButton(m_fdBins, FreedmanDiaconisBins);
    binLayout->addWidget(m_integerBins);
    binLayout->addLayout(widthRow);
    binLayout->addWidget(m_fdBins);
    if (matchOther) {
        // The other side is a histogram: the same width puts both on the same edges.
        m_widthBins->setChecked(true);
        auto *hint =
            new QLabel(tr("The other side is a histogram of width %1; the same width lines the bins up.")
                           .arg(width, 0, 'g', 6),
                       m_binningBox);
        hint->setWordWrap(true);
        binLayout->addWidget(hint);
    } else if (integerData) {
        m_integerBins->setChecked(true);
    } else {
        m_fdBins->setChecked(true);
    }
    m_integerBins->setEnabled(integerData);
    m_binningBox->setEnabled(false);
    layout->addWidget(m_binningBox);

    m_previewLabel = new QLabel(this);
    m_previewLabel->setObjectName(QStringLiteral("previewLabel"));
    m_previewLabel->setWordWrap(true);
    m_previewLabel->setTextFormat(Qt::PlainText);
    m_previewLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Room for the longest preview (summary, events, alignment), so the dialog does not jump.
    m_previewLabel->setMinimumHeight(m_previewLabel->fontMetrics().lineSpacing() * 5);
    m_previewLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_previewLabel);
    m_rows = new QTableWidget(this);
    m_rows->setObjectName(QStringLiteral("firstRowsTable"));
    m_rows->setToolTip(
        tr("The first rows of the data as they were read: check the columns before importing."));
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->verticalHeader()->hide();
    m_rows->verticalHeader()->setDefaultSectionSize(m_rows->fontMetrics().height() + 6);
    m_rows->horizontalHeader()->setStretchLastSection(true);
    m_rows->hide();
    layout->addWidget(m_rows);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kinds, &QButtonGroup::idClicked, this, &ImportDialog::updatePreview);
    connect(m_binRules, &QButtonGroup::idClicked, this, &ImportDialog::updatePreview);
    connect(m_width, &NumberSpinBox::valueChanged, this, &ImportDialog::updatePreview);
    connect(m_side, &QComboBox::currentIndexChanged, this, &ImportDialog::updatePreview);
    updatePreview();
}

Side ImportDialog::side() const
{
    return m_side->currentIndex() == 0 ? Side::P : Side::Q;
}

void ImportDialog::setSide(Side side)
{
    m_side->setCurrentIndex(side == Side::P ? 0 : 1);
}

void ImportDialog::setSideFixed(bool fixed)
{
    m_side->setEnabled(!fixed);
}

bool ImportDialog::hasChoice() const
{
    return m_kinds->checkedId() >= 0;
}

ImportChoice ImportDialog::choice() const
{
    ImportChoice c;
    switch (m_kinds->checkedId()) {
    case Counts:
        c.kind = imp::ValueKind::Counts;
        break;
    case Logits:
        c.kind = imp::ValueKind::Logits;
        break;
    case LogProbabilities:
        c.kind = imp::ValueKind::LogProbabilities;
        break;
    case Samples:
        c.samples = true;
        break;
    default:
        c.kind = imp::ValueKind::Probabilities;
        break;
    }
    switch (m_binRules->checkedId()) {
    case IntegerBins:
        c.binning.rule = imp::BinRule::Integer;
        break;
    case WidthBins:
        c.binning.rule = imp::BinRule::Width;
        c.binning.width = m_width->value();
        break;
    default:
        c.binning.rule = imp::BinRule::FreedmanDiaconis;
        break;
    }
    return c;
}

void ImportDialog::setChoice(const ImportChoice &choice)
{
    int kind = Samples;
    if (!choice.samples) {
        switch (choice.kind) {
        case imp::ValueKind::Probabilities:
            kind = Probabilities;
            break;
        case imp::ValueKind::Counts:
            kind = Counts;
            break;
        case imp::ValueKind::Logits:
            kind = Logits;
            break;
        case imp::ValueKind::LogProbabilities:
            kind = LogProbabilities;
            break;
        }
    }
    m_kinds->button(kind)->setChecked(true);
    if (choice.samples) {
        if (choice.binning.rule == imp::BinRule::Integer)
            m_integerBins->setChecked(true);
        else if (choice.binning.rule == imp::BinRule::Width) {
            m_widthBins->setChecked(true);
            m_width->setValue(choice.binning.width);
        } else
            m_fdBins->setChecked(true);
    }
    updatePreview();
}

QString ImportDialog::previewText() const
{
    return m_previewLabel->text();
}

void ImportDialog::setFirstRows(const QStringList &columns, const QList<QStringList> &rows)
{
    m_rows->setColumnCount(int(columns.size()));
    m_rows->setHorizontalHeaderLabels(columns);
    m_rows->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < rows.at(r).size() && c < columns.size(); ++c) {
            auto *item = new QTableWidgetItem(rows.at(r).at(c));
            item->setTextAlignment(c == 0 ? Qt::AlignRight | Qt::AlignVCenter
                                          : Qt::AlignLeft | Qt::AlignVCenter);
            m_rows->setItem(r, c, item);
        }
    m_rows->setFixedHeight(m_rows->horizontalHeader()->sizeHint().height() +
                           int(rows.size()) * m_rows->verticalHeader()->defaultSectionSize() +
                           2 * m_rows->frameWidth());
    m_rows->setVisible(!rows.isEmpty());
}

void ImportDialog::updatePreview()
{
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    const bool samples = m_kinds->checkedId() == Samples;
    m_binningBox->setEnabled(samples);
    m_width->setEnabled(samples && m_widthBins->isChecked());
    if (!hasChoice()) {
        m_previewLabel->setText(tr("Choose what the values are: nothing is assumed."));
        m_previewLabel->setStyleSheet(QString());
        ok->setEnabled(false);
        return;
    }
    const auto result = m_preview(side(), choice());
    if (!result) {
        m_previewLabel->setText(QString::fromStdString(result.error().message));
        m_previewLabel->setStyleSheet(QStringLiteral("QLabel { color: #A0001A; }"));
        ok->setEnabled(false);
        return;
    }
    const klscope::Distribution &d = side() == Side::P ? result->p : result->q;
    QString text = result->summary;
    if (const auto *custom = std::get_if<klscope::Custom>(&d))
        text += tr(".\n%1 becomes a custom distribution of %2 events")
                    .arg(side() == Side::P ? QStringLiteral("P") : QStringLiteral("Q"))
                    .arg(custom->masses().size());
    text += result->alignment.isEmpty() ? QStringLiteral(".") : QStringLiteral(".\n") + result->alignment;
    m_previewLabel->setText(text);
    m_previewLabel->setStyleSheet(QString());
    ok->setEnabled(true);
}
