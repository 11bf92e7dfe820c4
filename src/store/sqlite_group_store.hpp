// SPDX-License-Identifier: EUPL-1.2
// The embedded store of accounts, groups and the key ring: `groups.db` beside the event store, one
// SQLite connection behind a mutex. Writes are rare (people logging in, signing up for a meeting),
// so each commits on its own and is synced before it returns.
#pragma once

#include "store/stores.hpp"

#include <expected>
#include <filesystem>
#include <memory>

namespace intervisie::store {

inline constexpr std::string_view group_file_name = "groups.db";

class SqliteGroupStore : public GroupsDatabase {};

// Opens (creating when missing) `dir / groups.db` and brings its schema up to date. The
// directory must exist; the event store holds its lock.
std::expected<std::unique_ptr<SqliteGroupStore>, StoreError>
open_sqlite_group_store(const std::filesystem::path& dir);

} // namespace intervisie::store
