#pragma once

#include "Result.h"
#include "acme/AcmeKey.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace gatehouse::acme {

// DER CSR with every domain in subjectAltName (first also as CN), signed with
// `key` (SHA-256). For the finalize request of an ACME order.
Result<QByteArray, QString> makeCsr(const PrivateKey &key, const QStringList &domains);

}  // namespace gatehouse::acme
