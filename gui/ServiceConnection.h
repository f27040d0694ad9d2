#pragma once

#include "control/ControlClient.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

namespace gatehouse::gui {

// The GUI's link to gatehoused: a ControlClient that subscribes to events as
// soon as it connects and reconnects by itself with backoff. It words the
// connection state for the status bar, with what to do when it is down.
class ServiceConnection : public QObject
{
    Q_OBJECT

public:
    enum class State { Connecting, Connected, Unreachable, Denied };

    // explicitEndpoint: the user chose it (--control), so advice names it.
    ServiceConnection(QString endpoint, bool explicitEndpoint, QObject *parent = nullptr);

    void start();
    // Tries again at once (the "Reconnect" action), restarting the backoff.
    void reconnectNow();
    void setBackoff(std::chrono::milliseconds initial, std::chrono::milliseconds maximum);

    State state() const { return m_state; }
    QString endpoint() const { return m_endpoint; }
    // One or two plain sentences for the status bar.
    QString message() const { return m_message; }
    // The command that starts a service listening on this endpoint.
    QString startCommand() const;
    control::ControlClient *client() { return &m_client; }

Q_SIGNALS:
    void stateChanged(gatehouse::gui::ServiceConnection::State state);
    // Connected and subscribed to events.
    void connected();
    void eventReceived(const QJsonObject &event);

private:
    void connectNow();
    void onConnected();
    void onFailed(const control::ConnectError &error);
    void setState(State state, const QString &message);

    control::ControlClient m_client;
    QString m_endpoint;
    bool m_explicitEndpoint = false;
    State m_state = State::Connecting;
    QString m_message;
    QTimer m_retry;
    std::chrono::milliseconds m_initialDelay { 500 };
    std::chrono::milliseconds m_maximumDelay { 30000 };
    std::chrono::milliseconds m_delay { 500 };
};

}  // namespace gatehouse::gui
