#pragma once

// Boost.Math's error policy for everything that links the core.
//
// Boost.Math throws by default (std::overflow_error from tgamma, std::domain_error, evaluation_error
// when a series does not converge). In the core an exception from deep inside a cdf would either
// reach std::terminate or surface as a message about Boost's internals. Instead, core/CMakeLists.txt
// sets BOOST_MATH_*_ERROR_POLICY=errno_on_error as a PUBLIC compile definition of klscope_core, so
// every Boost.Math call in every target that links the core returns a value: +-inf on overflow, 0 on
// underflow, NaN on a domain error, its best estimate when a series does not converge. The core then
// decides what each of those means (an infinite KL, a mass outside the support, a refused input) and
// never lets a NaN through as a result (compare() checks its totals).
//
// The definitions are PUBLIC so that one policy holds in every translation unit: templates
// instantiated with the default policy must mean the same thing everywhere (one-definition rule).

#include <boost/math/policies/policy.hpp>

#include <type_traits>

namespace klscope::math_policy_check {
namespace bp = boost::math::policies;
using Default = bp::policy<>;
static_assert(std::is_same_v<Default::domain_error_type, bp::domain_error<bp::errno_on_error>> &&
                  std::is_same_v<Default::pole_error_type, bp::pole_error<bp::errno_on_error>> &&
                  std::is_same_v<Default::overflow_error_type, bp::overflow_error<bp::errno_on_error>> &&
                  std::is_same_v<Default::evaluation_error_type, bp::evaluation_error<bp::errno_on_error>> &&
                  std::is_same_v<Default::rounding_error_type, bp::rounding_error<bp::errno_on_error>> &&
                  std::is_same_v<Default::indeterminate_result_error_type,
                                 bp::indeterminate_result_error<bp::errno_on_error>>,
              "Boost.Math must return values, never throw, in klscope (see core/mathpolicy.h)");
} // namespace klscope::math_policy_check
