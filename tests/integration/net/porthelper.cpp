// The "other process" of tst_portmanager (kept short: its name shows up in
// /proc/PID/comm, which holds 15 characters).
//   porthelper hold ADDRESS PORT     bind and listen, print "listening", wait to be killed
//   porthelper try-bind ADDRESS PORT bind and listen once: exit 0 if it worked, 1 with the error
//   porthelper manager ADDRESS PORT  the real PortManager wants ADDRESS:PORT for route
//                                    "privileged"; prints that listener's status as JSON

#include "net/PortManager.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int bindAndListen(const char *address, quint16 port)
{
    sockaddr_in where {};
    where.sin_family = AF_INET;
    where.sin_port = htons(port);
    if (::inet_pton(AF_INET, address, &where.sin_addr) != 1) {
        std::fprintf(stderr, "not an IPv4 address: %s\n", address);
        return -1;
    }
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);  // as nginx and most servers do
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&where), sizeof where) != 0 || ::listen(fd, 16) != 0) {
        std::printf("%s\n", std::strerror(errno));
        std::fflush(stdout);
        ::close(fd);
        return -1;
    }
    return fd;
}

}  // namespace

int main(int argc, char **argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: porthelper hold|try-bind|manager ADDRESS PORT\n");
        return 64;
    }
    const QByteArray mode = argv[1];
    const auto port = quint16(QByteArray(argv[3]).toUInt());

    if (mode == "hold") {
        if (bindAndListen(argv[2], port) < 0)
            return 1;
        std::printf("listening\n");
        std::fflush(stdout);
        for (;;)
            ::pause();
    }
    if (mode == "try-bind") {
        const int fd = bindAndListen(argv[2], port);
        if (fd < 0)
            return 1;
        ::close(fd);
        std::printf("ok\n");
        return 0;
    }
    if (mode == "manager") {
        QCoreApplication app(argc, argv);
        gatehouse::net::PortManager manager;
        const auto key = gatehouse::net::ListenerKey::make(QString::fromLocal8Bit(argv[2]), port);
        manager.reconcile({ { key, { QStringLiteral("privileged") } } });
        const auto status = manager.status(key);
        if (!status)
            return 2;
        std::printf("%s\n", QJsonDocument(status->toJson()).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    std::fprintf(stderr, "unknown mode %s\n", argv[1]);
    return 64;
}
