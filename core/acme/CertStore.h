#pragma once

#include "Result.h"
#include "acme/CertificateInfo.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace gatehouse::acme {

// One certificate Gatehouse manages, keyed by its domain set, with the state of
// its issuance (persisted so a restart keeps backoff and errors).
struct StoredCertificate
{
    QStringList domains;  // normalized: lower case, sorted, unique
    QByteArray chainPem, keyPem;  // empty when never issued
    CertificateInfo info;  // parsed from chainPem
    QString orderUrl;
    // issuance state, persisted so a restart keeps it
    QDateTime lastAttempt, nextAttempt;
    QString lastError;
    int failures = 0;
};

// The certificates ACME issued, in the state directory, keyed by domain set (not
// by route, so renaming a route keeps its certificate):
//   <directory>/<key>/{fullchain.pem, privkey.pem (0600), meta.json (0600)}, directories 0700.
// key: the first normalized domain ('*' as '_') + "-" + the first 12 hex digits of
// SHA-256 of the normalized domains joined by ','. Each file is written
// atomically (QSaveFile); meta.json records the SHA-256 of the PEM files it
// belongs with. A save stages the new PEM files as *.next, commits by writing
// meta.json, then moves them into place, so a crash at any point leaves the old
// certificate or the new one loadable (a load finishes an interrupted move). An
// entry whose files do not match its record (changed by hand) fails to load
// (reported, skipped) instead of pairing a key with the wrong certificate. Used
// by the CertManager on the main thread.
class CertStore
{
public:
    explicit CertStore(QString directory);  // e.g. <stateDir>/certificates

    const QString &directory() const { return m_directory; }

    static QStringList normalize(const QStringList &domains);
    static QString keyFor(const QStringList &domains);
    QString entryPath(const QStringList &domains) const;

    // Every stored entry; an unreadable entry is reported in `errors` and skipped.
    QList<StoredCertificate> loadAll(QStringList *errors = nullptr) const;
    // The entry for `domains` (in any order); nullopt when none or unreadable
    // (then `error` says why, when given).
    std::optional<StoredCertificate> load(const QStringList &domains, QString *error = nullptr) const;
    // Certificate, key and metadata. The chain must parse; `info` is taken from it.
    Result<bool, QString> save(const StoredCertificate &certificate);
    // meta.json only: the issuance state (orderUrl, lastAttempt, nextAttempt,
    // lastError, failures); the certificate files and their record stay as stored.
    Result<bool, QString> saveState(const StoredCertificate &certificate);

private:
    Result<StoredCertificate, QString> loadEntry(const QString &path) const;
    Result<bool, QString> makeEntryDirectory(const QString &path) const;

    QString m_directory;
};

}  // namespace gatehouse::acme
