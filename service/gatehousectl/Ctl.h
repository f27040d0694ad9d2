#pragma once

#include "CtlOptions.h"
#include "control/ControlClient.h"

#include <QJsonObject>
#include <QObject>
#include <QTextStream>

#include <functional>
#include <optional>

namespace gatehouse::ctl {

// Runs one gatehousectl command against the service: reads FILE locally (so a
// JSON syntax error gets its line and column before anything is sent),
// connects, makes the call, prints the answer and picks the exit code (CtlOptions.h).
class Ctl : public QObject
{
    Q_OBJECT

public:
    explicit Ctl(CtlOptions options, QObject *parent = nullptr);

    // An exit code when the command ended at once (FILE unreadable or not JSON);
    // otherwise nullopt, and finished() follows from the event loop.
    std::optional<int> start();
    // SIGINT or SIGTERM: ends `events` normally (exit 0); others are cut short (exit 1).
    void interrupt();

Q_SIGNALS:
    void finished(int exitCode);

private:
    using OnResult = std::function<void(const QJsonValue &result)>;
    // The error's code decided nothing specific: say so and end.
    using OnError = std::function<bool(const control::RpcError &error)>;

    std::optional<int> loadFile();
    void run();
    void call(const QString &method, const QJsonValue &params, OnResult onResult, OnError onError = {});
    void requestFailed(const QString &method, const control::RpcError &error);
    void connectionFailed(const control::ConnectError &error);
    void permissionDenied(const QString &group, const QString &serverMessage);
    void finish(int exitCode);

    void status();
    void validate();
    void apply();
    void routes();
    void ports();
    void certs();
    void renew();
    void reload();
    void events();

    void printJson(const QJsonValue &value);
    void printErrorJson(const control::RpcError &error);
    void out(const QString &text);
    void err(const QString &text);

    CtlOptions m_options;
    control::ControlClient m_client;
    QJsonObject m_config;  // FILE's contents for validate and apply
    bool m_done = false;
    bool m_following = false;
    QTextStream m_out;
    QTextStream m_err;
};

}  // namespace gatehouse::ctl
