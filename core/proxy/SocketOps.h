#pragma once

// The handful of socket calls the data path makes (read, write, half-close,
// non-blocking connect), kept in one place so a Windows port replaces
// SocketOps.cpp (recv/send/closesocket/WSAGetLastError) and nothing else.

#include "Result.h"

#include <QHostAddress>
#include <QString>
#include <QtGlobal>

namespace gatehouse::proxy::socketops {

enum class IoStatus {
    Done,  // `bytes` moved (> 0)
    WouldBlock,  // nothing now; wait for the notifier
    Closed,  // receive: the peer sent FIN
    Failed,  // `error` holds the OS code
};

struct IoResult
{
    IoStatus status = IoStatus::Failed;
    qint64 bytes = 0;
    int error = 0;
};

// What a failed connect means to the caller (502 vs 504).
enum class ConnectErrorClass { Refused, TimedOut, Unreachable, Other };

IoResult receive(qintptr socket, char *data, qint64 size);
// Whether bytes wait to be read (a FIN or an error is not input); never blocks.
bool hasInput(qintptr socket);
// The addresses of a connected socket: the peer's, and our own end's. Null when unknown.
struct Endpoint
{
    QHostAddress address;
    quint16 port = 0;
};
Endpoint peerAddress(qintptr socket);
Endpoint localAddress(qintptr socket);
// Never raises SIGPIPE: a peer that went away is an EPIPE result.
IoResult send(qintptr socket, const char *data, qint64 size);
bool shutdownWrite(qintptr socket);
void close(qintptr socket);
bool setNonBlocking(qintptr socket);
void setNoDelay(qintptr socket);
// The result of a non-blocking connect once the socket is writable (SO_ERROR); 0 when connected.
int pendingError(qintptr socket);

// A non-blocking, close-on-exec socket whose connect is under way (or done); the
// OS error code when it failed at once.
Result<qintptr, int> startConnect(const QHostAddress &address, quint16 port);

ConnectErrorClass classifyConnectError(int code);
QString errorString(int code);

}  // namespace gatehouse::proxy::socketops
