// SPDX-License-Identifier: EUPL-1.2
// Accounts, groups and the key ring in PostgreSQL, beside the event store in the same database
// (its own version table, group_schema_version). One connection behind a mutex: writes are rare
// (people logging in, signing up for a meeting), and each is committed before it returns.
#pragma once

#include "store/stores.hpp"

#include <expected>
#include <memory>
#include <string>

namespace intervisie::store {

class PostgresGroupStore : public GroupsDatabase {};

// Connects to `url` and brings the groups schema up to date (group_migrations(), under the
// same advisory lock as the event store's). `newer_schema` for a database written by a newer
// Intervisie, `io` when PostgreSQL cannot be reached. A connection lost later is opened again
// at the next call.
std::expected<std::unique_ptr<PostgresGroupStore>, StoreError>
open_postgresql_group_store(std::string url);

} // namespace intervisie::store
