#pragma once

#include "HttpError.h"
#include "HttpHeaders.h"
#include "HttpParseStep.h"

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

struct llhttp__internal_s;

namespace gatehouse::proxy {

// The llhttp driver shared by HttpRequestParser and HttpResponseParser: turns
// llhttp's callbacks into one HttpParseStep per call, enforces the head size and
// field count caps, and rejects what llhttp 8.1 lets through even in strict mode
// (bare LF line ends, obs-fold, empty field names). The two parsers add the
// checks that depend on the message kind; nothing else should use this class.
class HttpMessageParser
{
public:
    enum class Mode { Request, Response };

    struct Limits
    {
        qsizetype maxHeadBytes = 64 * 1024;  // start line plus fields; the trailer section has the same cap
        int maxHeaderCount = 100;
    };

    // The head is written into `headers` and `startLineText` (the request target
    // or the reason phrase), which belong to the owning parser's head object.
    HttpMessageParser(Mode mode, const Limits &limits, HttpHeaders &headers, QByteArray &startLineText);
    ~HttpMessageParser();
    HttpMessageParser(const HttpMessageParser &) = delete;
    HttpMessageParser &operator=(const HttpMessageParser &) = delete;

    HttpParseStep parse(QByteArrayView input);
    // The peer closed its side: completes an until-close body, or fails on a truncated message.
    HttpParseStep finish();
    // Puts the parser in the error state (a check of the owning parser failed).
    HttpParseStep fail(int status, const QString &reason, qsizetype consumed = 0);
    // Back to the state of a new parser (for a new connection), keeping the
    // capacity of the buffers.
    void reset();

    // Valid after a Head step, until the next message starts.
    QByteArrayView method() const;
    int statusCode() const;
    int versionMajor() const;
    int versionMinor() const;
    bool hasContentLength() const;
    quint64 contentLength() const;
    bool hasTransferEncoding() const;
    bool isChunked() const;
    bool isUpgrade() const;  // llhttp's verdict: Upgrade + Connection: upgrade, CONNECT, or a 101
    bool shouldKeepAlive() const;
    bool needsEof() const;

    // Only between a Head step and the next parse(): change how llhttp frames the body.
    void skipBody();  // HEAD responses, 1xx, 204, 304
    void setUpgrade(bool upgrade);

    // After an Upgrade step (or before it, once the message is complete): the peer
    // did not switch protocols after all, so keep parsing HTTP.
    void continueAfterUpgrade();
    bool isUpgraded() const { return m_state == State::Upgraded; }
    bool hasError() const { return m_state == State::Error; }
    const HttpError &error() const { return m_error; }
    const HttpHeaders &trailers() const { return m_trailers; }
    // Between messages: no byte of a next message has been consumed yet.
    bool isIdle() const { return m_section == Section::Head && m_sectionBytes == 0; }

private:
    friend struct HttpMessageParserCallbacks;

    enum class State { Parsing, Upgraded, Error };
    enum class Section { Head, Body, Trailers };
    enum class Pending { None, Head, Body, MessageComplete, TrailersStart };
    enum class FieldState { None, Name, Value };

    HttpParseStep step(HttpParseStep::Event event, qsizetype consumed, QByteArrayView body = {}) const;
    bool scanSection(const char *data, qsizetype length);
    HttpParseStep failFromLlhttp(int code, qsizetype consumed);
    void resetMessage();
    HttpHeaders &fields() { return m_section == Section::Trailers ? m_trailers : m_headers; }
    bool setError(int status, const QString &reason);

    Mode m_mode;
    Limits m_limits;
    std::unique_ptr<llhttp__internal_s> m_parser;
    HttpHeaders &m_headers;
    QByteArray &m_startLineText;
    HttpHeaders m_trailers;

    State m_state = State::Parsing;
    Section m_section = Section::Head;
    Pending m_pending = Pending::None;
    FieldState m_fieldState = FieldState::None;
    bool m_paused = false;  // llhttp is paused by one of our callbacks and needs llhttp_resume()
    bool m_continueAfterUpgrade = false;
    bool m_finishing = false;  // inside llhttp_finish(), where callbacks must not pause
    qsizetype m_sectionBytes = 0;
    QByteArrayView m_body;
    HttpError m_error;

    // Line scanner state for the head and trailer sections.
    char m_prevByte = 0;
    qsizetype m_lineLength = 0;
    bool m_startLineDone = false;
};

}  // namespace gatehouse::proxy
