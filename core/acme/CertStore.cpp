#include "acme/CertStore.h"

#include "acme/AcmeServingLogging.h"
#include "proxy/TlsContextStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <filesystem>

namespace gatehouse::acme {

namespace {

constexpr char kChainFile[] = "fullchain.pem";
constexpr char kKeyFile[] = "privkey.pem";
constexpr char kMetaFile[] = "meta.json";
// A renewal writes the new PEM files under this suffix first: the old pair
// stays in place, and valid, until meta.json (the commit) names the new one.
constexpr char kNextSuffix[] = ".next";
constexpr int kMetaVersion = 1;

constexpr QFileDevice::Permissions kPrivateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kPublicFile
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
constexpr QFileDevice::Permissions kPrivateDirectory
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonValue &value)
{
    const QString text = value.toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

// The failures of save() and saveState() reach only the log (the CertManager
// logs them), so they stay English like the log; what a load reports goes to
// control clients and into a certificate's last error, in the user's language.
Result<bool, QString> writeFile(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions)
{
    using R = Result<bool, QString>;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return R::failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    // The temporary file gets its mode before the first byte, and keeps it when renamed.
    if (!file.setPermissions(permissions)) {
        file.cancelWriting();
        return R::failure(QStringLiteral("cannot set the permissions of %1: %2").arg(path, file.errorString()));
    }
    if (file.write(bytes) != bytes.size() || !file.commit())
        return R::failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

Result<QByteArray, QString> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QByteArray, QString>::failure(
            QCoreApplication::translate("gatehouse::acme::CertStore", "cannot read %1: %2")
                .arg(path, file.errorString()));
    return file.readAll();
}

QJsonArray toJson(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

void writeState(QJsonObject &meta, const StoredCertificate &certificate)
{
    meta.insert(QStringLiteral("orderUrl"), certificate.orderUrl);
    meta.insert(QStringLiteral("lastAttempt"), timeText(certificate.lastAttempt));
    meta.insert(QStringLiteral("nextAttempt"), timeText(certificate.nextAttempt));
    meta.insert(QStringLiteral("lastError"), certificate.lastError);
    meta.insert(QStringLiteral("failures"), certificate.failures);
}

}  // namespace

CertStore::CertStore(QString directory) : m_directory(std::move(directory)) { }

QStringList CertStore::normalize(const QStringList &domains)
{
    QStringList normalized;
    normalized.reserve(domains.size());
    for (const QString &domain : domains) {
        QString name = domain.trimmed().toLower();
        if (name.endsWith(QLatin1Char('.')))
            name.chop(1);
        if (!name.isEmpty())
            normalized << name;
    }
    std::sort(normalized.begin(), normalized.end());
    normalized.erase(std::unique(normalized.begin(), normalized.end()), normalized.end());
    return normalized;
}

QString CertStore::keyFor(const QStringList &domains)
{
    const QStringList normalized = normalize(domains);
    if (normalized.isEmpty())
        return {};
    QString first = normalized.first();
    // Only what is safe in a file name on every platform; the hash keeps keys distinct.
    for (QChar &c : first) {
        const bool safe = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'-';
        if (!safe)
            c = u'_';
    }
    const QByteArray hash
        = QCryptographicHash::hash(normalized.join(QLatin1Char(',')).toUtf8(), QCryptographicHash::Sha256)
              .toHex()
              .left(12);
    return first + u'-' + QString::fromLatin1(hash);
}

QString CertStore::entryPath(const QStringList &domains) const
{
    return m_directory + u'/' + keyFor(domains);
}

Result<bool, QString> CertStore::makeEntryDirectory(const QString &path) const
{
    using R = Result<bool, QString>;
    if (!QDir().mkpath(path))
        return R::failure(QStringLiteral("cannot create the directory %1").arg(path));
    for (const QString &directory : { m_directory, path }) {
        if (!QFile::setPermissions(directory, kPrivateDirectory))
            return R::failure(QStringLiteral("cannot make %1 private (mode 0700)").arg(directory));
    }
    return true;
}

Result<StoredCertificate, QString> CertStore::loadEntry(const QString &path) const
{
    using R = Result<StoredCertificate, QString>;
    const QString metaPath = path + u'/' + QLatin1String(kMetaFile);
    if (!QFileInfo::exists(metaPath))
        return R::failure(
            //: %1 is a directory, %2 the file name meta.json
            QCoreApplication::translate("gatehouse::acme::CertStore", "%1: no %2 (an interrupted first write?)")
                .arg(path, QLatin1String(kMetaFile)));
    const auto metaBytes = readFile(metaPath);
    if (!metaBytes)
        return R::failure(metaBytes.error());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(metaBytes.value(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return R::failure(
            //: %1 is a file, %2 what is wrong with it (the JSON parser's error, or "wrong type"), %3 a byte offset
            QCoreApplication::translate("gatehouse::acme::CertStore", "%1: not a JSON object (%2 at offset %3)")
                .arg(metaPath,
                     parseError.error != QJsonParseError::NoError
                         ? parseError.errorString()
                         //: valid JSON, but not an object
                         : QCoreApplication::translate("gatehouse::acme::CertStore", "wrong type"),
                     QString::number(parseError.offset)));
    const QJsonObject meta = document.object();

    StoredCertificate certificate;
    QStringList domains;
    for (const QJsonValue &value : meta.value(QStringLiteral("domains")).toArray())
        domains << value.toString();
    certificate.domains = normalize(domains);
    if (certificate.domains.isEmpty())
        return R::failure(
            QCoreApplication::translate("gatehouse::acme::CertStore", "%1: \"domains\" is missing or empty")
                .arg(metaPath));
    const QString expectedKey = keyFor(certificate.domains);
    if (QFileInfo(path).fileName() != expectedKey)
        return R::failure(
            //: %1 is the meta.json file, %2 a list of domains, %3 the name of the directory they belong in
            QCoreApplication::translate("gatehouse::acme::CertStore", "%1: the domains %2 belong in %3, not here")
                .arg(metaPath, certificate.domains.join(QStringLiteral(", ")), expectedKey));
    certificate.orderUrl = meta.value(QStringLiteral("orderUrl")).toString();
    certificate.lastAttempt = timeFrom(meta.value(QStringLiteral("lastAttempt")));
    certificate.nextAttempt = timeFrom(meta.value(QStringLiteral("nextAttempt")));
    certificate.lastError = meta.value(QStringLiteral("lastError")).toString();
    certificate.failures = meta.value(QStringLiteral("failures")).toInt();

    const QJsonObject files = meta.value(QStringLiteral("files")).toObject();
    if (files.isEmpty())
        return certificate;  // never issued: state only

    // The files must be the ones meta.json was written with. A save stopped
    // after its commit (meta.json) but before the new files were moved into
    // place finishes here: the staged file is the recorded one.
    for (const char *name : { kChainFile, kKeyFile }) {
        const QString filePath = path + u'/' + QLatin1String(name);
        const QString recorded = files.value(QLatin1String(name)).toString();
        auto bytes = readFile(filePath);
        if (!bytes || sha256Hex(bytes.value()) != recorded) {
            const QString staged = filePath + QLatin1String(kNextSuffix);
            const auto next = readFile(staged);
            if (next && !recorded.isEmpty() && sha256Hex(next.value()) == recorded) {
                std::error_code error;
                std::filesystem::rename(QFile::encodeName(staged).toStdString(),
                                        QFile::encodeName(filePath).toStdString(), error);
                if (error)
                    qCWarning(lcAcmeServing).noquote()
                        << "cannot move" << staged << "into place:" << QString::fromStdString(error.message());
                bytes = next;
            }
        }
        if (!bytes)
            return R::failure(bytes.error());
        if (recorded.isEmpty() || sha256Hex(bytes.value()) != recorded)
            return R::failure(
                //: %1 is a certificate or key file, %2 the file name meta.json that records its checksum
                QCoreApplication::translate("gatehouse::acme::CertStore",
                                            "%1 does not match %2 (a write was interrupted, or the file was changed "
                                            "by hand)")
                    .arg(filePath, QLatin1String(kMetaFile)));
        (name == kChainFile ? certificate.chainPem : certificate.keyPem) = bytes.value();
    }
    const auto info = CertificateInfo::parse(certificate.chainPem);
    if (!info)
        return R::failure(QStringLiteral("%1/%2: %3").arg(path, QLatin1String(kChainFile), info.error()));
    certificate.info = info.value();
    return certificate;
}

QList<StoredCertificate> CertStore::loadAll(QStringList *errors) const
{
    QList<StoredCertificate> all;
    const QDir directory(m_directory);
    if (!directory.exists())
        return all;
    const QStringList entries = directory.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QString &entry : entries) {
        auto loaded = loadEntry(directory.filePath(entry));
        if (loaded) {
            all << std::move(loaded).value();
        } else {
            qCWarning(lcAcmeServing).noquote() << "stored certificate skipped:" << loaded.error();
            if (errors)
                *errors << loaded.error();
        }
    }
    return all;
}

std::optional<StoredCertificate> CertStore::load(const QStringList &domains, QString *error) const
{
    if (normalize(domains).isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("gatehouse::acme::CertStore", "no domains given");
        return std::nullopt;
    }
    const QString path = entryPath(domains);
    if (!QFileInfo::exists(path))
        return std::nullopt;
    auto loaded = loadEntry(path);
    if (!loaded) {
        if (error)
            *error = loaded.error();
        return std::nullopt;
    }
    return std::move(loaded).value();
}

Result<bool, QString> CertStore::save(const StoredCertificate &certificate)
{
    using R = Result<bool, QString>;
    const QStringList domains = normalize(certificate.domains);
    if (domains.isEmpty())
        return R::failure(QStringLiteral("cannot store a certificate without domains"));
    const auto info = CertificateInfo::parse(certificate.chainPem);
    if (!info)
        return R::failure(
            QStringLiteral("certificate for %1: %2").arg(domains.join(QStringLiteral(", ")), info.error()));
    // A key that does not belong to the certificate would only fail later, at every handshake.
    const auto usable = proxy::TlsContextStore::loadContext(
        proxy::TlsCertificateSource::fromPem(domains, certificate.chainPem, certificate.keyPem));
    if (!usable)
        return R::failure(
            QStringLiteral("certificate for %1: %2").arg(domains.join(QStringLiteral(", ")), usable.error().message));

    const QString path = entryPath(domains);
    if (auto made = makeEntryDirectory(path); !made)
        return made;
    // Key and certificate staged next to the pair in use, which stays whole and
    // matching its record until meta.json, written last, vouches for the new
    // pair; only then do they move into place (loadEntry() finishes that move
    // when the process died before it). A crash at any point leaves the old
    // certificate or the new one usable, never neither.
    const QString keyPath = path + u'/' + QLatin1String(kKeyFile);
    const QString chainPath = path + u'/' + QLatin1String(kChainFile);
    const QString suffix = QLatin1String(kNextSuffix);
    if (auto written = writeFile(keyPath + suffix, certificate.keyPem, kPrivateFile); !written)
        return written;
    if (auto written = writeFile(chainPath + suffix, certificate.chainPem, kPublicFile); !written)
        return written;

    QJsonObject meta;
    meta.insert(QStringLiteral("version"), kMetaVersion);
    meta.insert(QStringLiteral("domains"), toJson(domains));
    meta.insert(QStringLiteral("certificateDomains"), toJson(info->domains));
    meta.insert(QStringLiteral("serial"), info->serial);
    meta.insert(QStringLiteral("issuer"), info->issuer);
    meta.insert(QStringLiteral("notBefore"), timeText(info->notBefore));
    meta.insert(QStringLiteral("notAfter"), timeText(info->notAfter));
    meta.insert(QStringLiteral("ariCertId"), info->ariCertId);
    writeState(meta, certificate);
    QJsonObject files;
    files.insert(QLatin1String(kChainFile), sha256Hex(certificate.chainPem));
    files.insert(QLatin1String(kKeyFile), sha256Hex(certificate.keyPem));
    meta.insert(QStringLiteral("files"), files);
    if (auto written = writeFile(path + u'/' + QLatin1String(kMetaFile),
                                 QJsonDocument(meta).toJson(QJsonDocument::Indented), kPrivateFile);
        !written)
        return written;
    for (const QString &target : { keyPath, chainPath }) {
        std::error_code error;
        std::filesystem::rename(QFile::encodeName(target + suffix).toStdString(),
                                QFile::encodeName(target).toStdString(), error);
        if (error)
            return R::failure(QStringLiteral("cannot move %1 into place: %2")
                                  .arg(target + suffix, QString::fromStdString(error.message())));
    }
    return true;
}

Result<bool, QString> CertStore::saveState(const StoredCertificate &certificate)
{
    using R = Result<bool, QString>;
    const QStringList domains = normalize(certificate.domains);
    if (domains.isEmpty())
        return R::failure(QStringLiteral("cannot store certificate state without domains"));
    const QString path = entryPath(domains);
    if (auto made = makeEntryDirectory(path); !made)
        return made;
    const QString metaPath = path + u'/' + QLatin1String(kMetaFile);

    QJsonObject meta;
    if (QFileInfo::exists(metaPath)) {
        const auto bytes = readFile(metaPath);
        if (!bytes)
            return R::failure(bytes.error());
        const QJsonDocument document = QJsonDocument::fromJson(bytes.value());
        if (document.isObject())
            meta = document.object();
        else
            qCWarning(lcAcmeServing).noquote() << metaPath << "was unreadable and is replaced by the issuance state";
    }
    meta.insert(QStringLiteral("version"), kMetaVersion);
    meta.insert(QStringLiteral("domains"), toJson(domains));
    writeState(meta, certificate);
    return writeFile(metaPath, QJsonDocument(meta).toJson(QJsonDocument::Indented), kPrivateFile);
}

}  // namespace gatehouse::acme
