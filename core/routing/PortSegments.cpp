#include "routing/PortSegments.h"

#include <algorithm>

namespace gatehouse::routing {

void PortSegments::add(int item, const QList<config::PortRange> &ranges)
{
    for (const config::PortRange &range : ranges) {
        if (range.from <= range.to)
            m_pending.push_back({ item, int(range.from), int(range.to) + 1 });
    }
}

void PortSegments::finish()
{
    std::vector<int> bounds;
    bounds.reserve(m_pending.size() * 2);
    for (const Pending &p : m_pending) {
        bounds.push_back(p.from);
        bounds.push_back(p.to);
    }
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());

    // Segments between consecutive boundaries; the ones no range touches are dropped below.
    std::vector<std::vector<int>> items(bounds.empty() ? 0 : bounds.size() - 1);
    for (const Pending &p : m_pending) {
        auto seg = size_t(std::lower_bound(bounds.begin(), bounds.end(), p.from) - bounds.begin());
        for (; seg + 1 < bounds.size() && bounds[seg] < p.to; ++seg) {
            std::vector<int> &list = items[seg];
            // Items arrive in ascending order, so a repeat (overlapping ranges of one route) is the last one.
            if (list.empty() || list.back() != p.item)
                list.push_back(p.item);
        }
    }
    for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].empty())
            continue;
        m_starts.push_back(bounds[i]);
        m_ends.push_back(bounds[i + 1]);
        m_items.push_back(std::move(items[i]));
    }
    m_pending.clear();
    m_pending.shrink_to_fit();
}

int PortSegments::segmentOf(quint16 port) const
{
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), int(port));
    if (it == m_starts.begin())
        return -1;
    const auto segment = size_t(it - m_starts.begin()) - 1;
    return int(port) < m_ends[segment] ? int(segment) : -1;
}

QList<config::PortRange> PortSegments::mergedRanges() const
{
    QList<config::PortRange> merged;
    for (size_t i = 0; i < m_starts.size(); ++i) {
        if (!merged.isEmpty() && int(merged.last().to) + 1 >= m_starts[i])
            merged.last().to = quint16(m_ends[i] - 1);
        else
            merged.append({ quint16(m_starts[i]), quint16(m_ends[i] - 1) });
    }
    return merged;
}

}  // namespace gatehouse::routing
