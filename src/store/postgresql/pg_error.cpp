// SPDX-License-Identifier: EUPL-1.2
#include "store/postgresql/pg_error.hpp"

#include <libpq-fe.h>

namespace intervisie::store::postgresql {

namespace {

// libpq's messages end with a newline, may say "ERROR:  " first and run over several lines
// (indented with tabs): one line of single spaces, for a log.
std::string tidy(std::string_view message) {
  for (std::string_view prefix : {"ERROR:  ", "FATAL:  "})
    if (message.starts_with(prefix))
      message.remove_prefix(prefix.size());
  std::string line;
  for (char c : message) {
    const bool blank = c == '\n' || c == '\t' || c == ' ';
    if (!blank)
      line += c;
    else if (!line.empty() && line.back() != ' ')
      line += ' ';
  }
  while (!line.empty() && line.back() == ' ')
    line.pop_back();
  return line;
}

} // namespace

bool is_lost(const pg_conn* conn) {
  return conn == nullptr || PQstatus(conn) == CONNECTION_BAD;
}

StoreError connection_error(const pg_conn* conn, std::string_view doing) {
  const std::string detail = conn != nullptr ? tidy(PQerrorMessage(conn)) : "out of memory";
  return StoreError{StoreErrorCode::io,
                    std::string{doing} + ": " +
                        (detail.empty() ? "the connection to PostgreSQL was lost" : detail)};
}

std::string sqlstate_of(const pg_result* result) {
  const char* code = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  return code != nullptr ? code : "";
}

StoreError statement_error(const pg_conn* conn, const pg_result* result, std::string_view doing) {
  if (result == nullptr || is_lost(conn))
    return connection_error(conn, doing);
  const std::string state = sqlstate_of(result);
  const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  std::string detail = primary != nullptr ? primary : tidy(PQresultErrorMessage(result));
  if (detail.empty())
    detail = tidy(PQerrorMessage(conn));
  StoreErrorCode code = StoreErrorCode::io;
  if (state == unique_violation)
    code = StoreErrorCode::conflict;
  else if (state == "XX001" || state == "XX002") // data_corrupted, index_corrupted
    code = StoreErrorCode::corrupt;
  return StoreError{code, std::string{doing} + ": " + detail +
                              (state.empty() ? "" : " (SQLSTATE " + state + ")")};
}

StoreError with_context(StoreError error, std::string_view doing) {
  error.message = std::string{doing} + ": " + error.message;
  return error;
}

} // namespace intervisie::store::postgresql
