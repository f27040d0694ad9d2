#include "proxy/TlsSessionCache.h"

#include <openssl/ssl.h>

#include <algorithm>
#include <cstring>
#include <ctime>

namespace gatehouse::proxy {

namespace {

int cacheIndex()
{
    static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

TlsSessionCache *cacheOf(SSL_CTX *ctx)
{
    return ctx ? static_cast<TlsSessionCache *>(SSL_CTX_get_ex_data(ctx, cacheIndex())) : nullptr;
}

bool expired(const SSL_SESSION *session, long now)
{
    return SSL_SESSION_get_time(session) + SSL_SESSION_get_timeout(session) <= now;
}

// OpenSSL's external-cache callbacks. The session context is the one SSL_new()
// was given; after an SNI switch the connection's context is another one of the
// same store, attached to the same cache.
int onNewSession(SSL *ssl, SSL_SESSION *session)
{
    TlsSessionCache *cache = cacheOf(SSL_get_SSL_CTX(ssl));
    if (!cache)
        return 0;  // OpenSSL drops its reference
    cache->insert(session);
    return 1;
}

SSL_SESSION *onGetSession(SSL *ssl, const unsigned char *id, int length, int *copy)
{
    *copy = 0;  // take() already counted the caller's reference
    TlsSessionCache *cache = cacheOf(SSL_get_SSL_CTX(ssl));
    return cache && length > 0 ? cache->take(id, unsigned(length)) : nullptr;
}

// OpenSSL forgets a session after a fatal alert, sent or received.
void onRemoveSession(SSL_CTX *ctx, SSL_SESSION *session)
{
    if (TlsSessionCache *cache = cacheOf(ctx)) {
        unsigned length = 0;
        const unsigned char *id = SSL_SESSION_get_id(session, &length);
        cache->remove(id, length);
    }
}

}  // namespace

std::size_t TlsSessionCache::IdHash::operator()(const Id &id) const noexcept
{
    // Session IDs are random: their first bytes are hash enough.
    std::size_t hash = 0;
    std::memcpy(&hash, id.bytes.data(), sizeof hash);
    return hash ^ id.length;
}

TlsSessionCache::TlsSessionCache(std::size_t capacity) : m_capacity(std::max<std::size_t>(capacity, 1)) { }

TlsSessionCache::~TlsSessionCache()
{
    for (const Entry &entry : m_order)
        SSL_SESSION_free(entry.session);
}

TlsSessionCache &TlsSessionCache::instance()
{
    static TlsSessionCache cache;
    return cache;
}

void TlsSessionCache::attach(SSL_CTX *ctx, TlsSessionCache &cache)
{
    // Stateful tickets for TLS 1.3: the ticket is the session's ID.
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_SERVER | SSL_SESS_CACHE_NO_INTERNAL);
    SSL_CTX_set_timeout(ctx, kLifetimeSeconds);
    SSL_CTX_set_ex_data(ctx, cacheIndex(), &cache);
    SSL_CTX_sess_set_new_cb(ctx, &onNewSession);
    SSL_CTX_sess_set_get_cb(ctx, &onGetSession);
    SSL_CTX_sess_set_remove_cb(ctx, &onRemoveSession);
}

bool TlsSessionCache::makeId(const unsigned char *bytes, unsigned length, Id *id)
{
    if (length == 0 || length > id->bytes.size())
        return false;
    id->length = std::uint8_t(length);
    std::memcpy(id->bytes.data(), bytes, length);
    return true;
}

void TlsSessionCache::insert(SSL_SESSION *session)
{
    unsigned length = 0;
    const unsigned char *bytes = SSL_SESSION_get_id(session, &length);
    Id id;
    if (!makeId(bytes, length, &id)) {
        SSL_SESSION_free(session);
        return;
    }
    const long now = long(std::time(nullptr));
    const std::lock_guard lock(m_mutex);
    if (const auto found = m_byId.find(id); found != m_byId.end())
        eraseLocked(found->second);
    // Every session lives as long, so the oldest expire first.
    while (!m_order.empty() && (m_order.size() >= m_capacity || expired(m_order.front().session, now)))
        eraseLocked(m_order.begin());
    m_order.push_back(Entry { id, session });
    m_byId.emplace(id, std::prev(m_order.end()));
}

SSL_SESSION *TlsSessionCache::take(const unsigned char *bytes, unsigned length)
{
    Id id;
    const bool valid = makeId(bytes, length, &id);
    const std::lock_guard lock(m_mutex);
    SSL_SESSION *session = valid ? takeLocked(id) : nullptr;
    ++(session ? m_found : m_missing);
    return session;
}

SSL_SESSION *TlsSessionCache::takeLocked(const Id &id)
{
    const auto found = m_byId.find(id);
    if (found == m_byId.end())
        return nullptr;
    const Order::iterator entry = found->second;
    SSL_SESSION *session = entry->session;
    if (expired(session, long(std::time(nullptr)))) {
        eraseLocked(entry);
        return nullptr;
    }
    if (SSL_SESSION_get_protocol_version(session) == TLS1_3_VERSION) {
        m_byId.erase(found);
        m_order.erase(entry);
        return session;  // the cache's reference goes to the caller
    }
    SSL_SESSION_up_ref(session);
    return session;
}

void TlsSessionCache::remove(const unsigned char *bytes, unsigned length)
{
    Id id;
    if (!makeId(bytes, length, &id))
        return;
    const std::lock_guard lock(m_mutex);
    if (const auto found = m_byId.find(id); found != m_byId.end())
        eraseLocked(found->second);
}

TlsSessionCache::Stats TlsSessionCache::stats() const
{
    const std::lock_guard lock(m_mutex);
    return Stats { m_order.size(), m_found, m_missing };
}

void TlsSessionCache::eraseLocked(Order::iterator entry)
{
    SSL_SESSION_free(entry->session);
    m_byId.erase(entry->id);
    m_order.erase(entry);
}

}  // namespace gatehouse::proxy
