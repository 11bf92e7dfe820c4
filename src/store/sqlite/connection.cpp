// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite/connection.hpp"

#include "store/sqlite/sqlite_error.hpp"

#include <sqlite3.h>

namespace intervisie::store::sqlite {

void Connection::Close::operator()(sqlite3* db) const {
  // _v2: closes once the last statement is finalized, whatever order members die in.
  sqlite3_close_v2(db);
}

Connection::Connection(std::unique_ptr<sqlite3, Close> db, std::filesystem::path file)
    : db_{std::move(db)}, file_{std::move(file)} {}

std::expected<Connection, StoreError> Connection::open(const std::filesystem::path& file) {
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int result = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
  std::unique_ptr<sqlite3, Close> db{raw}; // closes on failure too
  if (result != SQLITE_OK)
    return std::unexpected(sqlite_error(db.get(), result, "opening " + file.string()));
  sqlite3_extended_result_codes(db.get(), 1);
  return Connection{std::move(db), file};
}

std::expected<void, StoreError> Connection::exec(const std::string& sql, std::string_view doing) {
  char* message = nullptr;
  const int result = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &message);
  sqlite3_free(message); // sqlite_error() reads the same text from the connection
  if (result != SQLITE_OK)
    return std::unexpected(sqlite_error(db_.get(), result, doing));
  return {};
}

std::expected<std::string, StoreError> Connection::pragma(const std::string& sql) {
  auto statement = prepare(sql);
  if (!statement)
    return std::unexpected(std::move(statement.error()));
  auto use = statement->use();
  auto row = statement->step();
  if (!row)
    return std::unexpected(std::move(row.error()));
  return *row ? statement->text_at(0) : std::string{};
}

std::expected<Statement, StoreError> Connection::prepare(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  const int result = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  if (result != SQLITE_OK) {
    sqlite3_finalize(raw);
    return std::unexpected(
        sqlite_error(db_.get(), result, "preparing \"" + std::string{sql} + "\""));
  }
  return Statement{db_.get(), raw};
}

std::expected<void, StoreError> Connection::check_writable() {
  const auto cannot = [this](std::string_view why) {
    std::string message = file_.string() + " cannot be written, and the server must write it (";
    message.append(why).append(")");
    return std::unexpected(StoreError{StoreErrorCode::io, std::move(message)});
  };
  if (sqlite3_db_readonly(db_.get(), "main") == 1)
    return cannot("it could be opened for reading only");
  // The write lock needs the log to be writable too. A file that is not a database fails here
  // as such (corrupt), not as one that cannot be written.
  auto locked = exec("BEGIN IMMEDIATE; ROLLBACK;", "taking the write lock");
  if (!locked && locked.error().code != StoreErrorCode::corrupt)
    return cannot(locked.error().message);
  return locked;
}

bool Connection::sync_failed() const {
  return sqlite3_extended_errcode(db_.get()) == SQLITE_IOERR_FSYNC;
}

int Connection::changes() const {
  return sqlite3_changes(db_.get());
}

bool Connection::in_transaction() const {
  return sqlite3_get_autocommit(db_.get()) == 0;
}

} // namespace intervisie::store::sqlite
