#pragma once

#include <QString>

namespace gatehouse::proxy {

// Why a message was rejected: the status the proxy answers with (400, 431, 501,
// 505 for clients; 502 for a malformed upstream response) and a reason for the
// log. The reason is for people; programs act on the status.
struct HttpError
{
    int status = 0;
    QString reason;

    bool isNull() const { return status == 0; }
};

}  // namespace gatehouse::proxy
