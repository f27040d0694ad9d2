#include "HttpMessageParser.h"

#include <cstring>
#include <llhttp.h>

namespace gatehouse::proxy {

// llhttp calls plain C functions; these forward to the parser in llhttp_t::data.
struct HttpMessageParserCallbacks
{
    static HttpMessageParser &self(llhttp_t *parser) { return *static_cast<HttpMessageParser *>(parser->data); }

    static int onMessageBegin(llhttp_t *parser)
    {
        HttpMessageParser &p = self(parser);
        p.m_headers.clear();
        p.m_startLineText.resize(0);
        p.m_trailers.clear();
        p.m_fieldState = HttpMessageParser::FieldState::None;
        return 0;
    }

    static int onStartLineText(llhttp_t *parser, const char *at, size_t length)
    {
        self(parser).m_startLineText.append(at, qsizetype(length));
        return 0;
    }

    static bool beginField(HttpMessageParser &p)
    {
        HttpHeaders &fields = p.fields();
        if (fields.size() >= p.m_limits.maxHeaderCount) {
            return p.setError(431,
                              QStringLiteral("more than %1 %2 fields")
                                  .arg(p.m_limits.maxHeaderCount)
                                  .arg(p.m_section == HttpMessageParser::Section::Trailers ? QStringLiteral("trailer")
                                                                                           : QStringLiteral("header")));
        }
        fields.beginField();
        return true;
    }

    static int onHeaderField(llhttp_t *parser, const char *at, size_t length)
    {
        HttpMessageParser &p = self(parser);
        if (p.m_fieldState != HttpMessageParser::FieldState::Name) {
            if (!beginField(p))
                return HPE_USER;
            p.m_fieldState = HttpMessageParser::FieldState::Name;
        }
        p.fields().appendToLastName(QByteArrayView(at, qsizetype(length)));
        return 0;
    }

    static int onHeaderFieldComplete(llhttp_t *parser)
    {
        HttpMessageParser &p = self(parser);
        // llhttp 8.1 accepts ": value" without calling on_header_field.
        if (p.m_fieldState != HttpMessageParser::FieldState::Name && !beginField(p))
            return HPE_USER;
        if (p.fields().nameAt(p.fields().size() - 1).isEmpty()) {
            p.setError(400, QStringLiteral("empty header field name"));
            return HPE_USER;
        }
        p.m_fieldState = HttpMessageParser::FieldState::Value;
        return 0;
    }

    static int onHeaderValue(llhttp_t *parser, const char *at, size_t length)
    {
        self(parser).fields().appendToLastValue(QByteArrayView(at, qsizetype(length)));
        return 0;
    }

    static int onHeaderValueComplete(llhttp_t *parser)
    {
        HttpMessageParser &p = self(parser);
        p.fields().trimLastValue();
        p.m_fieldState = HttpMessageParser::FieldState::None;
        return 0;
    }

    // The callbacks that end a step pause llhttp, so parse() returns exactly one
    // event and reports exactly how many bytes led to it.
    static int onHeadersComplete(llhttp_t *parser)
    {
        self(parser).m_pending = HttpMessageParser::Pending::Head;
        return HPE_PAUSED;
    }

    static int onBody(llhttp_t *parser, const char *at, size_t length)
    {
        // llhttp flushes an open body span at the end of every execute, even an
        // empty one; an empty slice is no event (and would loop the caller).
        if (length == 0)
            return 0;
        HttpMessageParser &p = self(parser);
        p.m_body = QByteArrayView(at, qsizetype(length));
        p.m_pending = HttpMessageParser::Pending::Body;
        return HPE_PAUSED;
    }

    static int onChunkHeader(llhttp_t *parser)
    {
        if (parser->content_length != 0)
            return 0;
        // The last chunk: what follows is the trailer section, which gets the
        // same line checks and size cap as the head.
        self(parser).m_pending = HttpMessageParser::Pending::TrailersStart;
        return HPE_PAUSED;
    }

    static int onMessageComplete(llhttp_t *parser)
    {
        HttpMessageParser &p = self(parser);
        p.m_pending = HttpMessageParser::Pending::MessageComplete;
        // llhttp_finish() cannot be paused; it returns the callback's value.
        return p.m_finishing ? 0 : HPE_PAUSED;
    }

    static const llhttp_settings_t *settings()
    {
        static const llhttp_settings_t instance = [] {
            llhttp_settings_t s;
            llhttp_settings_init(&s);
            s.on_message_begin = onMessageBegin;
            s.on_url = onStartLineText;
            s.on_status = onStartLineText;
            s.on_header_field = onHeaderField;
            s.on_header_field_complete = onHeaderFieldComplete;
            s.on_header_value = onHeaderValue;
            s.on_header_value_complete = onHeaderValueComplete;
            s.on_headers_complete = onHeadersComplete;
            s.on_body = onBody;
            s.on_chunk_header = onChunkHeader;
            s.on_message_complete = onMessageComplete;
            return s;
        }();
        return &instance;
    }
};

HttpMessageParser::HttpMessageParser(Mode mode, const Limits &limits, HttpHeaders &headers, QByteArray &startLineText)
    : m_mode(mode), m_limits(limits), m_parser(std::make_unique<llhttp_t>()), m_headers(headers),
      m_startLineText(startLineText)
{
    llhttp_init(m_parser.get(), mode == Mode::Request ? HTTP_REQUEST : HTTP_RESPONSE,
                HttpMessageParserCallbacks::settings());
    m_parser->data = this;
    // llhttp_init() zeroes the lenient flags; they stay off: each one re-opens a
    // smuggling vector (CL with TE, TE not ending in chunked, data after close).
    Q_ASSERT(m_parser->lenient_flags == 0);
}

HttpMessageParser::~HttpMessageParser() = default;

void HttpMessageParser::reset()
{
    llhttp_init(m_parser.get(), m_mode == Mode::Request ? HTTP_REQUEST : HTTP_RESPONSE,
                HttpMessageParserCallbacks::settings());
    m_parser->data = this;
    m_headers.clear();
    m_startLineText.resize(0);
    m_trailers.clear();
    m_state = State::Parsing;
    m_pending = Pending::None;
    m_paused = false;
    m_continueAfterUpgrade = false;
    m_finishing = false;
    m_body = {};
    m_error = HttpError();
    resetMessage();
}

HttpParseStep HttpMessageParser::step(HttpParseStep::Event event, qsizetype consumed, QByteArrayView body) const
{
    HttpParseStep result;
    result.event = event;
    result.consumed = consumed;
    result.body = body;
    return result;
}

bool HttpMessageParser::setError(int status, const QString &reason)
{
    if (m_error.isNull()) {
        m_error.status = m_mode == Mode::Response ? 502 : status;
        m_error.reason = reason;
    }
    return false;
}

HttpParseStep HttpMessageParser::fail(int status, const QString &reason, qsizetype consumed)
{
    setError(status, reason);
    m_state = State::Error;
    return step(HttpParseStep::Event::Error, consumed);
}

void HttpMessageParser::resetMessage()
{
    m_section = Section::Head;
    m_sectionBytes = 0;
    m_prevByte = 0;
    m_lineLength = 0;
    m_startLineDone = false;
    m_fieldState = FieldState::None;
}

bool HttpMessageParser::scanSection(const char *data, qsizetype length)
{
    // llhttp 8.1 accepts a bare LF after the start line and as the final empty
    // line, and joins obs-fold continuation lines into the value. Another parser
    // behind us may split the same bytes differently, so both are errors here
    // (RFC 9112 sections 2.2 and 5.2 allow a server to reject them).
    const bool request = m_mode == Mode::Request;
    qsizetype i = 0;
    while (i < length) {
        // Inside a line only CR and LF matter (and, on a request line, two spaces in
        // a row): skip to the next CR or LF with memchr rather than byte by byte.
        if (m_prevByte != '\r' && m_prevByte != '\n' && m_prevByte != 0) {
            const char *from = data + i;
            const qsizetype left = length - i;
            const void *cr = std::memchr(from, '\r', size_t(left));
            const qsizetype plain = cr ? static_cast<const char *>(cr) - from : left;
            const void *lf = std::memchr(from, '\n', size_t(plain));  // a bare LF: stop there
            const qsizetype run = lf ? static_cast<const char *>(lf) - from : plain;
            if (run > 0) {
                if (request && !m_startLineDone
                    && ((m_prevByte == ' ' && from[0] == ' ')
                        || QByteArrayView(from, run).contains(QByteArrayView("  ", 2))))
                    return setError(400, QStringLiteral("more than one space between request line parts"));
                m_lineLength += run;
                m_prevByte = from[run - 1];
                i += run;
                continue;
            }
        }
        const char c = data[i++];
        if (m_prevByte == '\r' && c != '\n')
            return setError(400, QStringLiteral("bare CR in the message head"));
        if (c == '\n') {
            if (m_prevByte != '\r')
                return setError(400, QStringLiteral("bare LF in the message head (lines must end with CRLF)"));
            if (m_lineLength > 0)
                m_startLineDone = true;
            m_lineLength = 0;
        } else if (c != '\r') {
            if ((c == ' ' || c == '\t') && m_prevByte == '\n' && m_startLineDone)
                return setError(400, QStringLiteral("obs-fold (a header line starting with whitespace)"));
            if (request && !m_startLineDone && c == ' ' && m_prevByte == ' ')
                return setError(400, QStringLiteral("more than one space between request line parts"));
            ++m_lineLength;
        }
        m_prevByte = c;
    }
    return true;
}

HttpParseStep HttpMessageParser::parse(QByteArrayView input)
{
    using Event = HttpParseStep::Event;
    if (m_state == State::Error)
        return step(Event::Error, 0);
    if (m_state == State::Upgraded) {
        if (!m_continueAfterUpgrade)
            return step(Event::Upgrade, 0);
        llhttp_resume_after_upgrade(m_parser.get());
        m_continueAfterUpgrade = false;
        m_state = State::Parsing;
    }

    static const char empty = 0;
    const char *data = input.isEmpty() ? &empty : input.data();
    qsizetype offset = 0;
    for (;;) {
        if (m_paused) {
            llhttp_resume(m_parser.get());
            m_paused = false;
        }
        const bool inSection = m_section != Section::Body;
        qsizetype length = input.size() - offset;
        if (inSection)
            length = qMin(length, m_limits.maxHeadBytes - m_sectionBytes);
        m_pending = Pending::None;
        const char *start = data + offset;
        const llhttp_errno_t code = llhttp_execute(m_parser.get(), start, size_t(length));
        const qsizetype used = code == HPE_OK ? length : qsizetype(llhttp_get_error_pos(m_parser.get()) - start);
        const bool paused = code == HPE_PAUSED || code == HPE_PAUSED_UPGRADE;

        if (inSection) {
            // On an llhttp error, scan the offending byte too: a bare LF is
            // reported as such rather than as llhttp's "invalid character".
            const qsizetype scanLength = paused || code == HPE_OK ? used : qMin(used + 1, length);
            if (!scanSection(start, scanLength))
                return fail(400, QString(), offset + used);
            m_sectionBytes += used;
        }
        offset += used;

        switch (code) {
        case HPE_OK:
            if (inSection && m_sectionBytes >= m_limits.maxHeadBytes) {
                return fail(431,
                            QStringLiteral("%1 larger than %2 bytes")
                                .arg(m_section == Section::Trailers ? QStringLiteral("trailer section")
                                                                    : QStringLiteral("message head"))
                                .arg(m_limits.maxHeadBytes),
                            offset);
            }
            return step(Event::NeedMore, offset);
        case HPE_PAUSED:
            m_paused = true;
            switch (m_pending) {
            case Pending::TrailersStart:
                m_section = Section::Trailers;
                m_sectionBytes = 0;
                m_prevByte = '\n';  // llhttp pauses after the last-chunk line's CRLF
                m_lineLength = 0;
                m_startLineDone = true;
                continue;
            case Pending::Head:
                m_section = Section::Body;
                m_sectionBytes = 0;
                return step(Event::Head, offset);
            case Pending::Body:
                return step(Event::Body, offset, m_body);
            case Pending::MessageComplete:
                resetMessage();
                return step(Event::MessageComplete, offset);
            case Pending::None:
                break;
            }
            return fail(500, QStringLiteral("internal error: llhttp paused without an event"), offset);
        case HPE_PAUSED_UPGRADE:
            if (m_continueAfterUpgrade) {
                llhttp_resume_after_upgrade(m_parser.get());
                m_continueAfterUpgrade = false;
                continue;
            }
            m_state = State::Upgraded;
            return step(Event::Upgrade, offset);
        default:
            return failFromLlhttp(code, offset);
        }
    }
}

HttpParseStep HttpMessageParser::finish()
{
    using Event = HttpParseStep::Event;
    if (m_state != State::Parsing)
        return parse(QByteArrayView());
    // Let llhttp run the steps that need no input (after a Head step it has not
    // yet chosen the body state); any event that produces comes first.
    const HttpParseStep pending = parse(QByteArrayView());
    if (pending.event != Event::NeedMore)
        return pending;
    if (m_section == Section::Head && m_sectionBytes == 0)
        return step(Event::NeedMore, 0);  // a clean end between messages

    m_finishing = true;
    m_pending = Pending::None;
    const llhttp_errno_t code = llhttp_finish(m_parser.get());
    m_finishing = false;
    if (code == HPE_OK && m_pending == Pending::MessageComplete) {
        resetMessage();
        return step(Event::MessageComplete, 0);
    }
    return fail(400,
                m_mode == Mode::Request
                    ? QStringLiteral("the client closed the connection in the middle of a request")
                    : QStringLiteral("the upstream closed the connection before the response was complete"));
}

HttpParseStep HttpMessageParser::failFromLlhttp(int code, qsizetype consumed)
{
    if (!m_error.isNull())
        return fail(m_error.status, m_error.reason, consumed);

    const QString detail = QString::fromLatin1(llhttp_get_error_reason(m_parser.get()));
    int status = 400;
    QString what;
    switch (code) {
    case HPE_INVALID_VERSION:
        status = 505;
        what = QStringLiteral("unsupported HTTP version");
        break;
    case HPE_PAUSED_H2_UPGRADE:
        status = 505;
        what = QStringLiteral("HTTP/2 connection preface on an HTTP/1.1 connection");
        break;
    case HPE_UNEXPECTED_CONTENT_LENGTH:
        what = QStringLiteral("conflicting message framing");
        break;
    case HPE_INVALID_CONTENT_LENGTH:
        what = QStringLiteral("invalid Content-Length");
        break;
    case HPE_INVALID_TRANSFER_ENCODING:
        what = QStringLiteral("invalid Transfer-Encoding (chunked must be the final coding, once)");
        break;
    case HPE_INVALID_CHUNK_SIZE:
        what = QStringLiteral("invalid chunk size");
        break;
    case HPE_INVALID_HEADER_TOKEN:
        what = QStringLiteral("invalid character in a header field");
        break;
    case HPE_INVALID_METHOD:
        what = QStringLiteral("invalid or unknown method");
        break;
    case HPE_INVALID_URL:
        what = QStringLiteral("invalid request target");
        break;
    case HPE_CLOSED_CONNECTION:
        what = QStringLiteral("data after the last message of the connection");
        break;
    case HPE_INVALID_STATUS:
        what = QStringLiteral("invalid status code");
        break;
    default:
        what = m_mode == Mode::Request ? QStringLiteral("malformed request") : QStringLiteral("malformed response");
        break;
    }
    return fail(status, what + QStringLiteral(": ") + detail, consumed);
}

QByteArrayView HttpMessageParser::method() const
{
    if (m_mode != Mode::Request)
        return {};
    return QByteArrayView(llhttp_method_name(llhttp_method_t(m_parser->method)));
}

int HttpMessageParser::statusCode() const
{
    return m_parser->status_code;
}

int HttpMessageParser::versionMajor() const
{
    return m_parser->http_major;
}

int HttpMessageParser::versionMinor() const
{
    return m_parser->http_minor;
}

bool HttpMessageParser::hasContentLength() const
{
    return (m_parser->flags & F_CONTENT_LENGTH) != 0;
}

quint64 HttpMessageParser::contentLength() const
{
    return m_parser->content_length;
}

bool HttpMessageParser::hasTransferEncoding() const
{
    return (m_parser->flags & F_TRANSFER_ENCODING) != 0;
}

bool HttpMessageParser::isChunked() const
{
    return (m_parser->flags & F_CHUNKED) != 0;
}

bool HttpMessageParser::isUpgrade() const
{
    return m_parser->upgrade != 0;
}

bool HttpMessageParser::shouldKeepAlive() const
{
    return llhttp_should_keep_alive(m_parser.get()) != 0;
}

bool HttpMessageParser::needsEof() const
{
    return llhttp_message_needs_eof(m_parser.get()) != 0;
}

void HttpMessageParser::skipBody()
{
    m_parser->flags |= F_SKIPBODY;
}

void HttpMessageParser::setUpgrade(bool upgrade)
{
    m_parser->upgrade = upgrade ? 1 : 0;
}

void HttpMessageParser::continueAfterUpgrade()
{
    m_continueAfterUpgrade = true;
}

}  // namespace gatehouse::proxy
