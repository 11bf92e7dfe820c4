// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite/session_writes.hpp"

#include "store/sqlite/sqlite_error.hpp"

#include <string>

namespace intervisie::store::sqlite {

struct SessionWrites::Statements {
  Statement begin;
  Statement commit;
  Statement rollback;
  Statement savepoint;
  Statement release;
  Statement rollback_to;
  Statement last_seq;
  Statement live_last_seq;
  Statement insert_event;
  Statement advance_session;
  Statement insert_session;
  Statement upsert_secret;
  Statement mark_finished_at;
  Statement delete_events;
  Statement delete_secrets;
  Statement mark_erased;
  Statement rewrite_payload;
  Statement join_code_taken;
  Statement insert_join_code;
  Statement release_join_code;
};

namespace {

// Portable SQL, but for BEGIN IMMEDIATE: SQLite's way to take the write lock at once.
constexpr std::string_view sql_begin = "BEGIN IMMEDIATE";
constexpr std::string_view sql_commit = "COMMIT";
constexpr std::string_view sql_rollback = "ROLLBACK";
constexpr std::string_view sql_savepoint = "SAVEPOINT change";
constexpr std::string_view sql_release = "RELEASE SAVEPOINT change";
constexpr std::string_view sql_rollback_to = "ROLLBACK TO SAVEPOINT change";
// An erased session answers as if it were not there, to everything but a new session's id.
constexpr std::string_view sql_last_seq = "SELECT last_seq FROM sessions WHERE session_id = ?";
constexpr std::string_view sql_live_last_seq =
    "SELECT last_seq FROM sessions WHERE session_id = ? AND erased_at_ms IS NULL";
constexpr std::string_view sql_insert_event =
    "INSERT INTO events (session_id, seq, kind, payload, at_ms) VALUES (?, ?, ?, ?, ?)";
constexpr std::string_view sql_advance_session =
    "UPDATE sessions SET last_seq = ?, finished = (finished OR ?) WHERE session_id = ?";
constexpr std::string_view sql_insert_session =
    "INSERT INTO sessions (session_id, method_id, title, created_at_ms) VALUES (?, ?, ?, ?)";
constexpr std::string_view sql_upsert_secret =
    "INSERT INTO session_secrets (session_id, name, value) VALUES (?, ?, ?)"
    " ON CONFLICT (session_id, name) DO UPDATE SET value = excluded.value";

constexpr std::string_view sql_mark_finished_at =
    "UPDATE sessions SET finished_at_ms = ? WHERE session_id = ? AND finished_at_ms IS NULL";
constexpr std::string_view sql_delete_events = "DELETE FROM events WHERE session_id = ?";
constexpr std::string_view sql_delete_secrets = "DELETE FROM session_secrets WHERE session_id = ?";
constexpr std::string_view sql_mark_erased =
    "UPDATE sessions SET title = '', finished = TRUE, erased_at_ms = ? WHERE session_id = ?";

constexpr std::string_view sql_rewrite_payload =
    "UPDATE events SET payload = ? WHERE session_id = ? AND seq = ? AND kind = ?";

constexpr std::string_view sql_join_code_taken = "SELECT 1 FROM join_codes WHERE code = ?";
constexpr std::string_view sql_insert_join_code =
    "INSERT INTO join_codes (code, session_id) VALUES (?, ?)";
constexpr std::string_view sql_release_join_code = "DELETE FROM join_codes WHERE session_id = ?";

template <class T> AppendResult failed(std::expected<T, StoreError>&& result) {
  return std::unexpected(std::move(result.error()));
}

} // namespace

SessionWrites::SessionWrites(Connection db, std::unique_ptr<Statements> statements)
    : db_{std::move(db)}, statements_{std::move(statements)} {}

SessionWrites::SessionWrites(SessionWrites&&) noexcept = default;
SessionWrites& SessionWrites::operator=(SessionWrites&&) noexcept = default;
SessionWrites::~SessionWrites() = default;

std::expected<SessionWrites, StoreError> SessionWrites::prepare(Connection db) {
  std::optional<StoreError> error;
  auto prepared = [&](std::string_view sql) -> Statement {
    auto statement = db.prepare(sql);
    if (statement)
      return std::move(*statement);
    if (!error)
      error = std::move(statement.error());
    return Statement{nullptr, nullptr};
  };
  auto statements = std::make_unique<Statements>(Statements{
      .begin = prepared(sql_begin),
      .commit = prepared(sql_commit),
      .rollback = prepared(sql_rollback),
      .savepoint = prepared(sql_savepoint),
      .release = prepared(sql_release),
      .rollback_to = prepared(sql_rollback_to),
      .last_seq = prepared(sql_last_seq),
      .live_last_seq = prepared(sql_live_last_seq),
      .insert_event = prepared(sql_insert_event),
      .advance_session = prepared(sql_advance_session),
      .insert_session = prepared(sql_insert_session),
      .upsert_secret = prepared(sql_upsert_secret),
      .mark_finished_at = prepared(sql_mark_finished_at),
      .delete_events = prepared(sql_delete_events),
      .delete_secrets = prepared(sql_delete_secrets),
      .mark_erased = prepared(sql_mark_erased),
      .rewrite_payload = prepared(sql_rewrite_payload),
      .join_code_taken = prepared(sql_join_code_taken),
      .insert_join_code = prepared(sql_insert_join_code),
      .release_join_code = prepared(sql_release_join_code),
  });
  if (error)
    return std::unexpected(std::move(*error));
  return SessionWrites{std::move(db), std::move(statements)};
}

std::expected<void, StoreError> SessionWrites::begin() {
  auto use = statements_->begin.use();
  return statements_->begin.run();
}

std::expected<void, StoreError> SessionWrites::commit() {
  auto use = statements_->commit.use();
  return statements_->commit.run();
}

void SessionWrites::rollback() {
  if (!db_.in_transaction())
    return;
  auto use = statements_->rollback.use();
  (void)statements_->rollback.run(); // nothing more to do if even this fails
}

AppendResult SessionWrites::apply(const Change& change) {
  return std::visit(
      [this](const auto& one) -> AppendResult {
        using T = std::decay_t<decltype(one)>;
        if constexpr (std::is_same_v<T, AppendEvents>)
          return append(one);
        else if constexpr (std::is_same_v<T, CreateSession>)
          return create(one);
        else if constexpr (std::is_same_v<T, PutSecret>)
          return put_secret(one);
        else if constexpr (std::is_same_v<T, EraseSession>)
          return erase(one);
        else
          return rewrite(one);
      },
      change);
}

template <class Write> AppendResult SessionWrites::in_savepoint(Write&& write) {
  {
    auto use = statements_->savepoint.use();
    if (auto opened = statements_->savepoint.run(); !opened)
      return failed(std::move(opened));
  }
  AppendResult result = write();
  if (!result && db_.in_transaction()) {
    auto use = statements_->rollback_to.use();
    (void)statements_->rollback_to.run(); // on failure the batch fails at commit anyway
  }
  if (db_.in_transaction()) {
    auto use = statements_->release.use();
    if (auto released = statements_->release.run(); !released && result)
      return failed(std::move(released));
  }
  return result;
}

std::expected<std::optional<std::int64_t>, StoreError>
SessionWrites::last_seq(std::string_view session_id, bool erased_too) {
  Statement& statement = erased_too ? statements_->last_seq : statements_->live_last_seq;
  auto use = statement.use();
  auto row = statement.bind(1, session_id).step();
  if (!row)
    return std::unexpected(std::move(row.error()));
  if (!*row)
    return std::nullopt;
  return statement.int64_at(0);
}

std::expected<void, StoreError> SessionWrites::upsert_secret(std::string_view session_id,
                                                             const Secret& secret) {
  Statement& statement = statements_->upsert_secret;
  auto use = statement.use();
  return statement.bind(1, session_id).bind(2, secret.name).bind(3, secret.value).run();
}

std::expected<void, StoreError> SessionWrites::release_join_code(std::string_view session_id) {
  Statement& statement = statements_->release_join_code;
  auto use = statement.use();
  return statement.bind(1, session_id).run();
}

AppendResult SessionWrites::write_events(std::string_view session_id, std::uint64_t after_seq,
                                         const std::vector<NewEvent>& events) {
  auto seq = static_cast<std::int64_t>(after_seq);
  bool finishes = false;
  std::int64_t finished_at = 0;
  Statement& insert = statements_->insert_event;
  for (const NewEvent& event : events) {
    auto use = insert.use();
    if (auto inserted = insert.bind(1, session_id)
                            .bind(2, ++seq)
                            .bind(3, event.kind)
                            .bind(4, event.payload)
                            .bind(5, event.at_ms)
                            .run();
        !inserted)
      return failed(std::move(inserted));
    if (event.finishes_session && !finishes)
      finished_at = event.at_ms;
    finishes = finishes || event.finishes_session;
  }
  Statement& advance = statements_->advance_session;
  auto use = advance.use();
  if (auto advanced = advance.bind(1, seq).bind_bool(2, finishes).bind(3, session_id).run();
      !advanced)
    return failed(std::move(advanced));
  if (finishes) {
    Statement& mark = statements_->mark_finished_at;
    auto marking = mark.use();
    if (auto marked = mark.bind(1, finished_at).bind(2, session_id).run(); !marked)
      return failed(std::move(marked));
    if (auto released = release_join_code(session_id); !released)
      return failed(std::move(released));
  }
  return static_cast<std::uint64_t>(seq);
}

AppendResult SessionWrites::append(const AppendEvents& append) {
  const std::string doing = "appending to " + session_named(append.session_id);
  auto last = last_seq(append.session_id);
  if (!last)
    return std::unexpected(with_context(std::move(last.error()), doing));
  if (!*last)
    return std::unexpected(no_such_session(append.session_id));
  const auto current = static_cast<std::uint64_t>(**last);
  if (current != append.expected_last_seq)
    return std::unexpected(
        StoreError{StoreErrorCode::conflict, session_named(append.session_id) + " is at seq " +
                                                 std::to_string(current) + ", not " +
                                                 std::to_string(append.expected_last_seq)});
  if (append.events.empty())
    return current;

  auto result = in_savepoint([&]() -> AppendResult {
    auto written = write_events(append.session_id, current, append.events);
    if (!written)
      return written;
    for (const Secret& secret : append.secrets)
      if (auto put = upsert_secret(append.session_id, secret); !put)
        return failed(std::move(put));
    return written;
  });
  if (!result)
    return std::unexpected(with_context(std::move(result.error()), doing));
  return result;
}

AppendResult SessionWrites::create(const CreateSession& create) {
  const NewSession& session = create.session;
  const std::string doing = "creating " + session_named(session.session_id);
  auto last = last_seq(session.session_id, true);
  if (!last)
    return std::unexpected(with_context(std::move(last.error()), doing));
  if (*last)
    return std::unexpected(StoreError{StoreErrorCode::conflict,
                                      "session id " + in_quotes(session.session_id) + " is taken"});
  if (!session.join_code.empty()) {
    Statement& taken = statements_->join_code_taken;
    auto use = taken.use();
    auto row = taken.bind(1, session.join_code).step();
    if (!row)
      return std::unexpected(with_context(std::move(row.error()), doing));
    if (*row)
      return std::unexpected(StoreError{StoreErrorCode::conflict,
                                        "join code " + in_quotes(session.join_code) + " is taken"});
  }

  auto result = in_savepoint([&]() -> AppendResult {
    Statement& insert = statements_->insert_session;
    {
      auto use = insert.use();
      if (auto inserted = insert.bind(1, session.session_id)
                              .bind(2, session.method_id)
                              .bind(3, session.title)
                              .bind(4, session.created_at_ms)
                              .run();
          !inserted)
        return failed(std::move(inserted));
    }
    for (const Secret& secret : session.secrets)
      if (auto put = upsert_secret(session.session_id, secret); !put)
        return failed(std::move(put));
    if (!session.join_code.empty()) {
      Statement& insert_code = statements_->insert_join_code;
      auto use = insert_code.use();
      if (auto inserted = insert_code.bind(1, session.join_code).bind(2, session.session_id).run();
          !inserted)
        return failed(std::move(inserted));
    }
    return write_events(session.session_id, 0, session.events);
  });
  if (!result)
    return std::unexpected(with_context(std::move(result.error()), doing));
  return result;
}

AppendResult SessionWrites::put_secret(const PutSecret& put) {
  const std::string doing = "storing a secret of " + session_named(put.session_id);
  auto last = last_seq(put.session_id);
  if (!last)
    return std::unexpected(with_context(std::move(last.error()), doing));
  if (!*last)
    return std::unexpected(no_such_session(put.session_id));
  // One statement: atomic by itself, no savepoint needed.
  if (auto stored = upsert_secret(put.session_id, put.secret); !stored)
    return std::unexpected(with_context(std::move(stored.error()), doing));
  return static_cast<std::uint64_t>(**last);
}

AppendResult SessionWrites::erase(const EraseSession& erase) {
  const std::string doing = "erasing " + session_named(erase.session_id);
  auto last = last_seq(erase.session_id);
  if (!last)
    return std::unexpected(with_context(std::move(last.error()), doing));
  if (!*last)
    return std::unexpected(no_such_session(erase.session_id));
  auto result = in_savepoint([&]() -> AppendResult {
    for (Statement* statement : {&statements_->delete_events, &statements_->delete_secrets}) {
      auto use = statement->use();
      if (auto deleted = statement->bind(1, erase.session_id).run(); !deleted)
        return failed(std::move(deleted));
    }
    if (auto released = release_join_code(erase.session_id); !released)
      return failed(std::move(released));
    Statement& mark = statements_->mark_erased;
    auto use = mark.use();
    if (auto marked = mark.bind(1, erase.at_ms).bind(2, erase.session_id).run(); !marked)
      return failed(std::move(marked));
    return static_cast<std::uint64_t>(**last);
  });
  if (!result)
    return std::unexpected(with_context(std::move(result.error()), doing));
  return result;
}

AppendResult SessionWrites::rewrite(const RewriteEvents& rewrite) {
  const std::string doing = "rewriting " + session_named(rewrite.session_id);
  auto last = last_seq(rewrite.session_id);
  if (!last)
    return std::unexpected(with_context(std::move(last.error()), doing));
  if (!*last)
    return std::unexpected(no_such_session(rewrite.session_id));
  const auto current = static_cast<std::uint64_t>(**last);
  if (current != rewrite.events.size())
    return std::unexpected(
        StoreError{StoreErrorCode::conflict, session_named(rewrite.session_id) + " is at seq " +
                                                 std::to_string(current) + ", not " +
                                                 std::to_string(rewrite.events.size())});
  auto result = in_savepoint([&]() -> AppendResult {
    Statement& update = statements_->rewrite_payload;
    std::int64_t seq = 0;
    for (const NewEvent& event : rewrite.events) {
      auto use = update.use();
      if (auto updated = update.bind(1, event.payload)
                             .bind(2, rewrite.session_id)
                             .bind(3, ++seq)
                             .bind(4, event.kind)
                             .run();
          !updated)
        return failed(std::move(updated));
      if (db_.changes() != 1)
        return std::unexpected(
            StoreError{StoreErrorCode::conflict, "event " + std::to_string(seq) + " of session " +
                                                     in_quotes(rewrite.session_id) +
                                                     " is not of kind " + event.kind});
    }
    return current;
  });
  if (!result)
    return std::unexpected(with_context(std::move(result.error()), doing));
  return result;
}

} // namespace intervisie::store::sqlite
