// Writes the service's built-in default config (the one gatehoused writes when
// it finds none) as canonical JSON, so the packages ship exactly what the code
// would create and the two never drift apart.
//   gatehouse-default-config CONFIG_PATH OUTPUT
// CONFIG_PATH is where the config will live once installed (the welcome page
// names it); OUTPUT is the file to write.

#include "config/ConfigWriter.h"
#include "config/DefaultConfig.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3) {
        err << "usage: gatehouse-default-config CONFIG_PATH OUTPUT" << Qt::endl;
        return 64;
    }
    const QByteArray json = gatehouse::config::ConfigWriter::write(gatehouse::config::defaultConfig(arguments[1]));
    QSaveFile file(arguments[2]);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        err << "gatehouse-default-config: cannot write " << arguments[2] << ": " << file.errorString() << Qt::endl;
        return 1;
    }
    return 0;
}
