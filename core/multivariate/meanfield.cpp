#include "meanfield.h"

namespace klscope {

DiagonalNormal2 meanFieldForward(const Normal2 &p) noexcept
{
    return {p.mu1(), p.mu2(), p.var1(), p.var2()};
}

DiagonalNormal2 meanFieldReverse(const Normal2 &p) noexcept
{
    // Lambda = [[var2, -cov], [-cov, var1]] / det, so 1/Lambda_11 = det/var2 and 1/Lambda_22 = det/var1.
    const double det = p.determinant();
    return {p.mu1(), p.mu2(), det / p.var2(), det / p.var1()};
}

} // namespace klscope
