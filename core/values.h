#pragma once

// The array type of the comparison's per-event data: a std::vector<double> whose resize leaves new
// elements uninitialised, because every element is written right after (at 10^6 events the zero-fill
// of seven arrays cost more than a tenth of an edit).

#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace klscope {

/// std::allocator, except that value-initialising construction (resize, vector(n)) default-initialises.
template <class T> struct DefaultInitAllocator : std::allocator<T>
{
    using std::allocator<T>::allocator;
    template <class U> struct rebind
    {
        using other = DefaultInitAllocator<U>;
    };
    template <class U> void construct(U *p) noexcept(std::is_nothrow_default_constructible_v<U>)
    {
        ::new (static_cast<void *>(p)) U;
    }
    template <class U, class... Args> void construct(U *p, Args &&...args)
    {
        ::new (static_cast<void *>(p)) U(std::forward<Args>(args)...);
    }
};

/// Per-event doubles; used as std::span<const double> wherever they are read.
using Values = std::vector<double, DefaultInitAllocator<double>>;

} // namespace klscope
