#include "routing/NameTable.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace gatehouse::routing {

void NameTable::insert(const QString &key, int value)
{
    m_keys.push_back(key);
    m_values.push_back(value);
    m_maxKeyLength = std::max(m_maxKeyLength, key.size());
}

void NameTable::finish()
{
    const size_t capacity = std::bit_ceil(std::max<size_t>(8, m_keys.size() * 2));
    m_slots.assign(capacity, {});
    for (size_t e = 0; e < m_keys.size(); ++e) {
        const quint64 h = hash(m_keys[e]);
        size_t i = size_t(h) & (capacity - 1);
        while (m_slots[i].entry >= 0)
            i = (i + 1) & (capacity - 1);
        m_slots[i] = { h, int(e) };
    }
}

int NameTable::find(QStringView key) const
{
    if (m_keys.empty() || key.size() > m_maxKeyLength)
        return -1;
    const quint64 h = hash(key);
    const size_t mask = m_slots.size() - 1;
    for (size_t i = size_t(h) & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.entry < 0)
            return -1;
        if (slot.hash == h && m_keys[size_t(slot.entry)] == key)
            return m_values[size_t(slot.entry)];
    }
}

quint64 NameTable::hash(QStringView key)
{
    // Four UTF-16 units per step with a multiply-xorshift mix (the splitmix64 finalizer);
    // domain keys are short, so this beats a byte-wise or seeded general-purpose hash.
    constexpr quint64 kMul1 = 0xbf58476d1ce4e5b9ULL;
    constexpr quint64 kMul2 = 0x94d049bb133111ebULL;
    quint64 h = 0x9e3779b97f4a7c15ULL ^ quint64(key.size());
    const char16_t *data = key.utf16();
    qsizetype n = key.size();
    while (n >= 4) {
        quint64 word;
        std::memcpy(&word, data, sizeof word);
        h = (h ^ word) * kMul1;
        h ^= h >> 31;
        data += 4;
        n -= 4;
    }
    quint64 tail = 0;
    for (qsizetype i = 0; i < n; ++i)
        tail |= quint64(data[i]) << (16 * i);
    h = (h ^ tail) * kMul2;
    h ^= h >> 29;
    h *= kMul1;
    h ^= h >> 32;
    return h;
}

}  // namespace gatehouse::routing
