// Marching squares (the method is described in contours.h).

#include "contours.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace klscope {

namespace {

struct Point
{
    double x, y;
};

// Where the level crosses the edge from a (value va) to b (value vb); va and vb straddle the level.
Point crossing(Point a, double va, Point b, double vb, double level)
{
    const double t = va == vb ? 0.5 : std::clamp((level - va) / (vb - va), 0.0, 1.0);
    return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
}

} // namespace

std::vector<ContourSegment> contourSegments(std::span<const double> values, const ContourGrid &grid,
                                            double level)
{
    std::vector<ContourSegment> out;
    if (grid.nx < 2 || grid.ny < 2 || values.size() < grid.nx * grid.ny || !std::isfinite(level))
        return out;
    const double dx = (grid.xTo - grid.xFrom) / static_cast<double>(grid.nx - 1);
    const double dy = (grid.yTo - grid.yFrom) / static_cast<double>(grid.ny - 1);
    for (std::size_t j = 0; j + 1 < grid.ny; ++j) {
        const double y0 = grid.yFrom + dy * static_cast<double>(j), y1 = y0 + dy;
        for (std::size_t i = 0; i + 1 < grid.nx; ++i) {
            const double x0 = grid.xFrom + dx * static_cast<double>(i), x1 = x0 + dx;
            // Corners counter-clockwise from the lower left: 0 (i, j), 1 (i+1, j), 2 (i+1, j+1), 3 (i, j+1).
            const Point p[4] = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
            const double v[4] = {values[j * grid.nx + i], values[j * grid.nx + i + 1],
                                 values[(j + 1) * grid.nx + i + 1], values[(j + 1) * grid.nx + i]};
            if (!std::all_of(std::begin(v), std::end(v), [](double a) { return std::isfinite(a); }))
                continue;
            int index = 0;
            for (int k = 0; k < 4; ++k)
                if (v[k] >= level)
                    index |= 1 << k;
            if (index == 0 || index == 15)
                continue;
            // The crossing on edge e, which runs from corner e to corner e + 1.
            const auto edge = [&](int e) {
                const int a = e, b = (e + 1) % 4;
                return crossing(p[a], v[a], p[b], v[b], level);
            };
            const auto add = [&](int e0, int e1) {
                const Point a = edge(e0), b = edge(e1);
                out.push_back({a.x, a.y, b.x, b.y});
            };
            // Each corner set above the level gives the edges whose ends differ; a single corner (or all but
            // one) cuts the two edges meeting there.
            switch (index) {
            case 1:
            case 14:
                add(3, 0);
                break;
            case 2:
            case 13:
                add(0, 1);
                break;
            case 4:
            case 11:
                add(1, 2);
                break;
            case 8:
            case 7:
                add(2, 3);
                break;
            case 3:
            case 12:
                add(3, 1);
                break;
            case 6:
            case 9:
                add(0, 2);
                break;
            case 5:
            case 10: {
                // Opposite corners above: the centre decides whether the high corners join across it.
                const double centre = (v[0] + v[1] + v[2] + v[3]) / 4.0;
                const bool highCentre = centre >= level;
                // Corners 0 and 2 high (5): with a high centre the lines cut off corners 1 and 3, else 0
                // and 2.
                if ((index == 5) == highCentre) {
                    add(0, 1);
                    add(2, 3);
                } else {
                    add(3, 0);
                    add(1, 2);
                }
                break;
            }
            default:
                break;
            }
        }
    }
    return out;
}

std::vector<double> evenContourLevels(std::span<const double> values, std::size_t count)
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const double v : values)
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    std::vector<double> levels;
    if (!(hi > lo) || count == 0)
        return levels;
    for (std::size_t k = 1; k <= count; ++k)
        levels.push_back(lo + (hi - lo) * static_cast<double>(k) / static_cast<double>(count + 1));
    return levels;
}

} // namespace klscope
