// SPDX-License-Identifier: EUPL-1.2
// One result of a statement (libpq's PGresult), freed when it goes, with typed columns.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

struct pg_result;

namespace intervisie::store::postgresql {

class Result {
public:
  explicit Result(pg_result* result);

  int rows() const;
  bool is_null(int row, int column) const;
  std::string text(int row, int column) const;
  std::int64_t int64(int row, int column) const; // 0 for NULL
  bool boolean(int row, int column) const;
  // Rows the INSERT, UPDATE or DELETE changed.
  std::uint64_t affected_rows() const;

  pg_result* native() const { return result_.get(); }

private:
  struct Clear {
    void operator()(pg_result* result) const;
  };
  std::unique_ptr<pg_result, Clear> result_;
};

} // namespace intervisie::store::postgresql
