#pragma once

#include <QString>

namespace gatehouse::test {

// Paths of the tree and of the built programs, for tests that run them.
QString sourcePath(const QString &relative);
QString binaryPath(const QString &program);

}  // namespace gatehouse::test
