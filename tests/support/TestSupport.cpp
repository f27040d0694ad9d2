#include "TestSupport.h"

namespace gatehouse::test {

QString sourcePath(const QString &relative)
{
    return QStringLiteral(GATEHOUSE_SOURCE_DIR) + u'/' + relative;
}

QString binaryPath(const QString &program)
{
    return QStringLiteral(GATEHOUSE_BINARY_DIR) + QStringLiteral("/bin/") + program;
}

}  // namespace gatehouse::test
