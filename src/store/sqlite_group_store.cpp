// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite_group_store.hpp"

#include "store/migrations.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/failed_sync.hpp"
#include "store/sqlite/pragmas.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/sqlite_error.hpp"
#include "store/write_failure_log.hpp"

#include <mutex>
#include <unordered_map>
#include <utility>

namespace intervisie::store {

namespace {

using sqlite::Connection;
using sqlite::Statement;

template <class T> using Result = std::expected<T, StoreError>;

class Store final : public SqliteGroupStore {
public:
  explicit Store(Connection db) : db_{std::move(db)} {}

  Result<void> create_account(const Account& account) override {
    return write("creating an account", [&]() -> Result<void> {
      auto taken = count("SELECT count(*) FROM accounts WHERE email = ? OR account_id = ?",
                         [&](Statement& s) { s.bind(1, account.email).bind(2, account.id); });
      if (!taken)
        return std::unexpected(taken.error());
      if (*taken > 0)
        return std::unexpected(
            StoreError{StoreErrorCode::conflict, "this e-mail address already has an account"});
      return run("INSERT INTO accounts (account_id, email, display_name, password_hash,"
                 " created_at_ms, feed_generation) VALUES (?, ?, ?, ?, ?, ?)",
                 [&](Statement& s) {
                   s.bind(1, account.id)
                       .bind(2, account.email)
                       .bind(3, account.display_name)
                       .bind(4, account.password_hash)
                       .bind(5, account.created_at_ms)
                       .bind(6, account.feed_generation);
                 });
    });
  }

  Result<std::optional<Account>> account_by_email(std::string_view email) override {
    return find_account("email", email);
  }

  Result<std::optional<Account>> account(std::string_view id) override {
    return find_account("account_id", id);
  }

  Result<void> update_account(const Account& account) override {
    return write("updating an account", [&]() -> Result<void> {
      auto updated = run("UPDATE accounts SET display_name = ?, password_hash = ?,"
                         " feed_generation = ? WHERE account_id = ?",
                         [&](Statement& s) {
                           s.bind(1, account.display_name)
                               .bind(2, account.password_hash)
                               .bind(3, account.feed_generation)
                               .bind(4, account.id);
                         });
      if (!updated)
        return updated;
      return changed_one_row("no such account");
    });
  }

  Result<void> delete_account(std::string_view id) override {
    return write("deleting an account", [&]() -> Result<void> {
      auto bind_id = [&](Statement& s) { s.bind(1, id); };
      if (auto logins = run("DELETE FROM logins WHERE account_id = ?", bind_id); !logins)
        return logins;
      if (auto deleted = run("DELETE FROM accounts WHERE account_id = ?", bind_id); !deleted)
        return deleted;
      return changed_one_row("no such account");
    });
  }

  Result<void> add_login(const Login& login) override {
    return write("recording a login", [&] {
      return run("INSERT INTO logins (token_hash, account_id, csrf_token, created_at_ms,"
                 " expires_at_ms) VALUES (?, ?, ?, ?, ?)",
                 [&](Statement& s) {
                   s.bind(1, login.token_hash)
                       .bind(2, login.account_id)
                       .bind(3, login.csrf_token)
                       .bind(4, login.created_at_ms)
                       .bind(5, login.expires_at_ms);
                 });
    });
  }

  Result<std::optional<Login>> login(std::string_view token_hash) override {
    std::lock_guard lock{mutex_};
    std::optional<Login> found;
    auto read = each_row(
        "SELECT token_hash, account_id, csrf_token, created_at_ms,"
        " expires_at_ms FROM logins WHERE token_hash = ?",
        [&](Statement& s) { s.bind(1, token_hash); },
        [&](const Statement& s) {
          found = Login{s.text_at(0), s.text_at(1), s.text_at(2), s.int64_at(3), s.int64_at(4)};
        });
    if (!read)
      return std::unexpected(read.error());
    return found;
  }

  Result<void> remove_login(std::string_view token_hash) override {
    return write("logging out", [&] {
      return run("DELETE FROM logins WHERE token_hash = ?",
                 [&](Statement& s) { s.bind(1, token_hash); });
    });
  }

  Result<void> remove_logins(std::string_view account_id) override {
    return write("logging out everywhere", [&] {
      return run("DELETE FROM logins WHERE account_id = ?",
                 [&](Statement& s) { s.bind(1, account_id); });
    });
  }

  Result<std::string> server_key(std::string_view name, std::string_view candidate) override {
    auto kept = write("keeping a server key", [&] {
      return run(
          "INSERT INTO server_keys (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
          [&](Statement& s) { s.bind(1, name).bind(2, candidate); });
    });
    if (!kept)
      return std::unexpected(kept.error());
    std::lock_guard lock{mutex_};
    std::string value;
    auto read = each_row(
        "SELECT value FROM server_keys WHERE name = ?", [&](Statement& s) { s.bind(1, name); },
        [&](const Statement& s) { value = s.text_at(0); });
    if (!read)
      return std::unexpected(read.error());
    return value;
  }

  Result<std::int64_t> count_in_window(std::string_view name, std::int64_t window_start_ms,
                                       std::int64_t by) override {
    std::int64_t total = 0;
    auto counted = write("counting " + std::string{name}, [&]() -> Result<void> {
      if (auto forgotten = run("DELETE FROM shared_counts WHERE name = ? AND window_start_ms < ?",
                               [&](Statement& s) { s.bind(1, name).bind(2, window_start_ms); });
          !forgotten)
        return forgotten;
      auto added =
          count("INSERT INTO shared_counts (name, window_start_ms, count)"
                " VALUES (?, ?, ?) ON CONFLICT (name, window_start_ms)"
                " DO UPDATE SET count = count + excluded.count RETURNING count",
                [&](Statement& s) { s.bind(1, name).bind(2, window_start_ms).bind(3, by); });
      if (!added)
        return std::unexpected(added.error());
      total = *added;
      return {};
    });
    if (!counted)
      return std::unexpected(counted.error());
    return total;
  }

  Result<std::uint64_t> append_group_events(std::string_view group_id,
                                            std::uint64_t expected_last_seq,
                                            const std::vector<NewEvent>& events) override {
    std::uint64_t last = 0;
    auto written = write("appending to group " + std::string{group_id}, [&]() -> Result<void> {
      auto current = last_seq(group_id);
      if (!current)
        return std::unexpected(current.error());
      if (*current != expected_last_seq)
        return std::unexpected(
            StoreError{StoreErrorCode::conflict, "the group changed meanwhile (at " +
                                                     std::to_string(*current) + ", expected " +
                                                     std::to_string(expected_last_seq) + ")"});
      last = *current;
      for (const NewEvent& event : events) {
        ++last;
        auto inserted = run("INSERT INTO group_events (group_id, seq, kind, payload, at_ms)"
                            " VALUES (?, ?, ?, ?, ?)",
                            [&](Statement& s) {
                              s.bind(1, group_id)
                                  .bind(2, static_cast<std::int64_t>(last))
                                  .bind(3, event.kind)
                                  .bind(4, event.payload)
                                  .bind(5, event.at_ms);
                            });
        if (!inserted)
          return inserted;
      }
      return mark_changed(group_id);
    });
    if (!written)
      return std::unexpected(written.error());
    return last;
  }

  Result<std::vector<GroupStream>> all_groups() override {
    std::lock_guard lock{mutex_};
    std::vector<GroupStream> groups;
    auto read = each_row(
        "SELECT group_id, seq, kind, payload, at_ms FROM group_events ORDER BY group_id, seq",
        [](Statement&) {},
        [&](const Statement& s) {
          std::string group_id = s.text_at(0);
          if (groups.empty() || groups.back().group_id != group_id)
            groups.push_back(GroupStream{std::move(group_id), {}});
          groups.back().events.push_back(StoredEvent{static_cast<std::uint64_t>(s.int64_at(1)),
                                                     s.text_at(2), s.text_at(3), s.int64_at(4)});
        });
    if (!read)
      return std::unexpected(read.error());
    return groups;
  }

  Result<std::vector<StoredEvent>> group_events(std::string_view group_id) override {
    std::lock_guard lock{mutex_};
    std::vector<StoredEvent> events;
    auto read = each_row(
        "SELECT seq, kind, payload, at_ms FROM group_events WHERE group_id = ? ORDER BY seq",
        [&](Statement& s) { s.bind(1, group_id); },
        [&](const Statement& s) {
          events.push_back(StoredEvent{static_cast<std::uint64_t>(s.int64_at(0)), s.text_at(1),
                                       s.text_at(2), s.int64_at(3)});
        });
    if (!read)
      return std::unexpected(read.error());
    return events;
  }

  Result<GroupChanges> group_changes(std::uint64_t after_version) override {
    std::lock_guard lock{mutex_};
    auto version = count("SELECT version FROM change_clock WHERE id = 1", [](Statement&) {});
    if (!version)
      return std::unexpected(version.error());
    GroupChanges changes{.version = static_cast<std::uint64_t>(*version), .group_ids = {}};
    auto read = each_row(
        "SELECT group_id FROM group_versions WHERE version > ? AND version <= ? ORDER BY version",
        [&](Statement& s) {
          s.bind(1, static_cast<std::int64_t>(after_version)).bind(2, *version);
        },
        [&](const Statement& s) { changes.group_ids.push_back(s.text_at(0)); });
    if (!read)
      return std::unexpected(read.error());
    return changes;
  }

  Result<void> rewrite_group(std::string_view group_id,
                             const std::vector<NewEvent>& events) override {
    return write("erasing personal data in group " + std::string{group_id}, [&]() -> Result<void> {
      auto current = last_seq(group_id);
      if (!current)
        return std::unexpected(current.error());
      if (*current != events.size())
        return std::unexpected(StoreError{StoreErrorCode::conflict, "the group changed meanwhile"});
      std::int64_t seq = 0;
      for (const NewEvent& event : events) {
        ++seq;
        auto updated =
            run("UPDATE group_events SET kind = ?, payload = ?"
                " WHERE group_id = ? AND seq = ?",
                [&](Statement& s) {
                  s.bind(1, event.kind).bind(2, event.payload).bind(3, group_id).bind(4, seq);
                });
        if (!updated)
          return updated;
      }
      return mark_changed(group_id);
    });
  }

  Result<void> put_invitation_link(std::string_view token_hash,
                                   const InvitationLink& link) override {
    return write("recording an invitation link", [&] {
      return run("INSERT INTO invitation_links (token_hash, group_id, invitation_id)"
                 " VALUES (?, ?, ?)",
                 [&](Statement& s) {
                   s.bind(1, token_hash).bind(2, link.group_id).bind(3, link.invitation_id);
                 });
    });
  }

  Result<std::optional<InvitationLink>> invitation_link(std::string_view token_hash) override {
    std::lock_guard lock{mutex_};
    std::optional<InvitationLink> found;
    auto read = each_row(
        "SELECT group_id, invitation_id FROM invitation_links WHERE token_hash = ?",
        [&](Statement& s) { s.bind(1, token_hash); },
        [&](const Statement& s) {
          found = InvitationLink{s.text_at(0), s.text_at(1)};
        });
    if (!read)
      return std::unexpected(read.error());
    return found;
  }

  Result<void> put_session_seat(const SessionSeat& seat) override {
    return write("recording who joined a session", [&] {
      return run("INSERT OR REPLACE INTO session_seats (session_id, participant, account_id)"
                 " VALUES (?, ?, ?)",
                 [&](Statement& s) {
                   s.bind(1, seat.session_id)
                       .bind(2, static_cast<std::int64_t>(seat.participant))
                       .bind(3, seat.account_id);
                 });
    });
  }

  Result<std::vector<SessionSeat>> session_seats(std::string_view session_id) override {
    return seats("SELECT session_id, participant, account_id FROM session_seats"
                 " WHERE session_id = ? ORDER BY participant",
                 session_id);
  }

  Result<std::vector<SessionSeat>> seats_of_account(std::string_view account_id) override {
    return seats("SELECT session_id, participant, account_id FROM session_seats"
                 " WHERE account_id = ? ORDER BY session_id, participant",
                 account_id);
  }

  Result<void> remove_session_seats(std::string_view account_id) override {
    return write("forgetting someone's session seats", [&] {
      return run("DELETE FROM session_seats WHERE account_id = ?",
                 [&](Statement& s) { s.bind(1, account_id); });
    });
  }

  Result<void> add_wrapped_key(const WrappedKey& key) override {
    return write("keeping a data key", [&]() -> Result<void> {
      auto taken = count("SELECT count(*) FROM data_keys WHERE owner = ?",
                         [&](Statement& s) { s.bind(1, key.owner); });
      if (!taken)
        return std::unexpected(taken.error());
      if (*taken > 0)
        return std::unexpected(
            StoreError{StoreErrorCode::conflict, key.owner + " has a data key already"});
      return run("INSERT INTO data_keys (owner, wrapped) VALUES (?, ?)",
                 [&](Statement& s) { s.bind(1, key.owner).bind(2, key.wrapped); });
    });
  }

  Result<std::optional<std::string>> wrapped_key(std::string_view owner) override {
    std::lock_guard lock{mutex_};
    std::optional<std::string> found;
    auto read = each_row(
        "SELECT wrapped FROM data_keys WHERE owner = ?", [&](Statement& s) { s.bind(1, owner); },
        [&](const Statement& s) { found = s.text_at(0); });
    if (!read)
      return std::unexpected(read.error());
    return found;
  }

  Result<void> destroy_wrapped_key(std::string_view owner) override {
    auto destroyed = write("destroying a data key", [&] {
      return run("DELETE FROM data_keys WHERE owner = ?", [&](Statement& s) { s.bind(1, owner); });
    });
    if (!destroyed)
      return destroyed;
    // secure_delete overwrote the row in the database file; the log still has the page as it
    // was until a checkpoint that empties it.
    std::lock_guard lock{mutex_};
    return db_.exec("PRAGMA wal_checkpoint(TRUNCATE)", "emptying the log of groups.db");
  }

  Result<std::vector<WrappedKey>> wrapped_keys() override {
    std::lock_guard lock{mutex_};
    std::vector<WrappedKey> keys;
    auto read = each_row(
        "SELECT owner, wrapped FROM data_keys ORDER BY owner", [](Statement&) {},
        [&](const Statement& s) {
          keys.push_back(WrappedKey{s.text_at(0), s.text_at(1)});
        });
    if (!read)
      return std::unexpected(read.error());
    return keys;
  }

  Result<void> rewrap_keys(const std::vector<WrappedKey>& keys) override {
    auto rewrapped = write("wrapping the data keys with a new master key", [&]() -> Result<void> {
      auto present = count("SELECT count(*) FROM data_keys", [](Statement&) {});
      if (!present)
        return std::unexpected(present.error());
      if (static_cast<std::size_t>(*present) != keys.size())
        return std::unexpected(
            StoreError{StoreErrorCode::conflict, "the data keys changed meanwhile"});
      for (const WrappedKey& key : keys) {
        auto updated = run("UPDATE data_keys SET wrapped = ? WHERE owner = ?",
                           [&](Statement& s) { s.bind(1, key.wrapped).bind(2, key.owner); });
        if (!updated)
          return updated;
        if (auto one = changed_one_row(key.owner + " has no data key"); !one)
          return std::unexpected(StoreError{StoreErrorCode::conflict, one.error().message});
      }
      return {};
    });
    if (!rewrapped)
      return rewrapped;
    std::lock_guard lock{mutex_};
    return db_.exec("PRAGMA wal_checkpoint(TRUNCATE)", "emptying the log of groups.db");
  }

private:
  // Statements are prepared once and kept: the connection is only used under `mutex_`.
  Result<Statement*> query(std::string_view sql) {
    auto found = statements_.find(std::string{sql});
    if (found == statements_.end()) {
      auto prepared = db_.prepare(sql);
      if (!prepared)
        return std::unexpected(prepared.error());
      found = statements_.emplace(std::string{sql}, std::move(*prepared)).first;
    }
    return &found->second;
  }

  template <class Bind> Result<void> run(std::string_view sql, Bind bind) {
    auto statement = query(sql);
    if (!statement)
      return std::unexpected(statement.error());
    auto use = (*statement)->use();
    bind(**statement);
    return (*statement)->run();
  }

  // Binds the parameters, then hands every row to `on_row`, in order.
  template <class Bind, class OnRow>
  Result<void> each_row(std::string_view sql, Bind bind, OnRow on_row) {
    auto statement = query(sql);
    if (!statement)
      return std::unexpected(statement.error());
    auto use = (*statement)->use();
    bind(**statement);
    while (true) {
      auto row = (*statement)->step();
      if (!row)
        return std::unexpected(row.error());
      if (!*row)
        return {};
      on_row(std::as_const(**statement));
    }
  }

  // The single number a `SELECT count(*)`-like query gives.
  template <class Bind> Result<std::int64_t> count(std::string_view sql, Bind bind) {
    std::int64_t number = 0;
    auto read = each_row(sql, bind, [&](const Statement& s) { number = s.int64_at(0); });
    if (!read)
      return std::unexpected(read.error());
    return number;
  }

  Result<void> changed_one_row(std::string_view otherwise) {
    auto changed = count("SELECT changes()", [](Statement&) {});
    if (!changed)
      return std::unexpected(changed.error());
    if (*changed == 0)
      return std::unexpected(StoreError{StoreErrorCode::not_found, std::string{otherwise}});
    return {};
  }

  Result<std::vector<SessionSeat>> seats(std::string_view sql, std::string_view key) {
    std::lock_guard lock{mutex_};
    std::vector<SessionSeat> found;
    auto read = each_row(
        sql, [&](Statement& s) { s.bind(1, key); },
        [&](const Statement& s) {
          found.push_back(
              SessionSeat{s.text_at(0), static_cast<std::uint32_t>(s.int64_at(1)), s.text_at(2)});
        });
    if (!read)
      return std::unexpected(read.error());
    return found;
  }

  // Inside a group write: the group gets the next version of the change clock.
  Result<void> mark_changed(std::string_view group_id) {
    auto version = count("UPDATE change_clock SET version = version + 1 WHERE id = 1"
                         " RETURNING version",
                         [](Statement&) {});
    if (!version)
      return std::unexpected(version.error());
    return run("INSERT INTO group_versions (group_id, version) VALUES (?, ?)"
               " ON CONFLICT (group_id) DO UPDATE SET version = excluded.version",
               [&](Statement& s) { s.bind(1, group_id).bind(2, *version); });
  }

  Result<std::uint64_t> last_seq(std::string_view group_id) {
    auto last = count("SELECT COALESCE(MAX(seq), 0) FROM group_events WHERE group_id = ?",
                      [&](Statement& s) { s.bind(1, group_id); });
    if (!last)
      return std::unexpected(last.error());
    return static_cast<std::uint64_t>(*last);
  }

  Result<std::optional<Account>> find_account(std::string_view column, std::string_view value) {
    std::lock_guard lock{mutex_};
    std::optional<Account> found;
    auto read = each_row(
        std::string{"SELECT account_id, email, display_name, password_hash,"
                    " created_at_ms, feed_generation FROM accounts WHERE "} +
            std::string{column} + " = ?",
        [&](Statement& s) { s.bind(1, value); },
        [&](const Statement& s) {
          found = Account{s.text_at(0), s.text_at(1),  s.text_at(2),
                          s.text_at(3), s.int64_at(4), s.int64_at(5)};
        });
    if (!read)
      return std::unexpected(read.error());
    return found;
  }

  // One transaction, committed (and synced) before it returns; rolled back on any error.
  template <class Body> Result<void> write(std::string_view doing, Body body) {
    std::lock_guard lock{mutex_};
    Result<void> done = db_.exec("BEGIN IMMEDIATE", "starting a transaction");
    if (done)
      done = body();
    if (done) {
      done = db_.exec("COMMIT", "committing");
      if (!done)
        sqlite::stop_if_sync_failed(db_, "groups.db", done.error());
    }
    if (!done) {
      if (db_.in_transaction())
        (void)db_.exec("ROLLBACK", "undoing " + std::string{doing});
      failures_.failed(done.error());
      if (done.error().code != StoreErrorCode::conflict &&
          done.error().code != StoreErrorCode::not_found)
        return std::unexpected(sqlite::with_context(std::move(done.error()), doing));
      return done;
    }
    failures_.succeeded();
    return done;
  }

  std::mutex mutex_;
  WriteFailureLog failures_{"groups.db (accounts, groups and session keys)",
                            "what writes there gets storage_failed until it can; reads go on"};
  Connection db_;
  std::unordered_map<std::string, Statement> statements_;
};

} // namespace

std::expected<std::unique_ptr<SqliteGroupStore>, StoreError>
open_sqlite_group_store(const std::filesystem::path& dir) {
  auto db = Connection::open(dir / group_file_name);
  if (!db)
    return std::unexpected(std::move(db.error()));
  if (auto configured = sqlite::configure_writer(*db, Synchronous::full); !configured)
    return std::unexpected(std::move(configured.error()));
  // No checkpointer thread here (writes are rare): SQLite checkpoints after commits itself.
  // secure_delete: a deleted row (a destroyed data key, say) is overwritten, not left in a
  // free page of the file.
  if (auto checkpoints = db->exec("PRAGMA wal_autocheckpoint = 1000; PRAGMA secure_delete = ON;",
                                  "setting up groups.db");
      !checkpoints)
    return std::unexpected(std::move(checkpoints.error()));
  if (auto migrated = sqlite::migrate(*db, group_migrations()); !migrated)
    return std::unexpected(std::move(migrated.error()));
  return std::make_unique<Store>(std::move(*db));
}

} // namespace intervisie::store
