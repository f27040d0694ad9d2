#pragma once

#include "config/Config.h"
#include "config/Diagnostic.h"

namespace gatehouse::routing {

// Warnings about enabled routes that RouteTable can never select, or whose winner only
// config order decides. ConfigValidator calls it on configs without errors (so every
// pattern parses) and appends the result. Each warning has the path "routes[i]" of the
// route that loses and names both routes:
//   - ambiguous: two routes with the same match (compared after normalization: merged
//     ports, lower-case domains, sorted lists) at the same priority; the earlier one wins.
//   - shadowed: another route matches every query this one matches and always ranks
//     above it under RouteTable's selection order, so this one is never selected.
// Only pairs are considered, and only what can be proved: when in doubt there is no
// warning. Candidates are found through the route's first port, domain and path, so the
// cost stays near linear unless many routes share all three.
config::Diagnostics analyzeOverlaps(const config::Config &config);

}  // namespace gatehouse::routing
