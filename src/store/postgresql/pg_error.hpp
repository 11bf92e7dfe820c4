// SPDX-License-Identifier: EUPL-1.2
// PostgreSQL's errors as the store's typed errors, in words for the person running the server.
#pragma once

#include "store/event_store.hpp"

#include <string>
#include <string_view>

struct pg_conn;
struct pg_result;

namespace intervisie::store::postgresql {

// SQLSTATEs the store treats apart from the rest.
inline constexpr std::string_view unique_violation = "23505";

// What went wrong on the connection itself (it could not be opened, or it was lost): `io`.
// `doing` says what was being done; libpq's own message follows.
StoreError connection_error(const pg_conn* conn, std::string_view doing);

// A statement that failed: a unique violation is `conflict`, data damage `corrupt`, a lost
// connection and everything else `io`. The server's primary message follows `doing`.
StoreError statement_error(const pg_conn* conn, const pg_result* result, std::string_view doing);

// The five-character SQLSTATE of a failed result ("" when the server sent none, as when the
// connection was lost).
std::string sqlstate_of(const pg_result* result);

// True once libpq has found the connection broken.
bool is_lost(const pg_conn* conn);

// Puts context in front of an error from deeper down: "appending to session x: …".
StoreError with_context(StoreError error, std::string_view doing);

} // namespace intervisie::store::postgresql
