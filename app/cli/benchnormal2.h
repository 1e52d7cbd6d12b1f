#pragma once

// klscope-cli bench --normal2 [--json]: the 2-D page's edit→replot (benchnormal2.cpp).

namespace cli {

int benchNormal2(bool json);

} // namespace cli
