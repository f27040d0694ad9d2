#include "config/ConfigStore.h"

#include "config/ConfigWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace gatehouse::config {

namespace {

// QSaveFile writes a temporary file and renames it over the target, so a crash
// leaves either the old or the new file, never a mix.
QString writeAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        //: %1 is a file path, %2 the system's reason.
        return QCoreApplication::translate("gatehouse::config::ConfigStore", "cannot write %1: %2")
            .arg(path, file.errorString());
    if (file.write(data) != data.size() || !file.commit())
        return QCoreApplication::translate("gatehouse::config::ConfigStore", "cannot write %1: %2")
            .arg(path, file.errorString());
    return {};
}

}  // namespace

ConfigStore::ConfigStore(QString path, ConfigValidator::Options options) : m_path(std::move(path)), m_options(options)
{ }

bool ConfigStore::exists() const
{
    return QFileInfo::exists(m_path);
}

ConfigStore::Outcome ConfigStore::checkFile(Config *parsed) const
{
    const ConfigLoader::Result loaded = ConfigLoader::loadFile(m_path, m_options);
    Outcome outcome;
    outcome.diagnostics = loaded.diagnostics;
    outcome.revision = m_revision;
    if (!loaded.ok()) {
        outcome.status = Status::Invalid;
        return outcome;
    }
    *parsed = loaded.config;
    return outcome;
}

ConfigStore::Outcome ConfigStore::check(const QByteArray &json, quint64 baseRevision, Config *parsed) const
{
    Outcome outcome;
    outcome.revision = m_revision;
    if (baseRevision != 0 && baseRevision != m_revision) {
        outcome.status = Status::RevisionConflict;
        outcome.error
            = QCoreApplication::translate("gatehouse::config::ConfigStore",
                                          "the config changed since revision %1; the running revision is %2: reload it "
                                          "and apply your change again")
                  .arg(baseRevision)
                  .arg(m_revision);
        return outcome;
    }
    const ConfigLoader::Result loaded = ConfigLoader::load(json, m_options);
    outcome.diagnostics = loaded.diagnostics;
    if (!loaded.ok()) {
        outcome.status = Status::Invalid;
        return outcome;
    }
    if (parsed)
        *parsed = loaded.config;
    return outcome;
}

ConfigStore::Outcome ConfigStore::commit(const Config &config)
{
    Outcome outcome;
    outcome.revision = m_revision;
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        outcome.status = Status::WriteFailed;
        outcome.error
            = QCoreApplication::translate("gatehouse::config::ConfigStore", "cannot create the directory of %1")
                  .arg(m_path);
        return outcome;
    }
    QFile current(m_path);
    if (current.exists()) {
        if (!current.open(QIODevice::ReadOnly)) {
            outcome.status = Status::WriteFailed;
            //: %1 is the config file's path, %2 the system's reason.
            outcome.error = QCoreApplication::translate("gatehouse::config::ConfigStore",
                                                        "cannot read %1 to keep it as a backup: %2")
                                .arg(m_path, current.errorString());
            return outcome;
        }
        if (QString error = writeAtomically(m_path + QStringLiteral(".bak"), current.readAll()); !error.isEmpty()) {
            outcome.status = Status::WriteFailed;
            outcome.error = error;
            return outcome;
        }
    }
    if (QString error = writeAtomically(m_path, ConfigWriter::write(config)); !error.isEmpty()) {
        outcome.status = Status::WriteFailed;
        outcome.error = error;
        return outcome;
    }
    m_config = config;
    outcome.revision = ++m_revision;
    return outcome;
}

ConfigStore::Outcome ConfigStore::adopt(const Config &config)
{
    m_config = config;
    Outcome outcome;
    outcome.revision = ++m_revision;
    return outcome;
}

}  // namespace gatehouse::config
