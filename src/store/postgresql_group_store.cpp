// SPDX-License-Identifier: EUPL-1.2
#include "store/postgresql_group_store.hpp"

#include "store/migrations.hpp"
#include "store/postgresql/connection.hpp"
#include "store/postgresql/pg_error.hpp"
#include "store/postgresql/schema.hpp"

#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>

namespace intervisie::store {

namespace {

namespace pg = postgresql;
using pg::Params;

template <class T> using Result = std::expected<T, StoreError>;

constexpr std::string_view role = "intervisie groups";

class Store final : public PostgresGroupStore {
public:
  Store(std::string url, pg::Connection db) : url_{std::move(url)}, db_{std::move(db)} {}

  Result<void> create_account(const Account& account) override {
    return write("creating an account", [&](pg::Connection& db) -> Result<void> {
      // Either unique key taken (the address or the id): nothing is written.
      auto inserted = db.exec("INSERT INTO accounts (account_id, email, display_name,"
                              " password_hash, created_at_ms, feed_generation)"
                              " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
                              Params{}
                                  .text(account.id)
                                  .text(account.email)
                                  .text(account.display_name)
                                  .text(account.password_hash)
                                  .int64(account.created_at_ms)
                                  .int64(account.feed_generation),
                              "creating an account");
      if (!inserted)
        return std::unexpected(std::move(inserted.error()));
      if (inserted->affected_rows() == 0)
        return std::unexpected(
            StoreError{StoreErrorCode::conflict, "this e-mail address already has an account"});
      return {};
    });
  }

  Result<std::optional<Account>> account_by_email(std::string_view email) override {
    return find_account("email", email);
  }

  Result<std::optional<Account>> account(std::string_view id) override {
    return find_account("account_id", id);
  }

  Result<void> update_account(const Account& account) override {
    return write("updating an account", [&](pg::Connection& db) -> Result<void> {
      return one_row(db.exec("UPDATE accounts SET display_name = $1, password_hash = $2,"
                             " feed_generation = $3 WHERE account_id = $4",
                             Params{}
                                 .text(account.display_name)
                                 .text(account.password_hash)
                                 .int64(account.feed_generation)
                                 .text(account.id),
                             "updating an account"),
                     "no such account");
    });
  }

  Result<void> delete_account(std::string_view id) override {
    return write("deleting an account", [&](pg::Connection& db) -> Result<void> {
      if (auto logins = db.exec("DELETE FROM logins WHERE account_id = $1", Params{}.text(id),
                                "ending the account's logins");
          !logins)
        return std::unexpected(std::move(logins.error()));
      return one_row(db.exec("DELETE FROM accounts WHERE account_id = $1", Params{}.text(id),
                             "deleting the account"),
                     "no such account");
    });
  }

  Result<void> add_login(const Login& login) override {
    return write("recording a login", [&](pg::Connection& db) {
      return nothing(db.exec("INSERT INTO logins (token_hash, account_id, csrf_token,"
                             " created_at_ms, expires_at_ms) VALUES ($1, $2, $3, $4, $5)",
                             Params{}
                                 .text(login.token_hash)
                                 .text(login.account_id)
                                 .text(login.csrf_token)
                                 .int64(login.created_at_ms)
                                 .int64(login.expires_at_ms),
                             "recording a login"));
    });
  }

  Result<std::optional<Login>> login(std::string_view token_hash) override {
    return read("looking up a login", [&](pg::Connection& db) -> Result<std::optional<Login>> {
      auto rows = db.exec("SELECT token_hash, account_id, csrf_token, created_at_ms,"
                          " expires_at_ms FROM logins WHERE token_hash = $1",
                          Params{}.text(token_hash), "looking up a login");
      if (!rows)
        return std::unexpected(std::move(rows.error()));
      if (rows->rows() == 0)
        return std::nullopt;
      return Login{rows->text(0, 0), rows->text(0, 1), rows->text(0, 2), rows->int64(0, 3),
                   rows->int64(0, 4)};
    });
  }

  Result<void> remove_login(std::string_view token_hash) override {
    return write("logging out", [&](pg::Connection& db) {
      return nothing(db.exec("DELETE FROM logins WHERE token_hash = $1", Params{}.text(token_hash),
                             "logging out"));
    });
  }

  Result<void> remove_logins(std::string_view account_id) override {
    return write("logging out everywhere", [&](pg::Connection& db) {
      return nothing(db.exec("DELETE FROM logins WHERE account_id = $1", Params{}.text(account_id),
                             "logging out everywhere"));
    });
  }

  Result<std::string> server_key(std::string_view name, std::string_view candidate) override {
    std::string value;
    auto kept = write("keeping a server key", [&](pg::Connection& db) -> Result<void> {
      // Two nodes starting at once: the first INSERT wins, and both read the winner.
      if (auto inserted = db.exec("INSERT INTO server_keys (name, value) VALUES ($1, $2)"
                                  " ON CONFLICT (name) DO NOTHING",
                                  Params{}.text(name).text(candidate), "keeping a server key");
          !inserted)
        return std::unexpected(std::move(inserted.error()));
      auto rows = db.exec("SELECT value FROM server_keys WHERE name = $1", Params{}.text(name),
                          "reading a server key");
      if (!rows)
        return std::unexpected(std::move(rows.error()));
      value = rows->text(0, 0);
      return {};
    });
    if (!kept)
      return std::unexpected(std::move(kept.error()));
    return value;
  }

  Result<std::int64_t> count_in_window(std::string_view name, std::int64_t window_start_ms,
                                       std::int64_t by) override {
    std::int64_t total = 0;
    const std::string doing = "counting " + std::string{name};
    auto counted = write(doing, [&](pg::Connection& db) -> Result<void> {
      if (auto forgotten =
              db.exec("DELETE FROM shared_counts WHERE name = $1 AND window_start_ms < $2",
                      Params{}.text(name).int64(window_start_ms), doing);
          !forgotten)
        return std::unexpected(std::move(forgotten.error()));
      auto added = db.exec("INSERT INTO shared_counts (name, window_start_ms, count)"
                           " VALUES ($1, $2, $3) ON CONFLICT (name, window_start_ms)"
                           " DO UPDATE SET count = shared_counts.count + excluded.count"
                           " RETURNING count",
                           Params{}.text(name).int64(window_start_ms).int64(by), doing);
      if (!added)
        return std::unexpected(std::move(added.error()));
      total = added->int64(0, 0);
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
    const std::string doing = "appending to group " + std::string{group_id};
    auto written = write(doing, [&](pg::Connection& db) -> Result<void> {
      auto current = last_seq(db, group_id);
      if (!current)
        return std::unexpected(current.error());
      if (*current != expected_last_seq)
        return std::unexpected(changed_meanwhile(*current, expected_last_seq));
      last = *current;
      for (const NewEvent& event : events) {
        ++last;
        // Another node appending at the same seq meets the primary key: a conflict.
        auto inserted = db.exec("INSERT INTO group_events (group_id, seq, kind, payload, at_ms)"
                                " VALUES ($1, $2, $3, $4, $5)",
                                Params{}
                                    .text(group_id)
                                    .uint64(last)
                                    .text(event.kind)
                                    .text(event.payload)
                                    .int64(event.at_ms),
                                doing);
        if (!inserted && inserted.error().code == StoreErrorCode::conflict)
          return std::unexpected(changed_meanwhile(last - 1, expected_last_seq));
        if (!inserted)
          return std::unexpected(std::move(inserted.error()));
      }
      return mark_changed(db, group_id);
    });
    if (!written)
      return std::unexpected(written.error());
    return last;
  }

  Result<std::vector<GroupStream>> all_groups() override {
    return read("loading the groups", [&](pg::Connection& db) -> Result<std::vector<GroupStream>> {
      auto rows = db.exec("SELECT group_id, seq, kind, payload, at_ms FROM group_events"
                          " ORDER BY group_id COLLATE \"C\", seq",
                          "loading the groups");
      if (!rows)
        return std::unexpected(std::move(rows.error()));
      std::vector<GroupStream> groups;
      for (int row = 0; row < rows->rows(); ++row) {
        std::string group_id = rows->text(row, 0);
        if (groups.empty() || groups.back().group_id != group_id)
          groups.push_back(GroupStream{std::move(group_id), {}});
        groups.back().events.push_back(StoredEvent{static_cast<std::uint64_t>(rows->int64(row, 1)),
                                                   rows->text(row, 2), rows->text(row, 3),
                                                   rows->int64(row, 4)});
      }
      return groups;
    });
  }

  Result<std::vector<StoredEvent>> group_events(std::string_view group_id) override {
    return read("reading a group", [&](pg::Connection& db) -> Result<std::vector<StoredEvent>> {
      auto rows = db.exec("SELECT seq, kind, payload, at_ms FROM group_events"
                          " WHERE group_id = $1 ORDER BY seq",
                          Params{}.text(group_id), "reading a group");
      if (!rows)
        return std::unexpected(std::move(rows.error()));
      std::vector<StoredEvent> events;
      for (int row = 0; row < rows->rows(); ++row)
        events.push_back(StoredEvent{static_cast<std::uint64_t>(rows->int64(row, 0)),
                                     rows->text(row, 1), rows->text(row, 2), rows->int64(row, 3)});
      return events;
    });
  }

  // The clock and the groups changed up to it in one statement: one snapshot, so a group
  // written after the clock was read waits for the next call.
  Result<GroupChanges> group_changes(std::uint64_t after_version) override {
    return read("reading which groups changed", [&](pg::Connection& db) -> Result<GroupChanges> {
      auto rows = db.exec("SELECT c.version, g.group_id FROM change_clock c"
                          " LEFT JOIN group_versions g"
                          "  ON g.version > $1 AND g.version <= c.version"
                          " WHERE c.id = 1 ORDER BY g.version",
                          Params{}.uint64(after_version), "reading which groups changed");
      if (!rows)
        return std::unexpected(std::move(rows.error()));
      GroupChanges changes;
      for (int row = 0; row < rows->rows(); ++row) {
        changes.version = static_cast<std::uint64_t>(rows->int64(row, 0));
        if (!rows->is_null(row, 1))
          changes.group_ids.push_back(rows->text(row, 1));
      }
      return changes;
    });
  }

  Result<void> rewrite_group(std::string_view group_id,
                             const std::vector<NewEvent>& events) override {
    const std::string doing = "erasing personal data in group " + std::string{group_id};
    return write(doing, [&](pg::Connection& db) -> Result<void> {
      auto current = last_seq(db, group_id);
      if (!current)
        return std::unexpected(current.error());
      if (*current != events.size())
        return std::unexpected(StoreError{StoreErrorCode::conflict, "the group changed meanwhile"});
      std::int64_t seq = 0;
      for (const NewEvent& event : events) {
        ++seq;
        if (auto updated = db.exec(
                "UPDATE group_events SET kind = $1, payload = $2"
                " WHERE group_id = $3 AND seq = $4",
                Params{}.text(event.kind).text(event.payload).text(group_id).int64(seq), doing);
            !updated)
          return std::unexpected(std::move(updated.error()));
      }
      return mark_changed(db, group_id);
    });
  }

  Result<void> put_invitation_link(std::string_view token_hash,
                                   const InvitationLink& link) override {
    return write("recording an invitation link", [&](pg::Connection& db) {
      return nothing(db.exec("INSERT INTO invitation_links (token_hash, group_id, invitation_id)"
                             " VALUES ($1, $2, $3)",
                             Params{}.text(token_hash).text(link.group_id).text(link.invitation_id),
                             "recording an invitation link"));
    });
  }

  Result<std::optional<InvitationLink>> invitation_link(std::string_view token_hash) override {
    return read("looking up an invitation link",
                [&](pg::Connection& db) -> Result<std::optional<InvitationLink>> {
                  auto rows = db.exec("SELECT group_id, invitation_id FROM invitation_links"
                                      " WHERE token_hash = $1",
                                      Params{}.text(token_hash), "looking up an invitation link");
                  if (!rows)
                    return std::unexpected(std::move(rows.error()));
                  if (rows->rows() == 0)
                    return std::nullopt;
                  return InvitationLink{rows->text(0, 0), rows->text(0, 1)};
                });
  }

  Result<void> put_session_seat(const SessionSeat& seat) override {
    return write("recording who joined a session", [&](pg::Connection& db) {
      return nothing(db.exec("INSERT INTO session_seats (session_id, participant, account_id)"
                             " VALUES ($1, $2, $3) ON CONFLICT (session_id, participant)"
                             " DO UPDATE SET account_id = excluded.account_id",
                             Params{}
                                 .text(seat.session_id)
                                 .int64(static_cast<std::int64_t>(seat.participant))
                                 .text(seat.account_id),
                             "recording who joined a session"));
    });
  }

  Result<std::vector<SessionSeat>> session_seats(std::string_view session_id) override {
    return seats("SELECT session_id, participant, account_id FROM session_seats"
                 " WHERE session_id = $1 ORDER BY participant",
                 session_id);
  }

  Result<std::vector<SessionSeat>> seats_of_account(std::string_view account_id) override {
    return seats("SELECT session_id, participant, account_id FROM session_seats"
                 " WHERE account_id = $1 ORDER BY session_id COLLATE \"C\", participant",
                 account_id);
  }

  Result<void> remove_session_seats(std::string_view account_id) override {
    return write("forgetting someone's session seats", [&](pg::Connection& db) {
      return nothing(db.exec("DELETE FROM session_seats WHERE account_id = $1",
                             Params{}.text(account_id), "forgetting someone's session seats"));
    });
  }

  Result<void> add_wrapped_key(const WrappedKey& key) override {
    return write("keeping a data key", [&](pg::Connection& db) -> Result<void> {
      auto inserted = db.exec("INSERT INTO data_keys (owner, wrapped) VALUES ($1, $2)"
                              " ON CONFLICT (owner) DO NOTHING",
                              Params{}.text(key.owner).text(key.wrapped), "keeping a data key");
      if (!inserted)
        return std::unexpected(std::move(inserted.error()));
      if (inserted->affected_rows() == 0)
        return std::unexpected(
            StoreError{StoreErrorCode::conflict, key.owner + " has a data key already"});
      return {};
    });
  }

  Result<std::optional<std::string>> wrapped_key(std::string_view owner) override {
    return read("reading a data key",
                [&](pg::Connection& db) -> Result<std::optional<std::string>> {
                  auto rows = db.exec("SELECT wrapped FROM data_keys WHERE owner = $1",
                                      Params{}.text(owner), "reading a data key");
                  if (!rows)
                    return std::unexpected(std::move(rows.error()));
                  if (rows->rows() == 0)
                    return std::nullopt;
                  return rows->text(0, 0);
                });
  }

  // The row is overwritten before it is deleted, so the newest version of it in the table holds
  // zeros. What PostgreSQL keeps beyond the live table is the operator's to rotate: the
  // versions MVCC leaves until (auto)vacuum prunes the page, the WAL and its archive, and
  // backups. We do not VACUUM per key; the wrapped key opens nothing without the master key.
  Result<void> destroy_wrapped_key(std::string_view owner) override {
    return write("destroying a data key", [&](pg::Connection& db) -> Result<void> {
      if (auto overwritten = db.exec("UPDATE data_keys SET wrapped = repeat('0', length(wrapped))"
                                     " WHERE owner = $1",
                                     Params{}.text(owner), "overwriting a data key");
          !overwritten)
        return std::unexpected(std::move(overwritten.error()));
      return nothing(db.exec("DELETE FROM data_keys WHERE owner = $1", Params{}.text(owner),
                             "deleting a data key"));
    });
  }

  Result<std::vector<WrappedKey>> wrapped_keys() override {
    return read("reading the data keys",
                [&](pg::Connection& db) -> Result<std::vector<WrappedKey>> {
                  auto rows = db.exec("SELECT owner, wrapped FROM data_keys"
                                      " ORDER BY owner COLLATE \"C\"",
                                      "reading the data keys");
                  if (!rows)
                    return std::unexpected(std::move(rows.error()));
                  std::vector<WrappedKey> keys;
                  for (int row = 0; row < rows->rows(); ++row)
                    keys.push_back(WrappedKey{rows->text(row, 0), rows->text(row, 1)});
                  return keys;
                });
  }

  Result<void> rewrap_keys(const std::vector<WrappedKey>& keys) override {
    const std::string doing = "wrapping the data keys with a new master key";
    return write(doing, [&](pg::Connection& db) -> Result<void> {
      // Locked first, so no key is added or destroyed between the count and the updates.
      if (auto locked = db.exec("LOCK TABLE data_keys IN EXCLUSIVE MODE", doing); !locked)
        return std::unexpected(std::move(locked.error()));
      auto present = db.exec("SELECT count(*) FROM data_keys", doing);
      if (!present)
        return std::unexpected(std::move(present.error()));
      if (static_cast<std::size_t>(present->int64(0, 0)) != keys.size())
        return std::unexpected(
            StoreError{StoreErrorCode::conflict, "the data keys changed meanwhile"});
      for (const WrappedKey& key : keys) {
        auto updated = one_row(db.exec("UPDATE data_keys SET wrapped = $1 WHERE owner = $2",
                                       Params{}.text(key.wrapped).text(key.owner), doing),
                               key.owner + " has no data key");
        if (!updated)
          return std::unexpected(StoreError{StoreErrorCode::conflict, updated.error().message});
      }
      return {};
    });
  }

private:
  static Result<void> nothing(Result<pg::Result> done) {
    if (!done)
      return std::unexpected(std::move(done.error()));
    return {};
  }

  static Result<void> one_row(Result<pg::Result> done, std::string_view otherwise) {
    if (!done)
      return std::unexpected(std::move(done.error()));
    if (done->affected_rows() == 0)
      return std::unexpected(StoreError{StoreErrorCode::not_found, std::string{otherwise}});
    return {};
  }

  static StoreError changed_meanwhile(std::uint64_t current, std::uint64_t expected) {
    return StoreError{StoreErrorCode::conflict, "the group changed meanwhile (at " +
                                                    std::to_string(current) + ", expected " +
                                                    std::to_string(expected) + ")"};
  }

  Result<std::vector<SessionSeat>> seats(std::string_view sql, std::string_view key) {
    return read("reading who joined sessions",
                [&](pg::Connection& db) -> Result<std::vector<SessionSeat>> {
                  auto rows = db.exec(sql, Params{}.text(key), "reading who joined sessions");
                  if (!rows)
                    return std::unexpected(std::move(rows.error()));
                  std::vector<SessionSeat> found;
                  for (int row = 0; row < rows->rows(); ++row)
                    found.push_back(SessionSeat{rows->text(row, 0),
                                                static_cast<std::uint32_t>(rows->int64(row, 1)),
                                                rows->text(row, 2)});
                  return found;
                });
  }

  // Inside a group write: the group gets the next version of the change clock. The clock's row
  // stays locked until the commit, so versions become visible in their order on every node.
  static Result<void> mark_changed(pg::Connection& db, std::string_view group_id) {
    auto version = db.exec("UPDATE change_clock SET version = version + 1 WHERE id = 1"
                           " RETURNING version",
                           "taking the next group version");
    if (!version)
      return std::unexpected(std::move(version.error()));
    return nothing(db.exec("INSERT INTO group_versions (group_id, version) VALUES ($1, $2)"
                           " ON CONFLICT (group_id) DO UPDATE SET version = excluded.version",
                           Params{}.text(group_id).int64(version->int64(0, 0)),
                           "recording the group's version"));
  }

  Result<std::uint64_t> last_seq(pg::Connection& db, std::string_view group_id) {
    auto rows = db.exec("SELECT COALESCE(MAX(seq), 0) FROM group_events WHERE group_id = $1",
                        Params{}.text(group_id), "reading the group's last seq");
    if (!rows)
      return std::unexpected(std::move(rows.error()));
    return static_cast<std::uint64_t>(rows->int64(0, 0));
  }

  Result<std::optional<Account>> find_account(std::string_view column, std::string_view value) {
    return read("looking up an account", [&](pg::Connection& db) -> Result<std::optional<Account>> {
      auto rows = db.exec("SELECT account_id, email, display_name, password_hash,"
                          " created_at_ms, feed_generation FROM accounts WHERE " +
                              std::string{column} + " = $1",
                          Params{}.text(value), "looking up an account");
      if (!rows)
        return std::unexpected(std::move(rows.error()));
      if (rows->rows() == 0)
        return std::nullopt;
      return Account{rows->text(0, 0), rows->text(0, 1),  rows->text(0, 2),
                     rows->text(0, 3), rows->int64(0, 4), rows->int64(0, 5)};
    });
  }

  // The connection, opened again when the server closed the last one. Under `mutex_`.
  Result<pg::Connection*> connection() {
    if (db_ && !db_->is_alive())
      db_.reset();
    if (!db_) {
      auto opened = pg::Connection::open(url_, role);
      if (!opened)
        return std::unexpected(std::move(opened.error()));
      db_.emplace(std::move(*opened));
    }
    return &*db_;
  }

  // A read, tried once more on a new connection when the kept one turns out to be lost.
  template <class Body>
  auto read(std::string_view doing, Body body) -> std::invoke_result_t<Body, pg::Connection&> {
    std::lock_guard lock{mutex_};
    for (int attempt = 0;; ++attempt) {
      auto db = connection();
      if (!db)
        return std::unexpected(pg::with_context(std::move(db.error()), doing));
      auto result = body(**db);
      if (result || !pg::is_lost((*db)->native()) || attempt > 0)
        return result;
      db_.reset();
    }
  }

  // One transaction, committed before it returns; rolled back on any error.
  template <class Body> Result<void> write(std::string_view doing, Body body) {
    std::lock_guard lock{mutex_};
    auto db = connection();
    if (!db)
      return std::unexpected(pg::with_context(std::move(db.error()), doing));
    pg::Connection& conn = **db;
    Result<void> done;
    if (auto begun = conn.exec("BEGIN", doing); !begun)
      done = std::unexpected(std::move(begun.error()));
    if (done)
      done = body(conn);
    if (done) {
      if (auto committed = conn.exec("COMMIT", doing); !committed)
        done = std::unexpected(std::move(committed.error()));
    }
    if (!done) {
      conn.rollback();
      if (pg::is_lost(conn.native()))
        db_.reset();
    }
    return done;
  }

  const std::string url_;
  std::mutex mutex_;
  std::optional<pg::Connection> db_;
};

} // namespace

std::expected<std::unique_ptr<PostgresGroupStore>, StoreError>
open_postgresql_group_store(std::string url) {
  auto db = pg::Connection::open(url, role);
  if (!db)
    return std::unexpected(std::move(db.error()));
  if (auto migrated = pg::migrate(*db, pg::group_schema_table, group_migrations()); !migrated)
    return std::unexpected(std::move(migrated.error()));
  return std::make_unique<Store>(std::move(url), std::move(*db));
}

} // namespace intervisie::store
