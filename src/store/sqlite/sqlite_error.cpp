// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite/sqlite_error.hpp"

#include <sqlite3.h>

#include <string>

namespace intervisie::store::sqlite {

StoreError sqlite_error(sqlite3* db, int result, std::string_view doing) {
  const int primary = result & 0xff;
  const bool damaged = primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
  // The connection's message is more specific, but only if it describes this very result.
  const char* detail = db != nullptr && sqlite3_extended_errcode(db) == result
                           ? sqlite3_errmsg(db)
                           : sqlite3_errstr(result);
  return StoreError{damaged ? StoreErrorCode::corrupt : StoreErrorCode::io,
                    std::string{doing} + ": " + detail};
}

StoreError with_context(StoreError error, std::string_view doing) {
  error.message = std::string{doing} + ": " + error.message;
  return error;
}

} // namespace intervisie::store::sqlite
