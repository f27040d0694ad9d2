#pragma once

// The command line Windows stores for a service (its ImagePath), quoted so that
// CommandLineToArgvW, which Qt uses for QCoreApplication::arguments(), gives the
// service back exactly the arguments it was installed with. Portable C++ (no Qt,
// no Win32) so it is tested on Linux; used by the Windows service installer.

#include "Result.h"

#include <string>
#include <vector>

namespace gatehouse::platform {

// `program` must be an absolute Windows path (C:\... or \\server\...); it is always
// quoted, so a path with spaces cannot be mistaken for a shorter one (the
// "unquoted service path" hole). Each argument is quoted only when it needs to be.
// Failure: why the program path cannot be used.
Result<std::string, std::string> windowsCommandLine(const std::string &program,
                                                    const std::vector<std::string> &arguments);

// One argument as CommandLineToArgvW reads it back: quoted when empty or when it
// holds a space, tab, newline or double quote; backslashes doubled only where
// they precede a quote (inside the argument or the closing one).
std::string quoteWindowsArgument(const std::string &argument);

}  // namespace gatehouse::platform
