// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite/statement.hpp"

#include "store/sqlite/sqlite_error.hpp"

#include <sqlite3.h>

namespace intervisie::store::sqlite {

namespace {

// The statement's first words, enough to tell which one failed.
std::string describe(sqlite3_stmt* statement) {
  std::string_view sql = sqlite3_sql(statement);
  constexpr std::size_t shown = 60;
  return "running \"" + std::string{sql.substr(0, shown)} + (sql.size() > shown ? "…\"" : "\"");
}

} // namespace

void Statement::Finalize::operator()(sqlite3_stmt* statement) const {
  sqlite3_finalize(statement);
}

Statement::Statement(sqlite3* db, sqlite3_stmt* statement) : db_{db}, statement_{statement} {}

Statement& Statement::bind(int index, std::string_view text) {
  // SQLITE_TRANSIENT copies: callers may bind temporaries, and a copy is cheap beside a commit.
  const int result = sqlite3_bind_text64(statement_.get(), index, text.data(), text.size(),
                                         SQLITE_TRANSIENT, SQLITE_UTF8);
  if (bind_result_ == SQLITE_OK)
    bind_result_ = result;
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  const int result = sqlite3_bind_int64(statement_.get(), index, value);
  if (bind_result_ == SQLITE_OK)
    bind_result_ = result;
  return *this;
}

Statement& Statement::bind_bool(int index, bool value) {
  return bind(index, std::int64_t{value ? 1 : 0});
}

std::expected<bool, StoreError> Statement::step() {
  if (bind_result_ != SQLITE_OK)
    return std::unexpected(sqlite_error(db_, bind_result_, describe(statement_.get())));
  const int result = sqlite3_step(statement_.get());
  if (result == SQLITE_ROW)
    return true;
  if (result == SQLITE_DONE)
    return false;
  return std::unexpected(sqlite_error(db_, result, describe(statement_.get())));
}

std::expected<void, StoreError> Statement::run() {
  for (;;) {
    auto row = step();
    if (!row)
      return std::unexpected(std::move(row.error()));
    if (!*row)
      return {};
  }
}

std::int64_t Statement::int64_at(int column) const {
  return sqlite3_column_int64(statement_.get(), column);
}

std::string Statement::text_at(int column) const {
  // Read the bytes before their length: that is the order SQLite documents.
  const auto* bytes = sqlite3_column_text(statement_.get(), column);
  const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement_.get(), column));
  if (bytes == nullptr)
    return {};
  return std::string{reinterpret_cast<const char*>(bytes), size};
}

bool Statement::bool_at(int column) const {
  return int64_at(column) != 0;
}

bool Statement::is_null_at(int column) const {
  return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
}

void Statement::reset() {
  sqlite3_reset(statement_.get());
  sqlite3_clear_bindings(statement_.get());
  bind_result_ = SQLITE_OK;
}

} // namespace intervisie::store::sqlite
