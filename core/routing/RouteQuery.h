#pragma once

#include "routing/ClientAddress.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QStringView>

namespace gatehouse::routing {

// Request headers as the HTTP parser hands them over: name and value bytes, names
// in any case, repeated names allowed.
using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// What is known about a connection when a route is chosen. The proxy fills it at
// each layer (TCP accept, TLS ClientHello, HTTP request head) and asks RouteTable.
// A view type: the strings and headers it points to must outlive the select() call.
struct RouteQuery
{
    quint16 port = 0;  // the local port the connection arrived on
    // SNI or Host, normalized with DomainPattern::normalizeHost; empty when unknown or absent.
    QStringView host;
    // The request path without the query; empty when unknown (TLS or TCP layer).
    QStringView path;
    ClientAddress client;  // null when unknown
    const HeaderList *headers = nullptr;  // null when the connection is not HTTP (or not parsed yet)
    // The TLS layer of a connection that may carry HTTP once decrypted: routes with
    // path or header matchers may match (a terminating one is then routed again per
    // request, where path and headers are known). False: missing path or headers fail them.
    bool httpLater = false;
};

}  // namespace gatehouse::routing
