// SPDX-License-Identifier: EUPL-1.2
// Brings a PostgreSQL database's schema up to date, or refuses one from a newer build. The event
// store's steps and the groups store's steps share one database, each list with its own version
// table.
#pragma once

#include "store/event_store.hpp"
#include "store/migrations.hpp"
#include "store/postgresql/connection.hpp"

#include <expected>
#include <span>
#include <string_view>

namespace intervisie::store::postgresql {

// The version table of the event store's steps (migrations()).
inline constexpr std::string_view event_schema_table = "schema_version";
// The version table of the groups store's steps (group_migrations()).
inline constexpr std::string_view group_schema_table = "group_schema_version";

// Applies the steps the database has not had yet, in order, in one transaction: a failure leaves
// it as it was. Several nodes may start at once: a transaction-scoped advisory lock lets one
// migrate while the others wait, then find nothing left to do. `steps` is every migration of
// the list; tests pass a prefix to build old databases.
std::expected<void, StoreError> migrate(Connection& db, std::string_view version_table,
                                        std::span<const Migration> steps);

} // namespace intervisie::store::postgresql
