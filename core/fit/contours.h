#pragma once

// Iso-lines of a field sampled on a regular grid, by marching squares (Lorensen and Cline, "Marching
// cubes", 1987, in two dimensions): each cell of four neighbouring nodes is classified by which corners lie
// at or above the level, and where an edge's ends lie on either side, the crossing is placed by linear
// interpolation along it, so a segment's ends lie on the level up to the field's curvature over one cell
// (O(h^2) for a smooth field). The two ambiguous cells (opposite corners above) are resolved by the mean of
// the four corners (the "asymptotic decider" simplified). Cells with a NaN or infinite corner are skipped,
// so a line stops at the edge of where the field is known and finite.

#include <cstddef>
#include <span>
#include <vector>

namespace klscope {

/// A regular grid: node (i, j) lies at x = xFrom + (xTo - xFrom) i / (nx - 1), y likewise.
struct ContourGrid
{
    std::size_t nx = 0, ny = 0;
    double xFrom = 0.0, xTo = 1.0;
    double yFrom = 0.0, yTo = 1.0;
};

/// One straight piece of an iso-line, from (x0, y0) to (x1, y1), in the grid's coordinates.
struct ContourSegment
{
    double x0, y0, x1, y1;
};

/// The iso-line pieces of `values` (row-major: node (i, j) at j * nx + i) at `level`. Empty when the grid
/// has fewer than 2 x 2 nodes, `values` is shorter than nx * ny, or `level` is not finite. A segment never
/// has both ends equal unless the level passes exactly through a corner.
std::vector<ContourSegment> contourSegments(std::span<const double> values, const ContourGrid &grid,
                                            double level);

/// `count` levels spread evenly over the open interval (lo, hi) of the finite values: lo + (hi - lo) k /
/// (count + 1) for k = 1 .. count. Empty when fewer than two distinct finite values exist or count is 0.
std::vector<double> evenContourLevels(std::span<const double> values, std::size_t count);

} // namespace klscope
