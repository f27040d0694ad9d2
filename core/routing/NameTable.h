#pragma once

#include <QString>
#include <QStringView>

#include <vector>

namespace gatehouse::routing {

// A read-only hash from domain keys to ints, probed with QStringView slices of a host
// without building strings. Open addressing in one flat array keeps a failed probe (most
// dot-suffixes of a host) to a single cache line. The hash is unseeded and not
// cryptographic: the keys come from the config, and a client choosing what to look up
// can only pick which fixed probe run it walks, not make runs longer.
class NameTable
{
public:
    // Keys must be distinct; call finish() after the last insert.
    void insert(const QString &key, int value);
    void finish();

    // The value of `key`, or -1.
    int find(QStringView key) const;
    // No key is longer, so longer probes can be skipped.
    qsizetype maxKeyLength() const { return m_maxKeyLength; }
    bool isEmpty() const { return m_keys.empty(); }

    static quint64 hash(QStringView key);

private:
    struct Slot
    {
        quint64 hash = 0;
        int entry = -1;  // into m_keys and m_values; -1: empty
    };
    std::vector<Slot> m_slots;  // size is a power of two, at most half full
    std::vector<QString> m_keys;
    std::vector<int> m_values;
    qsizetype m_maxKeyLength = 0;
};

}  // namespace gatehouse::routing
