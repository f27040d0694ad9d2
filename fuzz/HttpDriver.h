#pragma once

#include "FuzzCheck.h"
#include "proxy/HttpParseStep.h"

#include <functional>

namespace gatehouse::fuzz {

// Feeds bytes to an HTTP parser the way HttpConnection does (keep what was not
// consumed, append the next read, parse until NeedMore) and writes down what
// came out: the same input split differently must give the same story.
// onHead is called at each Head step and returns text for the trace.
template<typename Parser> class HttpDriver
{
public:
    using Event = proxy::HttpParseStep::Event;

    HttpDriver(Parser &parser, std::function<QByteArray(Parser &)> onHead)
        : m_parser(parser), m_onHead(std::move(onHead))
    { }

    // Returns false once the parser stopped for good (error).
    bool feed(QByteArrayView chunk)
    {
        if (m_stopped)
            return false;
        m_pending.append(chunk.data(), chunk.size());
        for (int guard = 0;; ++guard) {
            FUZZ_CHECK(guard < 100000, QStringLiteral("parser makes no progress"));
            const proxy::HttpParseStep step = m_parser.parse(m_pending);
            FUZZ_CHECK(step.consumed >= 0 && step.consumed <= m_pending.size(),
                       QStringLiteral("consumed %1 of %2").arg(step.consumed).arg(m_pending.size()));
            if (step.event == Event::Body) {
                FUZZ_CHECK(!step.body.isEmpty(), QStringLiteral("empty body step"));
                FUZZ_CHECK(step.body.data() >= m_pending.constData()
                               && step.body.data() + step.body.size() <= m_pending.constData() + m_pending.size(),
                           QStringLiteral("body view outside the input"));
            }
            if (step.event == Event::NeedMore)
                FUZZ_CHECK(step.consumed == m_pending.size(), QStringLiteral("NeedMore left bytes unconsumed"));
            record(step);
            m_pending.remove(0, step.consumed);
            if (step.event == Event::NeedMore)
                return true;
            if (step.event == Event::Error) {
                m_stopped = true;
                return false;
            }
            if (step.event == Event::Upgrade) {
                // The peer did not switch after all (HttpConnection::finishRequest): HTTP goes on.
                if (!continueAfterUpgrade())
                    return false;
            }
        }
    }

    void finish()
    {
        for (int guard = 0; !m_stopped; ++guard) {
            FUZZ_CHECK(guard < 1000, QStringLiteral("finish() makes no progress"));
            const proxy::HttpParseStep step = m_parser.finish();
            record(step);
            if (step.event != Event::MessageComplete)
                break;
        }
        flushBody();
    }

    QByteArray trace()
    {
        flushBody();
        return m_trace;
    }

private:
    bool continueAfterUpgrade()
    {
        if constexpr (requires(Parser & p) { p.continueAfterUpgrade(); }) {
            m_parser.continueAfterUpgrade();
            return true;
        } else {
            m_stopped = true;  // a response tunnel: the rest are tunnel bytes
            return false;
        }
    }

    void flushBody()
    {
        if (m_body.isEmpty())
            return;
        m_trace += "B" + QByteArray::number(m_body.size()) + ':' + m_body + '\n';
        m_body.clear();
    }

    void record(const proxy::HttpParseStep &step)
    {
        if (step.event == Event::Body) {
            m_body.append(step.body.data(), step.body.size());
            return;
        }
        if (step.event == Event::NeedMore)
            return;
        flushBody();
        switch (step.event) {
        case Event::Head:
            m_trace += "H " + m_onHead(m_parser) + '\n';
            break;
        case Event::MessageComplete:
            m_trace += "C\n";
            break;
        case Event::Upgrade:
            m_trace += "U\n";
            break;
        case Event::Error:
            FUZZ_CHECK(m_parser.error().status >= 400 && !m_parser.error().reason.isEmpty(),
                       QStringLiteral("error without status or reason"));
            // Only that it failed: llhttp reports some errors a byte later when the
            // next byte is at hand ("HTTP/0.1" then a bare LF: 505 byte by byte, 400 whole).
            m_trace += "E\n";
            break;
        default:
            break;
        }
    }

    Parser &m_parser;
    std::function<QByteArray(Parser &)> m_onHead;
    QByteArray m_pending;
    QByteArray m_body;
    QByteArray m_trace;
    bool m_stopped = false;
};

// The traces of one input fed whole, byte by byte and in pseudo-random chunks.
template<typename Run> void checkSplitsAgree(QByteArrayView input, Run run)
{
    const QByteArray whole = run([&](auto &driver) { driver.feed(input); });
    const QByteArray chunked = run([&](auto &driver) {
        Splitter splitter(input);
        for (qsizetype pos = 0; pos < input.size();) {
            const qsizetype n = splitter.next(input.size() - pos);
            if (!driver.feed(input.sliced(pos, n)))
                break;
            pos += n;
        }
    });
    FUZZ_CHECK(whole == chunked,
               QStringLiteral("split input parses differently:\n--- whole\n%1--- chunked\n%2")
                   .arg(QString::fromLatin1(whole), QString::fromLatin1(chunked)));
    if (input.size() > 2048)
        return;
    const QByteArray single = run([&](auto &driver) {
        for (qsizetype pos = 0; pos < input.size(); ++pos) {
            if (!driver.feed(input.sliced(pos, 1)))
                break;
        }
    });
    FUZZ_CHECK(whole == single,
               QStringLiteral("input fed byte by byte parses differently:\n--- whole\n%1--- bytes\n%2")
                   .arg(QString::fromLatin1(whole), QString::fromLatin1(single)));
}

}  // namespace gatehouse::fuzz
