#pragma once

// Small Win32 text helpers shared by the Windows platform files (no Qt here).

#include <string>

namespace gatehouse::platform {

std::string toUtf8(const wchar_t *text, int length = -1);
std::wstring toWide(const std::string &utf8);
// The system's message for a Win32 or Winsock error code, UTF-8, without the trailing newline.
std::string systemErrorText(unsigned long code);

}  // namespace gatehouse::platform
