#include "palette.h"

namespace klscope::palette {

QColor p()
{
    return QColor(0x00, 0x72, 0xB2);
}
QColor q()
{
    return QColor(0xD5, 0x5E, 0x00);
}
QColor klPQ()
{
    return QColor(0x00, 0x9E, 0x73);
}
QColor klQP()
{
    return QColor(0xE6, 0x9F, 0x00);
}
QColor js()
{
    return QColor(0xCC, 0x79, 0xA7);
}
QColor entropy()
{
    return QColor(0x56, 0xB4, 0xE9);
}
QColor infinite()
{
    return QColor(0x00, 0x00, 0x00);
}

QColor withAlpha(const QColor &c, int alpha)
{
    QColor out = c;
    out.setAlpha(alpha);
    return out;
}

} // namespace klscope::palette
