// SPDX-License-Identifier: EUPL-1.2
#include "store/postgresql/session_reads.hpp"

#include "store/postgresql/pg_error.hpp"

#include <array>
#include <optional>
#include <string>

namespace intervisie::store::postgresql {

namespace {

constexpr std::string_view find_session_name = "intervisie_find_session";
constexpr std::string_view events_after_name = "intervisie_events_after";
constexpr std::string_view secrets_name = "intervisie_secrets";
constexpr std::string_view all_sessions_name = "intervisie_all_sessions";
constexpr std::string_view unfinished_sessions_name = "intervisie_unfinished_sessions";
constexpr std::string_view join_code_name = "intervisie_session_of_join_code";

// The columns session_at() reads, in its order. Text is ordered COLLATE "C": byte by byte, as
// SQLite does, whatever the database's locale.
constexpr std::string_view sql_find_session =
    "SELECT session_id, method_id, title, finished, last_seq, created_at_ms, finished_at_ms,"
    " erased_at_ms FROM sessions WHERE session_id = $1::text";
constexpr std::string_view sql_events_after =
    "SELECT seq, kind, payload, at_ms FROM events"
    " WHERE session_id = $1::text AND seq > $2::bigint ORDER BY seq";
constexpr std::string_view sql_secrets = "SELECT name, value FROM session_secrets"
                                         " WHERE session_id = $1::text ORDER BY name COLLATE \"C\"";
constexpr std::string_view sql_all_sessions =
    "SELECT session_id, method_id, title, finished, last_seq, created_at_ms, finished_at_ms,"
    " erased_at_ms FROM sessions ORDER BY created_at_ms, session_id COLLATE \"C\"";
constexpr std::string_view sql_unfinished_sessions =
    "SELECT session_id, method_id, title, finished, last_seq, created_at_ms, finished_at_ms,"
    " erased_at_ms FROM sessions WHERE NOT finished"
    " ORDER BY created_at_ms, session_id COLLATE \"C\"";

constexpr std::string_view sql_session_of_join_code =
    "SELECT session_id FROM join_codes WHERE code = $1::text";

std::optional<std::int64_t> optional_int64(const Result& rows, int row, int column) {
  if (rows.is_null(row, column))
    return std::nullopt;
  return rows.int64(row, column);
}

SessionRecord session_at(const Result& rows, int row) {
  return SessionRecord{
      .session_id = rows.text(row, 0),
      .method_id = rows.text(row, 1),
      .title = rows.text(row, 2),
      .finished = rows.boolean(row, 3),
      .last_seq = static_cast<std::uint64_t>(rows.int64(row, 4)),
      .created_at_ms = rows.int64(row, 5),
      .finished_at_ms = optional_int64(rows, row, 6),
      .erased_at_ms = optional_int64(rows, row, 7),
  };
}

} // namespace

std::expected<void, StoreError> prepare_session_reads(Connection& db) {
  const std::array<std::pair<std::string_view, std::string_view>, 6> all{{
      {join_code_name, sql_session_of_join_code},
      {find_session_name, sql_find_session},
      {events_after_name, sql_events_after},
      {secrets_name, sql_secrets},
      {all_sessions_name, sql_all_sessions},
      {unfinished_sessions_name, sql_unfinished_sessions},
  }};
  for (const auto& [name, sql] : all)
    if (auto prepared = db.prepare(name, sql); !prepared)
      return prepared;
  return {};
}

std::expected<SessionRecord, StoreError> find_session(Connection& db, std::string_view session_id) {
  auto rows = db.exec_prepared(find_session_name, Params{}.text(session_id),
                               "finding " + session_named(session_id));
  if (!rows)
    return std::unexpected(std::move(rows.error()));
  if (rows->rows() == 0)
    return std::unexpected(no_such_session(session_id));
  return session_at(*rows, 0);
}

std::expected<std::vector<StoredEvent>, StoreError>
read_events(Connection& db, std::string_view session_id, std::uint64_t after_seq) {
  // Events are only added until a session is erased, so two statements need no transaction:
  // what the second sees is a superset of what the first promised (or, once erased, nothing).
  auto session = find_session(db, session_id);
  if (!session)
    return std::unexpected(std::move(session.error()));
  std::vector<StoredEvent> events;
  if (after_seq >= session->last_seq)
    return events; // also keeps after_seq within BIGINT below
  auto rows = db.exec_prepared(events_after_name, Params{}.text(session_id).uint64(after_seq),
                               "reading " + session_named(session_id));
  if (!rows)
    return std::unexpected(std::move(rows.error()));
  events.reserve(static_cast<std::size_t>(rows->rows()));
  for (int row = 0; row < rows->rows(); ++row)
    events.push_back(StoredEvent{
        .seq = static_cast<std::uint64_t>(rows->int64(row, 0)),
        .kind = rows->text(row, 1),
        .payload = rows->text(row, 2),
        .at_ms = rows->int64(row, 3),
    });
  return events;
}

std::expected<std::vector<Secret>, StoreError> read_secrets(Connection& db,
                                                            std::string_view session_id) {
  if (auto session = find_session(db, session_id); !session)
    return std::unexpected(std::move(session.error()));
  auto rows = db.exec_prepared(secrets_name, Params{}.text(session_id),
                               "reading the secrets of " + session_named(session_id));
  if (!rows)
    return std::unexpected(std::move(rows.error()));
  std::vector<Secret> secrets;
  for (int row = 0; row < rows->rows(); ++row)
    secrets.push_back(Secret{.name = rows->text(row, 0), .value = rows->text(row, 1)});
  return secrets;
}

std::expected<std::vector<SessionRecord>, StoreError> list_sessions(Connection& db,
                                                                    bool unfinished_only) {
  auto rows = db.exec_prepared(unfinished_only ? unfinished_sessions_name : all_sessions_name,
                               Params{}, "listing sessions");
  if (!rows)
    return std::unexpected(std::move(rows.error()));
  std::vector<SessionRecord> sessions;
  sessions.reserve(static_cast<std::size_t>(rows->rows()));
  for (int row = 0; row < rows->rows(); ++row)
    sessions.push_back(session_at(*rows, row));
  return sessions;
}

std::expected<std::optional<std::string>, StoreError> session_of_join_code(Connection& db,
                                                                           std::string_view code) {
  auto rows = db.exec_prepared(join_code_name, Params{}.text(code), "looking up a join code");
  if (!rows)
    return std::unexpected(std::move(rows.error()));
  if (rows->rows() == 0)
    return std::nullopt;
  return rows->text(0, 0);
}

} // namespace intervisie::store::postgresql
