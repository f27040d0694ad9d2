#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace gatehouse::test {

// Paths of the tree and of the built programs, for tests that run them.
QString sourcePath(const QString &relative);
QString binaryPath(const QString &program);

// A port on 127.0.0.1 that is free right now and that this process has not
// handed out before. Ports come from below the kernel's ephemeral range, so a
// listen(0) or an outgoing connection elsewhere never takes one before the
// test binds it; each process walks that range from its own offset.
quint16 freePort();
// Several distinct free ports, by the same rules.
QList<quint16> freePorts(int count);

// The first flight of a real OpenSSL client (its ClientHello), exactly what a
// proxy receives; serverName may be null for no SNI.
QByteArray opensslClientHello(const char *serverName, const QList<QByteArray> &alpn, int maxVersion = 0);

// Starts gatehoused with arguments and waits, with the event loop running, for
// its sd_notify READY=1: this process acts as its service manager through a
// datagram socket at notifySocket. nullptr when it did not come up within timeoutMs.
std::unique_ptr<QProcess> startGatehoused(const QStringList &arguments, const QString &notifySocket,
                                          int timeoutMs = 15000);

}  // namespace gatehouse::test
