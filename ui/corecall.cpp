#include "corecall.h"

#include <QObject>

#include <new>
#include <stdexcept>

QString currentCoreError()
{
    try {
        throw;
    } catch (const std::invalid_argument &e) {
        return QString::fromUtf8(e.what());
    } catch (const std::bad_alloc &) {
        return QObject::tr("Not enough memory for this.");
    } catch (const std::exception &e) {
        return QObject::tr("This cannot be computed: %1").arg(QString::fromUtf8(e.what()));
    }
}
