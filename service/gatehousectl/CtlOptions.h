#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace gatehouse::ctl {

// gatehousectl's exit codes: a public contract (DESIGN.md), scripts test them.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailed = 1,  // validation, conflicts, any request the service refused
    ExitUnreachable = 2,  // the service cannot be reached
    ExitPermissionDenied = 3,  // the socket or the service turned us away
    ExitUsage = 64,  // EX_USAGE: wrong command line
};

// What the command line asked for, or why it makes no sense. Parsed apart from
// running it so main() stays thin and --help lists every command in one place.
struct CtlOptions
{
    Q_DECLARE_TR_FUNCTIONS(gatehouse::ctl::CtlOptions)

public:
    enum class Command { Status, Validate, Apply, Routes, Ports, Certs, Renew, Reload, Events };

    struct Usage
    {
        QString message;  // empty: --help or --version was printed, exit 0
        int exitCode = ExitUsage;
    };

    Command command = Command::Status;
    QString commandName;
    QString argument;  // FILE for validate and apply, DOMAIN for renew
    QString endpoint;
    bool json = false;
    bool strict = false;
    std::optional<quint64> baseRevision;

    // arguments: QCoreApplication::arguments(). Prints --help and --version itself.
    static Result<CtlOptions, Usage> parse(const QStringList &arguments);
};

}  // namespace gatehouse::ctl
