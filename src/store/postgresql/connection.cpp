// SPDX-License-Identifier: EUPL-1.2
#include "store/postgresql/connection.hpp"

#include "store/postgresql/pg_error.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <array>

namespace intervisie::store::postgresql {

void Connection::Finish::operator()(pg_conn* conn) const {
  PQfinish(conn);
}

Connection::Connection(std::unique_ptr<pg_conn, Finish> conn) : conn_{std::move(conn)} {}

std::expected<Connection, StoreError> Connection::open(const std::string& url,
                                                       std::string_view role) {
  const std::string application_name{role};
  // Later keywords win over earlier ones: the URL comes last, so what it says is what counts.
  // Keepalives find a peer that vanished without a word in about a minute, not two hours.
  const std::array<const char*, 8> keywords{
      "connect_timeout",     "application_name", "client_encoding", "keepalives_idle",
      "keepalives_interval", "keepalives_count", "dbname",          nullptr};
  const std::array<const char*, 8> values{
      "10", application_name.c_str(), "UTF8", "30", "10", "3", url.c_str(), nullptr};
  std::unique_ptr<pg_conn, Finish> conn{PQconnectdbParams(keywords.data(), values.data(), 1)};
  if (conn == nullptr || PQstatus(conn.get()) != CONNECTION_OK) {
    std::string where = "connecting to PostgreSQL";
    if (conn != nullptr && PQdb(conn.get()) != nullptr && *PQdb(conn.get()) != '\0')
      where += " (database \"" + std::string{PQdb(conn.get())} + "\")";
    return std::unexpected(connection_error(conn.get(), where));
  }
  // NOTICEs ("relation already exists, skipping") are not for the server's output.
  PQsetNoticeProcessor(
      conn.get(), [](void*, const char*) {}, nullptr);
  return Connection{std::move(conn)};
}

std::expected<Result, StoreError> Connection::checked(pg_result* raw, std::string_view doing) {
  Result result{raw};
  const ExecStatusType status = PQresultStatus(raw);
  if (raw == nullptr || (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK))
    return std::unexpected(statement_error(conn_.get(), raw, doing));
  return result;
}

std::expected<Result, StoreError> Connection::exec(std::string_view sql, const Params& params,
                                                   std::string_view doing) {
  if (params.problem())
    return std::unexpected(with_context(*params.problem(), doing));
  const std::string text{sql};
  return checked(PQexecParams(conn_.get(), text.c_str(), params.count(), nullptr, params.values(),
                              nullptr, nullptr, 0),
                 doing);
}

std::expected<Result, StoreError> Connection::exec(std::string_view sql, std::string_view doing) {
  return exec(sql, Params{}, doing);
}

std::expected<void, StoreError> Connection::exec_script(std::string_view sql,
                                                        std::string_view doing) {
  const std::string text{sql};
  auto done = checked(PQexec(conn_.get(), text.c_str()), doing);
  if (!done)
    return std::unexpected(std::move(done.error()));
  return {};
}

std::expected<void, StoreError> Connection::prepare(std::string_view name, std::string_view sql) {
  const std::string statement{name};
  const std::string text{sql};
  auto prepared = checked(PQprepare(conn_.get(), statement.c_str(), text.c_str(), 0, nullptr),
                          "preparing the statement " + statement);
  if (!prepared)
    return std::unexpected(std::move(prepared.error()));
  return {};
}

std::expected<Result, StoreError>
Connection::exec_prepared(std::string_view name, const Params& params, std::string_view doing) {
  if (params.problem())
    return std::unexpected(with_context(*params.problem(), doing));
  const std::string statement{name};
  return checked(PQexecPrepared(conn_.get(), statement.c_str(), params.count(), params.values(),
                                nullptr, nullptr, 0),
                 doing);
}

bool Connection::is_alive() {
  // A server that hangs up first sends its reason, then closes: a few reads find both.
  for (int reads = 0; reads < 8 && PQstatus(conn_.get()) == CONNECTION_OK; ++reads) {
    pollfd readable{.fd = PQsocket(conn_.get()), .events = POLLIN, .revents = 0};
    if (::poll(&readable, 1, 0) <= 0)
      break;
    if (PQconsumeInput(conn_.get()) == 0)
      return false;
  }
  return PQstatus(conn_.get()) == CONNECTION_OK;
}

void Connection::rollback() {
  const PGTransactionStatusType status = PQtransactionStatus(conn_.get());
  if (status == PQTRANS_INTRANS || status == PQTRANS_INERROR)
    PQclear(PQexec(conn_.get(), "ROLLBACK"));
}

std::string Connection::describe() const {
  const char* db = PQdb(conn_.get());
  const char* host = PQhost(conn_.get());
  const char* port = PQport(conn_.get());
  std::string description = "PostgreSQL database \"" + std::string{db != nullptr ? db : ""} + "\"";
  if (host != nullptr && *host != '\0')
    description += " on " + std::string{host} + (port != nullptr ? ":" + std::string{port} : "");
  return description;
}

std::string describe_url(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    PQfreemem(error);
    return "PostgreSQL (a URL libpq cannot read)";
  }
  std::string db;
  std::string host;
  std::string port;
  for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    const std::string_view keyword = option->keyword;
    const std::string value = option->val != nullptr ? option->val : "";
    if (keyword == "dbname")
      db = value;
    else if (keyword == "host")
      host = value;
    else if (keyword == "port")
      port = value;
  }
  PQconninfoFree(options);
  std::string description = "PostgreSQL database \"" + db + "\"";
  if (!host.empty())
    description += " on " + host + (port.empty() ? "" : ":" + port);
  return description;
}

int Connection::backend_pid() const {
  return PQbackendPID(conn_.get());
}

} // namespace intervisie::store::postgresql
