// SPDX-License-Identifier: EUPL-1.2
// Every write of the store, as statements prepared once on the one write connection.
#pragma once

#include "store/event_store.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/statement.hpp"
#include "store/sqlite/write_request.hpp"

#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace intervisie::store::sqlite {

class SessionWrites {
public:
  static std::expected<SessionWrites, StoreError> prepare(Connection db);

  SessionWrites(SessionWrites&&) noexcept;
  SessionWrites& operator=(SessionWrites&&) noexcept;
  ~SessionWrites();

  std::expected<void, StoreError> begin();
  std::expected<void, StoreError> commit();
  void rollback();
  // False when SQLite has rolled the open transaction back by itself (a full disk, say).
  bool in_transaction() const { return db_.in_transaction(); }
  const Connection& connection() const { return db_; }

  // Applies one change inside the open transaction: all of it, or none of it (a savepoint),
  // so one failed change does not spoil the others of its batch. Checks come before writes:
  // a conflict writes nothing.
  AppendResult apply(const Change& change);

private:
  struct Statements;
  SessionWrites(Connection db, std::unique_ptr<Statements> statements);

  AppendResult append(const AppendEvents& append);
  AppendResult create(const CreateSession& create);
  AppendResult put_secret(const PutSecret& put);
  AppendResult erase(const EraseSession& erase);
  AppendResult rewrite(const RewriteEvents& rewrite);

  // Null when there is no such session, or (unless `erased_too`) when it was erased.
  std::expected<std::optional<std::int64_t>, StoreError> last_seq(std::string_view session_id,
                                                                  bool erased_too = false);
  std::expected<void, StoreError> upsert_secret(std::string_view session_id, const Secret& secret);
  // Inserts `events` after `after_seq` and advances the session (finishing it when one of them
  // does); the new last seq. Inside a savepoint of the caller's.
  AppendResult write_events(std::string_view session_id, std::uint64_t after_seq,
                            const std::vector<NewEvent>& events);
  // A finished or erased session's join code is free for another.
  std::expected<void, StoreError> release_join_code(std::string_view session_id);
  template <class Write> AppendResult in_savepoint(Write&& write);

  Connection db_;
  std::unique_ptr<Statements> statements_;
};

} // namespace intervisie::store::sqlite
