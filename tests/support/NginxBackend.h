#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace gatehouse::test {

// nginx from Debian as a backend on 127.0.0.1: in the foreground, as one process
// (no master, no user switch), everything under a temporary prefix.
class NginxBackend
{
public:
    struct Options
    {
        // The directory it serves; empty: every request gets 200 "hello from the backend\n".
        QString root;
        // Log each request as "<connection> <request on it> \"<request line>\" <status>",
        // so a test sees whether a client kept its connection (accessLog()).
        bool accessLog = false;
    };

    NginxBackend() = default;
    ~NginxBackend();
    NginxBackend(const NginxBackend &) = delete;
    NginxBackend &operator=(const NginxBackend &) = delete;

    static QString program();

    // Starts it on a free port and waits until it listens (its pid file is
    // written once the listening socket is open); false with why in errors().
    bool start(const Options &options);
    bool start() { return start(Options()); }

    quint16 port() const { return m_port; }
    QString errors() const { return m_errors; }
    QStringList accessLog() const;

private:
    QString read(const QString &name) const;

    QTemporaryDir m_prefix;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_errors;
};

}  // namespace gatehouse::test
