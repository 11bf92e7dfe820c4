// SPDX-License-Identifier: EUPL-1.2
#include "store/migrations.hpp"

#include <array>

namespace intervisie::store {

namespace {

// Append new steps at the end; never edit one that has shipped.
// Portable SQL: TEXT, BIGINT, BOOLEAN, composite keys, no rowids or AUTOINCREMENT.
constexpr std::array session_steps{
    Migration{
        .version = 1,
        .name = "sessions and their events",
        .sql = "CREATE TABLE sessions ("
               " session_id TEXT NOT NULL PRIMARY KEY,"
               " method_id TEXT NOT NULL,"
               " title TEXT NOT NULL,"
               " finished BOOLEAN NOT NULL DEFAULT FALSE,"
               " last_seq BIGINT NOT NULL DEFAULT 0,"
               " created_at_ms BIGINT NOT NULL);"
               "CREATE TABLE events ("
               " session_id TEXT NOT NULL REFERENCES sessions (session_id),"
               " seq BIGINT NOT NULL,"
               " kind TEXT NOT NULL,"
               " payload TEXT NOT NULL,"
               " at_ms BIGINT NOT NULL,"
               " PRIMARY KEY (session_id, seq))",
    },
    Migration{
        .version = 2,
        .name = "session secrets; finding unfinished sessions",
        .sql = "CREATE TABLE session_secrets ("
               " session_id TEXT NOT NULL REFERENCES sessions (session_id),"
               " name TEXT NOT NULL,"
               " value TEXT NOT NULL,"
               " PRIMARY KEY (session_id, name));"
               "CREATE INDEX sessions_by_finished ON sessions (finished, created_at_ms)",
    },
    Migration{
        .version = 3,
        .name = "when a session finished and when its content was erased",
        .sql = "ALTER TABLE sessions ADD COLUMN finished_at_ms BIGINT;"
               "ALTER TABLE sessions ADD COLUMN erased_at_ms BIGINT;"
               "UPDATE sessions SET finished_at_ms = (SELECT MAX(at_ms) FROM events"
               " WHERE events.session_id = sessions.session_id) WHERE finished",
    },
    Migration{
        .version = 4,
        .name = "join codes unique across nodes; which node serves a session",
        // The codes of running sessions move from their secret ("code:token") to a table of
        // their own, where the key keeps them unique whichever node issues them.
        .sql = "CREATE TABLE join_codes ("
               " code TEXT NOT NULL PRIMARY KEY,"
               " session_id TEXT NOT NULL);"
               "CREATE INDEX join_codes_by_session ON join_codes (session_id);"
               "INSERT INTO join_codes (code, session_id)"
               " SELECT substr(s.value, 1, 6), s.session_id FROM session_secrets s"
               " JOIN sessions n ON n.session_id = s.session_id"
               " WHERE s.name = 'join_code' AND NOT n.finished"
               " ON CONFLICT (code) DO NOTHING;"
               "CREATE TABLE session_claims ("
               " session_id TEXT NOT NULL PRIMARY KEY,"
               " node TEXT NOT NULL,"
               " epoch BIGINT NOT NULL)",
    },
};

} // namespace

std::span<const Migration> migrations() {
  return session_steps;
}

std::int64_t latest_schema_version() {
  return session_steps.back().version;
}

std::string newer_schema_message(std::string_view where, std::int64_t found, std::int64_t known) {
  return std::string{where} + ": this data was written by a newer Intervisie (schema " +
         std::to_string(found) + "; this build knows up to " + std::to_string(known) +
         "); upgrade Intervisie";
}

} // namespace intervisie::store
