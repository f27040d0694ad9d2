#include "net/ReconcileReport.h"

#include <QJsonArray>

namespace gatehouse::net {

QJsonObject ReconcileReport::toJson() const
{
    const auto keys = [](const QList<ListenerKey> &list) {
        QJsonArray array;
        for (const ListenerKey &key : list)
            array.append(key.toString());
        return array;
    };
    QJsonArray failures;
    for (const FailedListener &failure : failed) {
        QJsonObject error = failure.error.toJson();
        error.insert(QStringLiteral("listener"), failure.key.toString());
        failures.append(error);
    }
    return QJsonObject { { QStringLiteral("applied"), applied },         { QStringLiteral("reason"), reason },
                         { QStringLiteral("bound"), keys(bound) },       { QStringLiteral("kept"), keys(kept) },
                         { QStringLiteral("released"), keys(released) }, { QStringLiteral("failed"), failures } };
}

}  // namespace gatehouse::net
