#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace gatehouse::test {

// A strict reader of the Prometheus text exposition format (0.0.4) for tests:
// every line is "# HELP name text", "# TYPE name counter|gauge|...", or a
// sample "name{label="value",...} value"; a family's HELP and TYPE come before
// its samples and once each; a family's samples are contiguous; no series
// (name and label set) appears twice; label values use only the escapes \\, \"
// and \n. The first violation is the error, with its line number.
struct PrometheusText
{
    struct Sample
    {
        QString name;
        QMap<QString, QString> labels;
        double value = 0;
    };

    QList<Sample> samples;
    QMap<QString, QString> types;  // family name -> type
    QMap<QString, QString> help;
    QString error;  // empty when the text parsed

    static PrometheusText parse(const QByteArray &text);

    // The value of the one sample named `name` whose labels include `labels`;
    // nullopt when there is none, or more than one.
    std::optional<double> value(const QString &name, const QMap<QString, QString> &labels = {}) const;
    // value(), or NaN (which compares unequal to anything, and prints) when there is not exactly one.
    double number(const QString &name, const QMap<QString, QString> &labels = {}) const;
    // Every sample named `name` whose labels include `labels`.
    QList<Sample> find(const QString &name, const QMap<QString, QString> &labels = {}) const;
};

}  // namespace gatehouse::test
