#pragma once

#include <QString>

namespace gatehouse::proxy {

// Why a TLS context or certificate could not be loaded: a code the program acts
// on and a message that names the file and quotes OpenSSL.
struct TlsError
{
    enum class Code {
        CertificateFile,  // missing, unreadable or not a PEM certificate
        KeyFile,  // missing, unreadable or not a PEM private key
        KeyMismatch,  // the key does not belong to the certificate
        CaFile,  // the trusted-roots file could not be loaded
        Context,  // OpenSSL refused a setting (out of memory, bad cipher list)
    };

    Code code = Code::Context;
    QString message;

    // Empties OpenSSL's error queue of this thread into one readable line.
    static QString takeOpenSslErrors();
};

}  // namespace gatehouse::proxy
