// SPDX-License-Identifier: EUPL-1.2
// SQLite's settings for the store's connections; pragmas live here and nowhere else.
#pragma once

#include "store/event_store.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite_event_store.hpp"

#include <expected>

namespace intervisie::store::sqlite {

// The file must be one the connection can write (Connection::check_writable); then WAL
// (readers never wait for the writer), the chosen `synchronous`, foreign keys enforced.
std::expected<void, StoreError> configure_writer(Connection& db, Synchronous synchronous);

// A connection that only reads; it refuses writes so a mistake cannot bypass group commit.
std::expected<void, StoreError> configure_reader(Connection& db);

} // namespace intervisie::store::sqlite
