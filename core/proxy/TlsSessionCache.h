#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <unordered_map>

using SSL_CTX = struct ssl_ctx_st;
using SSL_SESSION = struct ssl_session_st;

namespace gatehouse::proxy {

// The TLS sessions clients may resume, kept in the service for every server
// context instead of being sent to the client encrypted under a ticket key
// (stateless tickets). What a client holds only names a session here: a TLS 1.3
// ticket of 32 bytes or a TLS 1.2 session ID. So no key exists whose theft would
// open recorded connections, a resumption costs no serialisation and ticket
// encryption, and sessions outlive the TlsContextStore that made them: a config
// apply keeps them.
//
// TLS 1.3 tickets are single-use (RFC 8446, 8.1): resuming takes the session
// out, and the connection issues a new ticket. TLS 1.2 session IDs stay until
// they expire. At most `capacity` sessions (at least one; the oldest go first),
// each until its timeout. Thread-safe: workers handshake concurrently.
class TlsSessionCache
{
public:
    static constexpr std::size_t kCapacity = 20480;
    static constexpr long kLifetimeSeconds = 2 * 60 * 60;

    explicit TlsSessionCache(std::size_t capacity = kCapacity);
    ~TlsSessionCache();
    TlsSessionCache(const TlsSessionCache &) = delete;
    TlsSessionCache &operator=(const TlsSessionCache &) = delete;

    // The one the server contexts share.
    static TlsSessionCache &instance();
    // Makes `ctx` keep its sessions in `cache` (and nowhere else) for `kLifetimeSeconds`.
    static void attach(SSL_CTX *ctx, TlsSessionCache &cache = instance());

    // Takes over the caller's reference.
    void insert(SSL_SESSION *session);
    // The session with this ID, if it has not expired; with a reference for the
    // caller. A TLS 1.3 session leaves the cache.
    SSL_SESSION *take(const unsigned char *id, unsigned length);
    void remove(const unsigned char *id, unsigned length);

    struct Stats
    {
        std::size_t sessions = 0;  // held now
        std::uint64_t found = 0;  // take() calls that returned a session
        std::uint64_t missing = 0;  // and those that did not (unknown or expired)
    };
    Stats stats() const;

private:
    struct Id
    {
        std::uint8_t length = 0;
        std::array<unsigned char, 32> bytes {};
        friend bool operator==(const Id &, const Id &) = default;
    };
    struct IdHash
    {
        std::size_t operator()(const Id &id) const noexcept;
    };
    struct Entry
    {
        Id id;
        SSL_SESSION *session;
    };
    using Order = std::list<Entry>;  // oldest first

    static bool makeId(const unsigned char *bytes, unsigned length, Id *id);
    SSL_SESSION *takeLocked(const Id &id);
    void eraseLocked(Order::iterator entry);

    const std::size_t m_capacity;
    mutable std::mutex m_mutex;
    Order m_order;
    std::unordered_map<Id, Order::iterator, IdHash> m_byId;
    std::uint64_t m_found = 0;
    std::uint64_t m_missing = 0;
};

}  // namespace gatehouse::proxy
