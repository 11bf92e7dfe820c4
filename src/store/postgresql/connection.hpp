// SPDX-License-Identifier: EUPL-1.2
// One connection to PostgreSQL (libpq), closed when it goes; used by one thread at a time.
#pragma once

#include "store/event_store.hpp"
#include "store/postgresql/params.hpp"
#include "store/postgresql/result.hpp"

#include <expected>
#include <memory>
#include <string>
#include <string_view>

struct pg_conn;

namespace intervisie::store::postgresql {

class Connection {
public:
  // Connects to `url` (postgresql://… or libpq's key=value form). `role` names the connection
  // in pg_stat_activity (application_name), so an operator can tell the writer from readers.
  // Anything the URL says wins over the defaults here (a connect timeout, TCP keepalives).
  static std::expected<Connection, StoreError> open(const std::string& url, std::string_view role);

  // One statement, with its parameters as $1, $2, …; `doing` goes in front of any error.
  std::expected<Result, StoreError> exec(std::string_view sql, const Params& params,
                                         std::string_view doing);
  std::expected<Result, StoreError> exec(std::string_view sql, std::string_view doing);
  // One or more statements separated by ';', without parameters (schema steps).
  std::expected<void, StoreError> exec_script(std::string_view sql, std::string_view doing);

  // Prepares `sql` as the named statement (once per connection) and runs it.
  std::expected<void, StoreError> prepare(std::string_view name, std::string_view sql);
  std::expected<Result, StoreError> exec_prepared(std::string_view name, const Params& params,
                                                  std::string_view doing);

  // Whether the connection still stands, found without waiting: reads whatever the server sent
  // meanwhile (such as its last words before it hung up).
  bool is_alive();
  // Rolls back an open transaction, if any; a failure here leaves nothing more to do.
  void rollback();

  // "PostgreSQL database "x" on host:port", for messages: never the URL, which may hold a
  // password.
  std::string describe() const;
  int backend_pid() const;
  pg_conn* native() const { return conn_.get(); }

private:
  struct Finish {
    void operator()(pg_conn* conn) const;
  };
  explicit Connection(std::unique_ptr<pg_conn, Finish> conn);

  std::expected<Result, StoreError> checked(pg_result* result, std::string_view doing);

  std::unique_ptr<pg_conn, Finish> conn_;
};

// "PostgreSQL database "x" on host:port" for a URL, without opening it and without its
// password; the URL's own words when libpq cannot read it.
std::string describe_url(const std::string& url);

} // namespace intervisie::store::postgresql
