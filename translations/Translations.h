#pragma once

#include <QString>
#include <QStringList>

// The languages Gatehouse speaks besides English (German, French, Spanish),
// compiled from translations/gatehouse_<lang>.ts and embedded in each program.
namespace gatehouse::i18n {

// The language asked for: --lang LANG (or --lang=LANG) among arguments, else
// $GATEHOUSE_LANG, else empty (the system locale decides).
QString requestedLanguage(const QStringList &arguments);

// Installs the translators for `language` ("de", "fr_CH", ...; empty: the
// system locale's UI languages in order) on the application: Gatehouse's own
// and, where Qt's are installed, Qt's (QCommandLineParser's --help text and the
// standard dialogs). Returns the Gatehouse language loaded, or empty when
// English is used (asked for, or no translation matches). Call it after the
// QCoreApplication exists and before any text is built.
QString installTranslators(const QString &language);

// What the programs' --lang option says.
QString languageOptionDescription();

}  // namespace gatehouse::i18n
