#pragma once

// The family chooser of one side: the discrete families (as the discrete editor titles them), a
// separator, then the continuous families. Fed by setCurrent and emitting what a person picks; it holds
// no document, so the owner turns a choice into an edit (a choice in the other domain moves the pair).

#include "continuousdistribution.h"
#include "distribution.h"

#include <QComboBox>

class FamilyCombo : public QComboBox
{
    Q_OBJECT

public:
    /// Item data roles: the family's enum value (Qt::UserRole, so currentData() reads it) and the
    /// domain (0 discrete, 1 continuous).
    enum Role
    {
        FamilyRole = Qt::UserRole,
        DomainRole
    };

    explicit FamilyCombo(QWidget *parent = nullptr);

    /// Shows `family` as the current item; emits nothing.
    void setCurrent(klscope::Family family);
    void setCurrent(klscope::ContinuousFamily family);
    /// The item index of a family (-1 when absent).
    int indexOf(klscope::Family family) const;
    int indexOf(klscope::ContinuousFamily family) const;
    /// True when the current item is a continuous family.
    bool isContinuous() const;

signals:
    /// A person picked a discrete family (also when it is the current one).
    void discreteFamilyChosen(klscope::Family family);
    /// A person picked a continuous family (also when it is the current one).
    void continuousFamilyChosen(klscope::ContinuousFamily family);
};
