#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

class QHostInfo;
class QSocketNotifier;

namespace gatehouse::proxy {

struct ConnectError
{
    enum class Kind {
        Dns,  // the name did not resolve
        Refused,  // every address refused (nothing listens): 502
        Timeout,  // no answer within the timeout: 504
        Unreachable,  // no route to the host or network: 502
        Other,
    };
    Kind kind = Kind::Other;
    QString message;  // names the host, port and the last OS error
};

// Opens a TCP connection to an upstream: asynchronous DNS (QHostInfo, through a
// short TTL cache), a non-blocking connect to each address in turn, all within
// one timeout. Reports once, from the event loop, with connected() (the receiver
// takes the socket) or failed(). One connector per attempt; reusable after.
class UpstreamConnector : public QObject
{
    Q_OBJECT

public:
    explicit UpstreamConnector(QObject *parent = nullptr);
    ~UpstreamConnector() override;

    void connectToHost(const QString &host, quint16 port, std::chrono::milliseconds timeout);
    // Stops an attempt without reporting; a socket not handed out is closed.
    void abort();
    bool isConnecting() const { return m_active; }

Q_SIGNALS:
    void connected(qintptr socketDescriptor, const QHostAddress &address);
    void failed(const gatehouse::proxy::ConnectError &error);

private:
    void onLookup(const QHostInfo &info);
    void startLater();
    void tryNext();
    void onWritable();
    void onTimeout();
    void finishWithError(ConnectError::Kind kind, const QString &message);
    void dropSocket();

    QString m_host;
    quint16 m_port = 0;
    QList<QHostAddress> m_addresses;
    qsizetype m_next = 0;
    qintptr m_socket = -1;
    QHostAddress m_current;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_timer;
    int m_lookupId = -1;
    int m_lastError = 0;
    quint64 m_generation = 0;
    bool m_active = false;
};

}  // namespace gatehouse::proxy
