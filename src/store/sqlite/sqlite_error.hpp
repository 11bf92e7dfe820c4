// SPDX-License-Identifier: EUPL-1.2
// SQLite's result codes as the store's typed errors.
#pragma once

#include "store/event_store.hpp"

#include <string_view>

struct sqlite3;

namespace intervisie::store::sqlite {

// `doing` says what failed in words a person running the server understands; SQLite's own
// message follows. Damage and "not a database" are `corrupt`, everything else `io`.
StoreError sqlite_error(sqlite3* db, int result, std::string_view doing);

// Puts context in front of an error from deeper down: "appending to session x: …".
StoreError with_context(StoreError error, std::string_view doing);

} // namespace intervisie::store::sqlite
