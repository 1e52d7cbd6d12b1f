#pragma once

// A PNG file that is only a header: the signature, a valid IHDR chunk (8-bit RGB, CRC included) saying
// width x height, and empty IDAT and IEND chunks, with no image data. A reader learns the size from it
// without decoding anything, so the image tests check the 10^8-pixel bound on a 57-byte file.

#include <QByteArray>
#include <QtGlobal>

namespace klscope::test {

/// CRC-32 (ISO 3309, as PNG chunks use), bit by bit: enough for a 17-byte chunk.
inline quint32 pngCrc32(const QByteArray &bytes)
{
    quint32 crc = 0xffffffffu;
    for (const char c : bytes) {
        crc ^= static_cast<quint8>(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

inline void appendBigEndian(QByteArray &out, quint32 v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(static_cast<char>((v >> shift) & 0xffu));
}

/// The header-only PNG described above.
inline QByteArray pngHeader(quint32 width, quint32 height)
{
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray chunk("IHDR");
    appendBigEndian(chunk, width);
    appendBigEndian(chunk, height);
    chunk.append(QByteArray("\x08\x02\x00\x00\x00", 5));
    appendBigEndian(png, 13);
    png.append(chunk);
    appendBigEndian(png, pngCrc32(chunk));
    // libpng reads chunks up to the first IDAT before it reports the header: an empty IDAT and IEND.
    for (const char *type : {"IDAT", "IEND"}) {
        appendBigEndian(png, 0);
        png.append(type);
        appendBigEndian(png, pngCrc32(QByteArray(type)));
    }
    return png;
}

} // namespace klscope::test
