#include "platform/WindowsCommandLine.h"

namespace gatehouse::platform {

namespace {

bool isAbsoluteWindowsPath(const std::string &path)
{
    const auto separator = [](char c) { return c == '\\' || c == '/'; };
    if (path.size() >= 3 && ((path[0] >= 'A' && path[0] <= 'Z') || (path[0] >= 'a' && path[0] <= 'z')) && path[1] == ':'
        && separator(path[2])) {
        return true;
    }
    return path.size() >= 3 && separator(path[0]) && separator(path[1]) && !separator(path[2]);
}

}  // namespace

std::string quoteWindowsArgument(const std::string &argument)
{
    if (!argument.empty() && argument.find_first_of(" \t\n\v\"") == std::string::npos)
        return argument;
    std::string quoted = "\"";
    std::size_t backslashes = 0;
    for (const char c : argument) {
        if (c == '\\') {
            ++backslashes;
            continue;
        }
        // Backslashes are literal unless a quote follows: then each one is doubled
        // and the quote itself escaped.
        quoted.append(c == '"' ? backslashes * 2 + 1 : backslashes, '\\');
        quoted += c;
        backslashes = 0;
    }
    quoted.append(backslashes * 2, '\\');  // they precede the closing quote
    quoted += '"';
    return quoted;
}

Result<std::string, std::string> windowsCommandLine(const std::string &program,
                                                    const std::vector<std::string> &arguments)
{
    using CommandLine = Result<std::string, std::string>;
    if (program.empty())
        return CommandLine::failure("the service program's path is empty");
    // The program name is read up to the next quote with no escapes, so a quote
    // in it cannot be written at all (Windows file names cannot hold one anyway).
    if (program.find('"') != std::string::npos)
        return CommandLine::failure("the service program's path '" + program + "' contains a double quote");
    if (!isAbsoluteWindowsPath(program)) {
        return CommandLine::failure("the service program's path '" + program
                                    + "' is not absolute; the service control manager needs C:\\... or "
                                      "\\\\server\\...");
    }
    std::string line = "\"" + program + "\"";
    for (const std::string &argument : arguments)
        line += ' ' + quoteWindowsArgument(argument);
    return line;
}

}  // namespace gatehouse::platform
