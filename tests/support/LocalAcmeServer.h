#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QTemporaryDir>

#include <optional>

class QSslSocket;

namespace gatehouse::test {

// A small ACME server for what Pebble cannot do (rateLimited answers, RFC 9773
// renewalInfo): real HTTPS on 127.0.0.1 with a self-signed certificate made by
// `openssl req`, answering the directory, newNonce, newAccount (always valid),
// newOrder (with a configurable problem document) and renewalInfo (with a
// configurable suggested window). Signatures are not checked. Connections are
// taken with a plain QTcpServer and encrypted by QSslSocket, so each one is
// served as soon as it is accepted.
class LocalAcmeServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit LocalAcmeServer(QObject *parent = nullptr);
    ~LocalAcmeServer() override;

    // Makes the certificate and listens on a free port; false with errorString() when not.
    bool start();
    QString errorString() const { return m_error; }

    QString directoryUrl() const;  // https://127.0.0.1:<port>/dir
    QString caBundlePath() const;  // the PEM of its certificate (for acme.caBundle)

    // What newOrder answers: an RFC 7807 problem document with this status, type
    // and detail, and a Retry-After header when retryAfterSeconds is given.
    void setOrderProblem(int httpStatus, const QString &type, const QString &detail,
                         std::optional<int> retryAfterSeconds = std::nullopt);
    // While holding, newOrder requests stay unanswered until releaseHeldOrders().
    void setHoldOrders(bool hold) { m_holdOrders = hold; }
    void releaseHeldOrders();
    int heldOrders() const { return int(m_held.size()); }

    // Whether the directory lists renewalInfo, and the window it suggests.
    void setRenewalInfo(bool offered) { m_renewalInfo = offered; }
    void setRenewalWindow(const QDateTime &start, const QDateTime &end,
                          std::optional<int> retryAfterSeconds = std::nullopt);

    // Requests answered (or held) so far per endpoint: "directory", "newNonce",
    // "newAccount", "newOrder", "renewalInfo", "unknown".
    int requests(const QString &endpoint) const { return m_counts.value(endpoint); }
    // The certificate ids renewalInfo was asked for, in order.
    QStringList renewalInfoIds() const { return m_renewalInfoIds; }

Q_SIGNALS:
    void requestReceived(const QString &endpoint);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QByteArray body;
    };
    void readRequests(QSslSocket *socket);
    void handle(QSslSocket *socket, const Request &request);
    void answerOrder(QSslSocket *socket);
    void reply(QSslSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
               const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    QString base() const;

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QString m_error;
    int m_orderStatus = 429;
    QByteArray m_orderProblem;
    std::optional<int> m_orderRetryAfter;
    bool m_holdOrders = false;
    QList<QPointer<QSslSocket>> m_held;
    bool m_renewalInfo = false;
    QDateTime m_windowStart, m_windowEnd;
    std::optional<int> m_windowRetryAfter;
    QHash<QString, int> m_counts;
    QStringList m_renewalInfoIds;
    QHash<QSslSocket *, QByteArray> m_buffers;
    quint64 m_nonce = 0;
};

}  // namespace gatehouse::test
