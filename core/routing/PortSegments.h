#pragma once

#include "config/Route.h"

#include <QList>

#include <vector>

namespace gatehouse::routing {

// Cuts the port space at every range boundary of a set of routes, so that each
// segment (a run of ports) has one fixed list of routes. A route with {from,to}
// costs one entry per segment it spans instead of one per port, and finding the
// routes of a port is a binary search. Used by RouteTable and the overlap analysis.
class PortSegments
{
public:
    // Adds `item` (a route's index, or any id the caller chooses) on every port of `ranges`.
    // Items must be added in ascending order; an item is listed once per segment.
    void add(int item, const QList<config::PortRange> &ranges);
    // Freezes the segments; call once after the last add().
    void finish();

    // The segment holding `port`, or -1 when nothing was added on it.
    int segmentOf(quint16 port) const;
    int segmentCount() const { return int(m_starts.size()); }
    // The items of a segment, in the order they were added.
    const std::vector<int> &items(int segment) const { return m_items[size_t(segment)]; }
    // The ports in use, sorted, adjacent and overlapping ranges merged.
    QList<config::PortRange> mergedRanges() const;

private:
    struct Pending
    {
        int item;
        int from;
        int to;
    };
    std::vector<Pending> m_pending;
    std::vector<int> m_starts;  // first port of each segment, ascending
    std::vector<int> m_ends;  // one past the last port of each segment
    std::vector<std::vector<int>> m_items;
};

}  // namespace gatehouse::routing
