#pragma once

#include "config/Config.h"
#include "config/ConfigLoader.h"
#include "config/Diagnostic.h"

#include <QByteArray>
#include <QString>

namespace gatehouse::config {

// The service's config file and the config running from it, with a revision
// that counts applies. Validation and the atomic write live here; the service
// decides when to commit (after a strict port reconcile, for instance), so a
// rejected config never touches the file or the running revision.
class ConfigStore
{
public:
    enum class Status {
        Ok,
        Invalid,  // validation errors; nothing changed
        RevisionConflict,  // baseRevision was stale; nothing changed
        WriteFailed,  // the file could not be written; nothing changed
    };

    struct Outcome
    {
        Status status = Status::Ok;
        Diagnostics diagnostics;  // errors and warnings from validation
        QString error;  // what went wrong, for WriteFailed and RevisionConflict
        quint64 revision = 0;  // the running revision after the call
        bool ok() const { return status == Status::Ok; }
    };

    explicit ConfigStore(QString path, ConfigValidator::Options options = {});

    const QString &path() const { return m_path; }
    const Config &config() const { return m_config; }
    quint64 revision() const { return m_revision; }

    bool exists() const;
    // Checks a candidate config (JSON) against the rules and the revision it was
    // based on (0: none given). Changes nothing.
    Outcome check(const QByteArray &json, quint64 baseRevision, Config *parsed) const;
    // Reads and checks the file as it is now (for a reload). Changes nothing.
    Outcome checkFile(Config *parsed) const;
    // Writes `config` atomically (the previous file kept as PATH.bak; the
    // directory created on first start) and makes it the running config, revision + 1.
    Outcome commit(const Config &config);
    // Makes `config`, read from the file by checkFile(), the running config,
    // revision + 1, without writing.
    Outcome adopt(const Config &config);

    QString m_path;
    ConfigValidator::Options m_options;
    Config m_config;
    quint64 m_revision = 0;
};

}  // namespace gatehouse::config
