#pragma once

// What the stress tests share: gatehoused as a child process with its own
// temporary config, state directory and control socket; an nginx backend
// (test::NginxBackend);
// gatehousectl runs; an HTTP client for one request at a time; the resident
// memory of a process. Header-only: each stress test is one translation unit.
#include "NginxBackend.h"
#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <memory>
#include <sys/resource.h>

namespace gatehouse::stress {

// Lets this process open as many descriptors as its hard limit allows (the
// stress tests hold a thousand connections and more).
inline void raiseDescriptorLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// Resident memory of a process in KiB (VmRSS of /proc/PID/status); -1 when unknown.
inline qint64 residentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

inline qint64 median(QList<qint64> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    qint64 elapsedMs = 0;
    QString all() const { return out + err; }
};

// Runs a program to completion with the event loop running; exitCode -1 when
// it crashed or did not finish within timeoutMs (it is killed then).
inline Run runProgram(const QString &program, const QStringList &arguments, int timeoutMs = 30000)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    Run run;
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("%1 did not finish within %2 ms").arg(program).arg(timeoutMs);
        run.elapsedMs = timer.elapsed();
        return run;
    }
    run.elapsedMs = timer.elapsed();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// gatehoused as a child: etc/config.json, state/ and run/control.sock under
// one temporary directory that outlives restarts.
class ServiceProcess
{
public:
    ServiceProcess() { QDir().mkpath(m_dir.filePath(QStringLiteral("etc"))); }
    ~ServiceProcess() { stop(); }
    ServiceProcess(const ServiceProcess &) = delete;
    ServiceProcess &operator=(const ServiceProcess &) = delete;

    QString path(const QString &relative) const { return m_dir.filePath(relative); }
    QString configPath() const { return path(QStringLiteral("etc/config.json")); }
    QString stateDir() const { return path(QStringLiteral("state")); }
    QString socketPath() const { return path(QStringLiteral("run/control.sock")); }

    bool writeConfig(const QJsonObject &config) const
    {
        QFile file(configPath());
        const QByteArray json = QJsonDocument(config).toJson();
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(json) == json.size();
    }

    // Starts it on the current config file and waits for READY=1.
    bool start(const QString &logLevel = QStringLiteral("warning"))
    {
        QFile::remove(path(QStringLiteral("notify")));
        m_process = test::startGatehoused({ QStringLiteral("--config"), configPath(), QStringLiteral("--state-dir"),
                                            stateDir(), QStringLiteral("--control"), socketPath(),
                                            QStringLiteral("--log-level"), logLevel },
                                          path(QStringLiteral("notify")), 30000);
        return m_process != nullptr;
    }

    bool running() const { return m_process && m_process->state() == QProcess::Running; }
    qint64 pid() const { return m_process ? m_process->processId() : -1; }
    QProcess *process() const { return m_process.get(); }

    // SIGKILL, and waits until it is gone.
    void kill9()
    {
        if (!running())
            return;
        ::kill(pid_t(m_process->processId()), SIGKILL);
        m_process->waitForFinished(10000);
    }

    void stop()
    {
        if (running()) {
            m_process->terminate();
            if (!m_process->waitForFinished(10000))
                m_process->kill();
        }
        m_process.reset();
    }

    Run ctl(const QStringList &arguments, int timeoutMs = 30000) const
    {
        return runProgram(test::binaryPath(QStringLiteral("gatehousectl")),
                          QStringList { QStringLiteral("--control"), socketPath() } + arguments, timeoutMs);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
};

using test::NginxBackend;

struct HttpResult
{
    int status = 0;  // 0: no complete response
    QByteArray head;
    QString error;  // why there was no complete response
    qint64 elapsedUs = 0;
};

// One GET on a new connection (Connection: close), run with the event loop:
// the status of a complete response, or what went wrong.
inline HttpResult httpGet(quint16 port, const QByteArray &path = "/", int timeoutMs = 10000)
{
    HttpResult result;
    QElapsedTimer timer;
    timer.start();
    QTcpSocket socket;
    QByteArray received;
    bool closed = false;
    // Done when the head and as many body bytes as Content-Length says are in,
    // or the connection ended.
    const auto complete = [&] {
        const qsizetype end = received.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArray head = received.left(end).toLower();
        const qsizetype at = head.indexOf("content-length:");
        if (at < 0)
            return closed;
        const qsizetype lineEnd = head.indexOf("\r\n", at);
        const qint64 length = head.mid(at + 15, lineEnd < 0 ? -1 : lineEnd - at - 15).trimmed().toLongLong();
        return received.size() - end - 4 >= length;
    };
    // An event loop of its own (not QTest::qWaitFor, which sleeps 10 ms between
    // looks): the latency measured is the request's.
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    const auto check = [&] {
        if (complete() || closed)
            loop.quit();
    };
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        received += socket.readAll();
        check();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, [&] {
        closed = true;
        check();
    });
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, [&] {
        closed = true;
        check();
    });
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] {
        socket.write("GET " + path + " HTTP/1.1\r\nHost: stress.test\r\nConnection: close\r\n\r\n");
    });
    socket.connectToHost(QHostAddress::LocalHost, port);
    timeout.start(timeoutMs);
    loop.exec();
    if (!complete() && !closed) {
        result.error = QStringLiteral("no response within %1 ms").arg(timeoutMs);
    } else if (!complete()) {
        result.error = QStringLiteral("connection ended (%1) after %2 bytes: %3")
                           .arg(socket.errorString())
                           .arg(received.size())
                           .arg(QString::fromLatin1(received.left(200)));
    } else {
        result.head = received.left(received.indexOf("\r\n\r\n"));
        const QList<QByteArray> statusLine = result.head.split('\n').first().split(' ');
        result.status = statusLine.size() >= 2 ? statusLine[1].toInt() : 0;
        if (result.status == 0)
            result.error = QStringLiteral("bad status line: %1").arg(QString::fromLatin1(result.head.left(200)));
    }
    result.elapsedUs = timer.nsecsElapsed() / 1000;
    socket.abort();
    return result;
}

// A forward route as JSON; path non-empty makes it an HTTP route (the proxy
// reads requests and answers 502 itself when the target fails).
inline QJsonObject forwardRoute(const QString &name, quint16 port, quint16 target, const QString &path = {})
{
    QJsonObject match { { QStringLiteral("ports"), int(port) } };
    if (!path.isEmpty())
        match.insert(QStringLiteral("path"), path);
    return QJsonObject { { QStringLiteral("name"), name },
                         { QStringLiteral("match"), match },
                         { QStringLiteral("action"),
                           QJsonObject {
                               { QStringLiteral("type"), QStringLiteral("forward") },
                               { QStringLiteral("targets"),
                                 QJsonArray { QJsonObject { { QStringLiteral("host"), QStringLiteral("127.0.0.1") },
                                                            { QStringLiteral("port"), int(target) } } } } } } };
}

inline QJsonObject respondRoute(const QString &name, quint16 port, const QString &path, const QString &body)
{
    QJsonObject match { { QStringLiteral("ports"), int(port) } };
    if (!path.isEmpty())
        match.insert(QStringLiteral("path"), path);
    return QJsonObject {
        { QStringLiteral("name"), name },
        { QStringLiteral("match"), match },
        { QStringLiteral("action"),
          QJsonObject { { QStringLiteral("type"), QStringLiteral("respond") },
                        { QStringLiteral("respond"),
                          QJsonObject { { QStringLiteral("status"), 200 }, { QStringLiteral("body"), body } } } } }
    };
}

inline QJsonObject configJson(const QJsonArray &routes)
{
    return QJsonObject { { QStringLiteral("bindAddress"), QStringLiteral("127.0.0.1") },
                         { QStringLiteral("routes"), routes } };
}

}  // namespace gatehouse::stress
