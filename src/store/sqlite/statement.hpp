// SPDX-License-Identifier: EUPL-1.2
// A prepared SQLite statement: bind, step, read columns, reset. Prepared once, run many times.
#pragma once

#include "store/event_store.hpp"

#include <cstdint>
#include <expected>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace intervisie::store::sqlite {

class Statement {
public:
  // Resets the statement when a use of it ends, however it ends: a SELECT left mid-way would
  // keep its read snapshot open and stop the WAL from being checkpointed.
  class [[nodiscard]] Use {
  public:
    explicit Use(Statement& statement) : statement_{statement} {}
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    ~Use() { statement_.reset(); }

  private:
    Statement& statement_;
  };

  Statement(sqlite3* db, sqlite3_stmt* statement);

  Use use() { return Use{*this}; }

  // Parameters count from 1. A failed bind is reported by the next step().
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind_bool(int index, bool value);

  // True when a row is ready to read, false when the statement has finished.
  std::expected<bool, StoreError> step();
  // Steps to the end: for statements that return no rows.
  std::expected<void, StoreError> run();

  std::int64_t int64_at(int column) const;
  std::string text_at(int column) const;
  bool bool_at(int column) const;
  bool is_null_at(int column) const;

  void reset();

private:
  struct Finalize {
    void operator()(sqlite3_stmt* statement) const;
  };

  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Finalize> statement_;
  int bind_result_ = 0; // SQLITE_OK
};

} // namespace intervisie::store::sqlite
