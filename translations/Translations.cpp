#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace gatehouse::i18n {

namespace {

const QString kResourceDir = QStringLiteral(":/i18n");

}  // namespace

QString requestedLanguage(const QStringList &arguments)
{
    const QString option = QStringLiteral("--lang");
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == QStringLiteral("--"))
            break;
        if (argument == option && i + 1 < arguments.size())
            return arguments[i + 1];
        if (argument.startsWith(option + u'='))
            return argument.mid(option.size() + 1);
    }
    return qEnvironmentVariable("GATEHOUSE_LANG");
}

QString installTranslators(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // QLocale("xx") for an unknown name is the C locale: English.
    if (locale.language() == QLocale::C || locale.language() == QLocale::English)
        return {};
    auto *own = new QTranslator(QCoreApplication::instance());
    if (!own->load(locale, QStringLiteral("gatehouse"), QStringLiteral("_"), kResourceDir)) {
        delete own;
        return {};
    }
    QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return own->language();
}

QString languageOptionDescription()
{
    return QCoreApplication::translate("gatehouse::i18n",
                                       "Language of messages: de, en, es or fr (default: $GATEHOUSE_LANG, else the "
                                       "system's).");
}

}  // namespace gatehouse::i18n
