// SPDX-License-Identifier: EUPL-1.2
#include "store/postgresql/result.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>

namespace intervisie::store::postgresql {

void Result::Clear::operator()(pg_result* result) const {
  PQclear(result);
}

Result::Result(pg_result* result) : result_{result} {}

int Result::rows() const {
  return PQntuples(result_.get());
}

bool Result::is_null(int row, int column) const {
  return PQgetisnull(result_.get(), row, column) != 0;
}

std::string Result::text(int row, int column) const {
  return std::string{PQgetvalue(result_.get(), row, column),
                     static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

std::int64_t Result::int64(int row, int column) const {
  const char* value = PQgetvalue(result_.get(), row, column);
  std::int64_t number = 0;
  std::from_chars(value, value + std::strlen(value), number);
  return number;
}

bool Result::boolean(int row, int column) const {
  return PQgetvalue(result_.get(), row, column)[0] == 't';
}

std::uint64_t Result::affected_rows() const {
  const char* value = PQcmdTuples(result_.get());
  std::uint64_t number = 0;
  std::from_chars(value, value + std::strlen(value), number);
  return number;
}

} // namespace intervisie::store::postgresql
