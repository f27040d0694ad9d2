#include "proxy/TlsError.h"

#include <QCoreApplication>
#include <QStringList>

#include <openssl/err.h>

namespace gatehouse::proxy {

QString TlsError::takeOpenSslErrors()
{
    QStringList parts;
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        parts << QString::fromLatin1(text);
    }
    // The fallback can end a certificate error a person reads; OpenSSL's own texts stay as it words them.
    return parts.isEmpty() ? QCoreApplication::translate("gatehouse::proxy::TlsError", "no OpenSSL error reported")
                           : parts.join(QStringLiteral("; "));
}

}  // namespace gatehouse::proxy
