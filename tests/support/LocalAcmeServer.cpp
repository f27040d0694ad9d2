#include "LocalAcmeServer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>

namespace gatehouse::test {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    default:
        return "Status";
    }
}

}  // namespace

LocalAcmeServer::LocalAcmeServer(QObject *parent) : QTcpServer(parent)
{
    setOrderProblem(429, QStringLiteral("urn:ietf:params:acme:error:rateLimited"),
                    QStringLiteral("too many new orders recently"), 3600);
}

LocalAcmeServer::~LocalAcmeServer() = default;

bool LocalAcmeServer::start()
{
    const QString keyPath = m_dir.filePath(QStringLiteral("acme-https.key"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), caBundlePath(), QStringLiteral("-days"),
                    QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                    QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1") });
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
        m_error = QStringLiteral("openssl req could not make the server certificate: ") + openssl.errorString() + u'\n'
            + QString::fromLocal8Bit(openssl.readAll());
        return false;
    }
    QFile key(keyPath);
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(caBundlePath(), QSsl::Pem);
    if (certificates.isEmpty() || !key.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read %1 or %2").arg(caBundlePath(), keyPath);
        return false;
    }
    m_certificate = certificates.first();
    m_key = QSslKey(key.readAll(), QSsl::Ec, QSsl::Pem);
    if (m_key.isNull()) {
        m_error = QStringLiteral("%1 is not an EC key in PEM").arg(keyPath);
        return false;
    }
    if (!listen(QHostAddress::LocalHost, 0)) {
        m_error = QStringLiteral("cannot listen on 127.0.0.1: ") + QTcpServer::errorString();
        return false;
    }
    return true;
}

QString LocalAcmeServer::base() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(serverPort());
}

QString LocalAcmeServer::directoryUrl() const
{
    return QString(base() + QStringLiteral("/dir"));
}

QString LocalAcmeServer::caBundlePath() const
{
    return m_dir.filePath(QStringLiteral("acme-https.pem"));
}

void LocalAcmeServer::setOrderProblem(int httpStatus, const QString &type, const QString &detail,
                                      std::optional<int> retryAfterSeconds)
{
    m_orderStatus = httpStatus;
    m_orderProblem = QJsonDocument(QJsonObject { { QStringLiteral("type"), type },
                                                 { QStringLiteral("detail"), detail },
                                                 { QStringLiteral("status"), httpStatus } })
                         .toJson(QJsonDocument::Compact);
    m_orderRetryAfter = retryAfterSeconds;
}

void LocalAcmeServer::setRenewalWindow(const QDateTime &start, const QDateTime &end,
                                       std::optional<int> retryAfterSeconds)
{
    m_windowStart = start;
    m_windowEnd = end;
    m_windowRetryAfter = retryAfterSeconds;
}

void LocalAcmeServer::releaseHeldOrders()
{
    const QList<QPointer<QSslSocket>> held = std::exchange(m_held, {});
    for (const QPointer<QSslSocket> &socket : held) {
        if (socket)
            answerOrder(socket);
    }
}

void LocalAcmeServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(m_certificate);
    tls.setPrivateKey(m_key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket->setSslConfiguration(tls);
    connect(socket, &QSslSocket::readyRead, this, [this, socket] { readRequests(socket); });
    connect(socket, &QSslSocket::disconnected, this, [this, socket] {
        m_buffers.remove(socket);
        socket->deleteLater();
    });
    socket->startServerEncryption();
}

void LocalAcmeServer::readRequests(QSslSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() < 2) {
            socket->abort();
            return;
        }
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (buffer.size() < headEnd + 4 + length)
            return;
        Request request { requestLine.at(0), requestLine.at(1), buffer.mid(headEnd + 4, length) };
        buffer.remove(0, headEnd + 4 + length);
        handle(socket, request);
    }
}

void LocalAcmeServer::handle(QSslSocket *socket, const Request &request)
{
    const QByteArray json = QByteArrayLiteral("application/json");
    const auto count = [this](const QString &endpoint) {
        m_counts[endpoint] += 1;
        Q_EMIT requestReceived(endpoint);
    };
    if (request.method == "GET" && request.path == "/dir") {
        count(QStringLiteral("directory"));
        QJsonObject directory { { QStringLiteral("newNonce"), QString(base() + QStringLiteral("/nonce")) },
                                { QStringLiteral("newAccount"), QString(base() + QStringLiteral("/account")) },
                                { QStringLiteral("newOrder"), QString(base() + QStringLiteral("/order")) } };
        if (m_renewalInfo)
            directory.insert(QStringLiteral("renewalInfo"), QString(base() + QStringLiteral("/renewal-info/")));
        return reply(socket, 200, json, QJsonDocument(directory).toJson(QJsonDocument::Compact));
    }
    if (request.path == "/nonce") {
        count(QStringLiteral("newNonce"));
        return reply(socket, 200, {}, {});
    }
    if (request.method == "POST" && request.path == "/account") {
        count(QStringLiteral("newAccount"));
        return reply(socket, 201, json, R"({"status":"valid"})",
                     { { "Location", QString(base() + QStringLiteral("/account/1")).toLatin1() } });
    }
    if (request.method == "POST" && request.path == "/order") {
        count(QStringLiteral("newOrder"));
        if (m_holdOrders) {
            m_held << socket;
            return;
        }
        return answerOrder(socket);
    }
    if (m_renewalInfo && request.method == "GET" && request.path.startsWith("/renewal-info/")) {
        m_renewalInfoIds << QString::fromLatin1(request.path.mid(qsizetype(qstrlen("/renewal-info/"))));
        count(QStringLiteral("renewalInfo"));
        const QJsonObject window { { QStringLiteral("start"), m_windowStart.toUTC().toString(Qt::ISODate) },
                                   { QStringLiteral("end"), m_windowEnd.toUTC().toString(Qt::ISODate) } };
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (m_windowRetryAfter)
            headers.append({ "Retry-After", QByteArray::number(*m_windowRetryAfter) });
        return reply(
            socket, 200, json,
            QJsonDocument(QJsonObject { { QStringLiteral("suggestedWindow"), window } }).toJson(QJsonDocument::Compact),
            headers);
    }
    count(QStringLiteral("unknown"));
    reply(socket, 404, "application/problem+json",
          R"({"type":"urn:ietf:params:acme:error:malformed","detail":"no such resource","status":404})");
}

void LocalAcmeServer::answerOrder(QSslSocket *socket)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (m_orderRetryAfter)
        headers.append({ "Retry-After", QByteArray::number(*m_orderRetryAfter) });
    reply(socket, m_orderStatus, "application/problem+json", m_orderProblem, headers);
}

void LocalAcmeServer::reply(QSslSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
                            const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Replay-Nonce: nonce" + QByteArray::number(++m_nonce) + "\r\n";
    out += "Cache-Control: no-store\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    out += body;
    socket->write(out);
}

}  // namespace gatehouse::test
