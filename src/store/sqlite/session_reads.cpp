// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite/session_reads.hpp"

#include "store/sqlite/pragmas.hpp"
#include "store/sqlite/sqlite_error.hpp"
#include "store/sqlite/statement.hpp"

#include <optional>
#include <string>

namespace intervisie::store::sqlite {

struct SessionReads::Statements {
  Statement find_session;
  Statement events_after;
  Statement secrets;
  Statement all_sessions;
  Statement unfinished_sessions;
  Statement session_of_join_code;
};

namespace {

// The columns session_at() reads, in its order.
constexpr std::string_view sql_find_session =
    "SELECT session_id, method_id, title, finished, last_seq, created_at_ms, finished_at_ms,"
    " erased_at_ms FROM sessions"
    " WHERE session_id = ?";
constexpr std::string_view sql_events_after =
    "SELECT seq, kind, payload, at_ms FROM events WHERE session_id = ? AND seq > ? ORDER BY seq";
constexpr std::string_view sql_secrets =
    "SELECT name, value FROM session_secrets WHERE session_id = ? ORDER BY name";
constexpr std::string_view sql_all_sessions =
    "SELECT session_id, method_id, title, finished, last_seq, created_at_ms, finished_at_ms,"
    " erased_at_ms FROM sessions"
    " ORDER BY created_at_ms, session_id";
constexpr std::string_view sql_session_of_join_code =
    "SELECT session_id FROM join_codes WHERE code = ?";
constexpr std::string_view sql_unfinished_sessions =
    "SELECT session_id, method_id, title, finished, last_seq, created_at_ms, finished_at_ms,"
    " erased_at_ms FROM sessions"
    " WHERE NOT finished ORDER BY created_at_ms, session_id";

SessionRecord session_at(const Statement& row) {
  return SessionRecord{
      .session_id = row.text_at(0),
      .method_id = row.text_at(1),
      .title = row.text_at(2),
      .finished = row.bool_at(3),
      .last_seq = static_cast<std::uint64_t>(row.int64_at(4)),
      .created_at_ms = row.int64_at(5),
      .finished_at_ms = row.is_null_at(6) ? std::nullopt : std::optional{row.int64_at(6)},
      .erased_at_ms = row.is_null_at(7) ? std::nullopt : std::optional{row.int64_at(7)},
  };
}

std::expected<std::vector<SessionRecord>, StoreError> sessions(Statement& statement) {
  auto use = statement.use();
  std::vector<SessionRecord> found;
  for (;;) {
    auto row = statement.step();
    if (!row)
      return std::unexpected(with_context(std::move(row.error()), "listing sessions"));
    if (!*row)
      return found;
    found.push_back(session_at(statement));
  }
}

} // namespace

SessionReads::SessionReads(Connection db, std::unique_ptr<Statements> statements)
    : db_{std::move(db)}, statements_{std::move(statements)} {}

SessionReads::SessionReads(SessionReads&&) noexcept = default;
SessionReads& SessionReads::operator=(SessionReads&&) noexcept = default;
SessionReads::~SessionReads() = default;

std::expected<SessionReads, StoreError> SessionReads::open(const std::filesystem::path& file) {
  auto db = Connection::open(file);
  if (!db)
    return std::unexpected(std::move(db.error()));
  if (auto configured = configure_reader(*db); !configured)
    return std::unexpected(std::move(configured.error()));
  std::optional<StoreError> error;
  auto prepared = [&](std::string_view sql) -> Statement {
    auto statement = db->prepare(sql);
    if (statement)
      return std::move(*statement);
    if (!error)
      error = std::move(statement.error());
    return Statement{nullptr, nullptr};
  };
  auto statements = std::make_unique<Statements>(Statements{
      .find_session = prepared(sql_find_session),
      .events_after = prepared(sql_events_after),
      .secrets = prepared(sql_secrets),
      .all_sessions = prepared(sql_all_sessions),
      .unfinished_sessions = prepared(sql_unfinished_sessions),
      .session_of_join_code = prepared(sql_session_of_join_code),
  });
  if (error)
    return std::unexpected(std::move(*error));
  return SessionReads{std::move(*db), std::move(statements)};
}

std::expected<SessionRecord, StoreError> SessionReads::find_session(std::string_view session_id) {
  Statement& statement = statements_->find_session;
  auto use = statement.use();
  auto row = statement.bind(1, session_id).step();
  if (!row)
    return std::unexpected(
        with_context(std::move(row.error()), "finding " + session_named(session_id)));
  if (!*row)
    return std::unexpected(no_such_session(session_id));
  return session_at(statement);
}

std::expected<std::vector<StoredEvent>, StoreError> SessionReads::read(std::string_view session_id,
                                                                       std::uint64_t after_seq) {
  // Events are only added until a session is erased, so two statements need no transaction:
  // what the second sees is a superset of what the first promised (or, once erased, nothing).
  auto session = find_session(session_id);
  if (!session)
    return std::unexpected(std::move(session.error()));
  std::vector<StoredEvent> events;
  if (after_seq >= session->last_seq)
    return events;
  events.reserve(session->last_seq - after_seq);

  Statement& statement = statements_->events_after;
  auto use = statement.use();
  statement.bind(1, session_id).bind(2, static_cast<std::int64_t>(after_seq));
  for (;;) {
    auto row = statement.step();
    if (!row)
      return std::unexpected(
          with_context(std::move(row.error()), "reading " + session_named(session_id)));
    if (!*row)
      return events;
    events.push_back(StoredEvent{
        .seq = static_cast<std::uint64_t>(statement.int64_at(0)),
        .kind = statement.text_at(1),
        .payload = statement.text_at(2),
        .at_ms = statement.int64_at(3),
    });
  }
}

std::expected<std::vector<Secret>, StoreError>
SessionReads::read_secrets(std::string_view session_id) {
  if (auto session = find_session(session_id); !session)
    return std::unexpected(std::move(session.error()));
  Statement& statement = statements_->secrets;
  auto use = statement.use();
  statement.bind(1, session_id);
  std::vector<Secret> secrets;
  for (;;) {
    auto row = statement.step();
    if (!row)
      return std::unexpected(with_context(std::move(row.error()),
                                          "reading the secrets of " + session_named(session_id)));
    if (!*row)
      return secrets;
    secrets.push_back(Secret{.name = statement.text_at(0), .value = statement.text_at(1)});
  }
}

std::expected<std::vector<SessionRecord>, StoreError>
SessionReads::list_sessions(bool unfinished_only) {
  return sessions(unfinished_only ? statements_->unfinished_sessions : statements_->all_sessions);
}

std::expected<std::optional<std::string>, StoreError>
SessionReads::session_of_join_code(std::string_view code) {
  Statement& statement = statements_->session_of_join_code;
  auto use = statement.use();
  auto row = statement.bind(1, code).step();
  if (!row)
    return std::unexpected(with_context(std::move(row.error()), "looking up a join code"));
  if (!*row)
    return std::nullopt;
  return statement.text_at(0);
}

} // namespace intervisie::store::sqlite
