#pragma once

// Every JSON-RPC error code the control protocol uses, in one place, because
// gatehousectl maps them to exit codes and the GUI to messages: keep them stable.

namespace gatehouse::control::ErrorCode {

// JSON-RPC 2.0 standard codes.
inline constexpr int ParseError = -32700;  // the line is not valid JSON; the connection stays usable
inline constexpr int InvalidRequest = -32600;  // valid JSON but not a JSON-RPC 2.0 request (batches included)
inline constexpr int MethodNotFound = -32601;
inline constexpr int InvalidParams = -32602;  // data may carry {"path": "...", "expected": "..."}
inline constexpr int InternalError = -32603;  // a bug in the service; the message says what failed

// Application codes (JSON-RPC reserves -32000..-32099 for the server's own).
// config.apply: baseRevision is not the current revision; nothing changed.
// data: {"currentRevision": N}
inline constexpr int RevisionConflict = -32001;
// config.apply / config.validate: the config has errors; nothing changed.
// data: {"diagnostics": [{"severity", "path", "message", "line", "column"}...]}
inline constexpr int ValidationFailed = -32002;
// config.apply with strict: a wanted port could not be bound, so everything
// stayed as it was. data: {"ports": [ListenerStatus::toJson()...]}
inline constexpr int BindFailed = -32003;
// The access check refused this peer (not root, not the service's user, not in
// group gatehouse; Windows: not Administrators or SYSTEM). Sent once with id
// null, then the server disconnects. data: {"group": "gatehouse"}
inline constexpr int PermissionDenied = -32004;
// The named thing does not exist (certs.renew for a domain no route uses).
inline constexpr int NotFound = -32005;
// The service is shutting down or an operation of the same kind is running; retry later.
inline constexpr int Busy = -32006;

// Produced by ControlClient itself, never sent on the wire: the call did not get
// an answer. The message says why (and, when the connection failed, what to do).
inline constexpr int ClientTimeout = -32050;
inline constexpr int ConnectionLost = -32051;

}  // namespace gatehouse::control::ErrorCode
