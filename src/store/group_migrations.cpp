// SPDX-License-Identifier: EUPL-1.2
#include "store/migrations.hpp"

#include <array>

namespace intervisie::store {

namespace {

// Append new steps at the end; never edit one that has shipped. Portable SQL, as migrations.cpp.
constexpr std::array group_steps{
    Migration{
        .version = 1,
        .name = "accounts, logins, groups and their links",
        .sql = "CREATE TABLE accounts ("
               " account_id TEXT NOT NULL PRIMARY KEY,"
               " email TEXT NOT NULL UNIQUE,"
               " display_name TEXT NOT NULL,"
               " password_hash TEXT NOT NULL,"
               " created_at_ms BIGINT NOT NULL,"
               " feed_generation BIGINT NOT NULL DEFAULT 0);"
               "CREATE TABLE logins ("
               " token_hash TEXT NOT NULL PRIMARY KEY,"
               " account_id TEXT NOT NULL REFERENCES accounts (account_id),"
               " csrf_token TEXT NOT NULL,"
               " created_at_ms BIGINT NOT NULL,"
               " expires_at_ms BIGINT NOT NULL);"
               "CREATE INDEX logins_by_account ON logins (account_id);"
               "CREATE TABLE group_events ("
               " group_id TEXT NOT NULL,"
               " seq BIGINT NOT NULL,"
               " kind TEXT NOT NULL,"
               " payload TEXT NOT NULL,"
               " at_ms BIGINT NOT NULL,"
               " PRIMARY KEY (group_id, seq));"
               "CREATE TABLE invitation_links ("
               " token_hash TEXT NOT NULL PRIMARY KEY,"
               " group_id TEXT NOT NULL,"
               " invitation_id TEXT NOT NULL);"
               "CREATE TABLE session_seats ("
               " session_id TEXT NOT NULL,"
               " participant BIGINT NOT NULL,"
               " account_id TEXT NOT NULL,"
               " PRIMARY KEY (session_id, participant));"
               "CREATE INDEX session_seats_by_account ON session_seats (account_id);"
               "CREATE TABLE server_keys ("
               " name TEXT NOT NULL PRIMARY KEY,"
               " value TEXT NOT NULL)",
    },
    Migration{
        .version = 2,
        .name = "the data keys of sessions and groups, wrapped by the master key",
        .sql = "CREATE TABLE data_keys ("
               " owner TEXT NOT NULL PRIMARY KEY,"
               " wrapped TEXT NOT NULL)",
    },
    Migration{
        .version = 3,
        .name = "a version for every group write, so many nodes see each other's",
        // One row counts the writes; taking the next number locks it until commit, so the
        // numbers become visible in order.
        .sql = "CREATE TABLE change_clock ("
               " id BIGINT NOT NULL PRIMARY KEY,"
               " version BIGINT NOT NULL);"
               "INSERT INTO change_clock (id, version) VALUES (1, 0);"
               "CREATE TABLE group_versions ("
               " group_id TEXT NOT NULL PRIMARY KEY,"
               " version BIGINT NOT NULL);"
               "CREATE INDEX group_versions_by_version ON group_versions (version);"
               "CREATE INDEX session_seats_by_session ON session_seats (session_id)",
    },
    Migration{
        .version = 4,
        .name = "counts that every node sees, per window of time",
        .sql = "CREATE TABLE shared_counts ("
               " name TEXT NOT NULL,"
               " window_start_ms BIGINT NOT NULL,"
               " count BIGINT NOT NULL,"
               " PRIMARY KEY (name, window_start_ms))",
    },
};

} // namespace

std::span<const Migration> group_migrations() {
  return group_steps;
}

} // namespace intervisie::store
