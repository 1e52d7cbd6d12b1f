#pragma once

// The Boost.Math error policy of the continuous core: every Boost call returns a value (inf, NaN or
// the nearest representable result) instead of throwing or setting errno, and the callers decide what
// an inf or NaN means. Doubles are not promoted to long double, so results do not depend on x87.

#include <boost/math/policies/policy.hpp>

namespace klscope::continuous {

using NoThrowPolicy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::pole_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::underflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::denorm_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>,
    boost::math::policies::rounding_error<boost::math::policies::ignore_error>,
    boost::math::policies::indeterminate_result_error<boost::math::policies::ignore_error>,
    boost::math::policies::promote_double<false>>;

} // namespace klscope::continuous
