// The "other user" of tst_controlaccess: run under setpriv with another uid, it
// calls one method through ControlClient and prints what happened as one JSON line:
//   controlhelper ENDPOINT METHOD
//   controlhelper --default-endpoint   prints ControlEndpoint::defaultEndpoint() for this user
//   controlhelper --client-endpoint    prints ControlEndpoint::clientEndpoint() for this user
//   {"outcome":"result"|"error"|"connect-failed"|"disconnected", "kind", "code", "message", "uid"}

#include "control/ControlClient.h"
#include "control/ControlEndpoint.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

using namespace gatehouse::control;

namespace {

void finish(QJsonObject report)
{
    static bool done = false;  // a failed connect also fails the call: report once
    if (done)
        return;
    done = true;
    report.insert(QStringLiteral("uid"), qint64(::getuid()));
    std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 2 && QByteArray(argv[1]) == "--default-endpoint") {
        std::printf("%s\n", qPrintable(ControlEndpoint::defaultEndpoint()));
        return 0;
    }
    if (argc == 2 && QByteArray(argv[1]) == "--client-endpoint") {
        std::printf("%s\n", qPrintable(ControlEndpoint::clientEndpoint()));
        return 0;
    }
    if (argc != 3) {
        std::fprintf(stderr, "usage: controlhelper ENDPOINT METHOD\n");
        return 64;
    }
    ControlClient client;
    QObject::connect(&client, &ControlClient::connectFailed, &app, [](const ConnectError &error) {
        finish({ { QStringLiteral("outcome"), QStringLiteral("connect-failed") },
                 { QStringLiteral("kind"), ConnectError::kindName(error.kind) },
                 { QStringLiteral("message"), error.message } });
    });
    client.connectToServer(QString::fromLocal8Bit(argv[1]));
    client.call(QString::fromLocal8Bit(argv[2]), QJsonObject {}, &app, [&client](const ControlClient::Reply &reply) {
        if (reply.ok()) {
            finish({ { QStringLiteral("outcome"), QStringLiteral("result") }, { QStringLiteral("result"), *reply } });
            return;
        }
        // A refused connection and a failed connect both fail the call; report
        // the classification when there is one.
        QJsonObject report { { QStringLiteral("outcome"), QStringLiteral("error") },
                             { QStringLiteral("code"), reply.error().code },
                             { QStringLiteral("message"), reply.error().message } };
        if (client.lastError())
            report.insert(QStringLiteral("kind"), ConnectError::kindName(client.lastError()->kind));
        finish(report);
    });
    return app.exec();
}
