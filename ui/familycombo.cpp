#include "familycombo.h"

#include "continuousparameters.h"

#include <QSignalBlocker>

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

FamilyCombo::FamilyCombo(QWidget *parent) : QComboBox(parent)
{
    setObjectName(QStringLiteral("familyBox"));
    for (klscope::Family f : klscope::allFamilies()) {
        addItem(qs(klscope::familyTitle(f)));
        setItemData(count() - 1, 0, DomainRole);
        setItemData(count() - 1, int(f), FamilyRole);
    }
    insertSeparator(count());
    for (klscope::ContinuousFamily f : klscope::allContinuousFamilies()) {
        addItem(qs(klscope::familyTitle(f)));
        setItemData(count() - 1, 1, DomainRole);
        setItemData(count() - 1, int(f), FamilyRole);
        setItemData(count() - 1, tr("Continuous: picking it moves both sides to densities."),
                    Qt::ToolTipRole);
    }
    // The separator is counted in maxVisibleItems: show every family without scrolling.
    setMaxVisibleItems(count());
    connect(this, &QComboBox::activated, this, [this](int index) {
        const QVariant domain = itemData(index, DomainRole);
        if (!domain.isValid())
            return;
        const int family = itemData(index, FamilyRole).toInt();
        if (domain.toInt() == 0)
            emit discreteFamilyChosen(klscope::Family(family));
        else
            emit continuousFamilyChosen(klscope::ContinuousFamily(family));
    });
}

int FamilyCombo::indexOf(klscope::Family family) const
{
    for (int i = 0; i < count(); ++i)
        if (itemData(i, DomainRole) == QVariant(0) && itemData(i, FamilyRole).toInt() == int(family))
            return i;
    return -1;
}

int FamilyCombo::indexOf(klscope::ContinuousFamily family) const
{
    for (int i = 0; i < count(); ++i)
        if (itemData(i, DomainRole) == QVariant(1) && itemData(i, FamilyRole).toInt() == int(family))
            return i;
    return -1;
}

void FamilyCombo::setCurrent(klscope::Family family)
{
    const QSignalBlocker blocker(this);
    setCurrentIndex(indexOf(family));
}

void FamilyCombo::setCurrent(klscope::ContinuousFamily family)
{
    const QSignalBlocker blocker(this);
    setCurrentIndex(indexOf(family));
}

bool FamilyCombo::isContinuous() const
{
    return itemData(currentIndex(), DomainRole) == QVariant(1);
}
