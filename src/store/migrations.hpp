// SPDX-License-Identifier: EUPL-1.2
// The store's schema as a list of versioned steps, in SQL that SQLite and PostgreSQL both
// accept; each adapter applies them in order, in one transaction, when it opens a store.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace intervisie::store {

struct Migration {
  std::int64_t version = 0; // 1, 2, 3, …: one more than the step before
  std::string_view name;
  std::string_view sql; // one or more statements separated by ';'
};

// Records which steps a store has had, one row per step; its shape never changes, so any
// build can read the version of any store.
inline constexpr std::string_view schema_version_table_sql =
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version BIGINT NOT NULL PRIMARY KEY,"
    " name TEXT NOT NULL)";

std::span<const Migration> migrations();

// The steps of the groups store (accounts, logins, groups): a file of its own beside the event
// store, so the sessions' group commit never waits for a login.
std::span<const Migration> group_migrations();

// The schema version this build writes: the last step's.
std::int64_t latest_schema_version();

// What to tell a person whose store is newer than this build.
std::string newer_schema_message(std::string_view where, std::int64_t found, std::int64_t known);

} // namespace intervisie::store
