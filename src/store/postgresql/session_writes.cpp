// SPDX-License-Identifier: EUPL-1.2
#include "store/postgresql/session_writes.hpp"

#include "store/postgresql/pg_error.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace intervisie::store::postgresql {

namespace {

constexpr std::string_view lock_session_name = "intervisie_lock_session";
constexpr std::string_view append_name = "intervisie_append";
constexpr std::string_view create_name = "intervisie_create_session";
constexpr std::string_view put_secret_name = "intervisie_put_secret";
constexpr std::string_view erase_mark_name = "intervisie_erase_mark";
constexpr std::string_view erase_content_name = "intervisie_erase_content";
constexpr std::string_view rewrite_name = "intervisie_rewrite";
constexpr std::string_view claim_name = "intervisie_claim";

// Takes the session's row lock, so that the next statement reads who holds the claim with a
// snapshot taken after it (see the header).
constexpr std::string_view sql_lock_session =
    "SELECT 1 FROM sessions WHERE session_id = $1::text FOR UPDATE";

// $1 session, $2 expected last seq, $3 kinds, $4 payloads, $5 times, $6 the time of the first
// event that finishes the session (NULL when none does), $7 this node, $8 and $9 the names and
// values of secrets written with the events (each name once). Answers (live, last_seq, ours) as
// they were before, or no row for an unknown session; writes only when live, claimed by this
// node (or by none) and at the expected seq. Finishing releases the join code.
constexpr std::string_view sql_append =
    "WITH target AS ("
    "  SELECT s.last_seq, s.erased_at_ms IS NULL AS live,"
    "   NOT EXISTS (SELECT 1 FROM session_claims c"
    "    WHERE c.session_id = s.session_id AND c.node <> $7::text) AS ours"
    "  FROM sessions s WHERE s.session_id = $1::text FOR UPDATE OF s),"
    " advanced AS ("
    "  UPDATE sessions SET last_seq = $2::bigint + cardinality($3::text[]),"
    "   finished = sessions.finished OR $6::bigint IS NOT NULL,"
    "   finished_at_ms = COALESCE(sessions.finished_at_ms, $6::bigint)"
    "  FROM target"
    "  WHERE sessions.session_id = $1::text AND target.live AND target.ours"
    "   AND target.last_seq = $2::bigint AND cardinality($3::text[]) > 0"
    "  RETURNING sessions.session_id),"
    " inserted AS ("
    "  INSERT INTO events (session_id, seq, kind, payload, at_ms)"
    "  SELECT advanced.session_id, $2::bigint + e.n, e.kind, e.payload, e.at_ms"
    "  FROM advanced,"
    "   unnest($3::text[], $4::text[], $5::bigint[]) WITH ORDINALITY AS e (kind, payload, at_ms, "
    "n)),"
    " released AS ("
    "  DELETE FROM join_codes WHERE session_id = $1::text AND $6::bigint IS NOT NULL"
    "   AND EXISTS (SELECT 1 FROM advanced)),"
    " secrets AS ("
    "  INSERT INTO session_secrets (session_id, name, value)"
    "  SELECT advanced.session_id, s.name, s.value"
    "  FROM advanced, unnest($8::text[], $9::text[]) AS s (name, value)"
    "  ON CONFLICT (session_id, name) DO UPDATE SET value = excluded.value)"
    " SELECT live, last_seq, ours FROM target";

// $1 session, $2 method, $3 title, $4 created at, $5 secret names, $6 secret values, $7 join
// code ('' for none), $8 this node, $9 kinds, $10 payloads and $11 times of the first events
// (seq 1, 2, …). Answers (id taken, code taken, sessions created); writes only when neither is
// taken, and then claims the session for this node. Two nodes creating one code at once: the
// second meets the join code's primary key (a conflict, batch retried).
constexpr std::string_view sql_create =
    "WITH taken AS ("
    "  SELECT EXISTS (SELECT 1 FROM sessions WHERE session_id = $1::text) AS id,"
    "   $7::text <> '' AND EXISTS (SELECT 1 FROM join_codes WHERE code = $7::text) AS code),"
    " created AS ("
    "  INSERT INTO sessions (session_id, method_id, title, created_at_ms, last_seq)"
    "  SELECT $1::text, $2::text, $3::text, $4::bigint, cardinality($9::text[])"
    "  FROM taken WHERE NOT taken.id AND NOT taken.code"
    "  ON CONFLICT (session_id) DO NOTHING RETURNING session_id),"
    " first_events AS ("
    "  INSERT INTO events (session_id, seq, kind, payload, at_ms)"
    "  SELECT created.session_id, e.n, e.kind, e.payload, e.at_ms"
    "  FROM created,"
    "   unnest($9::text[], $10::text[], $11::bigint[]) WITH ORDINALITY AS e (kind, payload, at_ms,"
    " n)),"
    " secrets AS ("
    "  INSERT INTO session_secrets (session_id, name, value)"
    "  SELECT created.session_id, s.name, s.value"
    "  FROM created, unnest($5::text[], $6::text[]) AS s (name, value)),"
    " coded AS ("
    "  INSERT INTO join_codes (code, session_id)"
    "  SELECT $7::text, session_id FROM created WHERE $7::text <> ''),"
    " claimed AS ("
    "  INSERT INTO session_claims (session_id, node, epoch)"
    "  SELECT session_id, $8::text, 1 FROM created"
    "  ON CONFLICT (session_id) DO UPDATE SET node = excluded.node,"
    "   epoch = session_claims.epoch + 1)"
    " SELECT taken.id, taken.code, (SELECT count(*) FROM created) FROM taken";

// $1 session, $2 name, $3 value. Answers the live session's last seq, or no row.
constexpr std::string_view sql_put_secret =
    "WITH target AS ("
    "  SELECT session_id, last_seq FROM sessions"
    "  WHERE session_id = $1::text AND erased_at_ms IS NULL FOR SHARE),"
    " stored AS ("
    "  INSERT INTO session_secrets (session_id, name, value)"
    "  SELECT session_id, $2::text, $3::text FROM target"
    "  ON CONFLICT (session_id, name) DO UPDATE SET value = excluded.value)"
    " SELECT last_seq FROM target";

// Erasing is two statements: the mark first, which locks the row (an append on another node
// waits, then finds the session erased), then the content, read with a snapshot taken after
// the lock, so no event committed meanwhile stays behind. Deleting the content (and the join
// code) of a session that is not there, or was erased already, deletes nothing: the second
// needs no condition.
constexpr std::string_view sql_erase_mark =
    "UPDATE sessions SET title = '', finished = TRUE, erased_at_ms = $2::bigint"
    " WHERE session_id = $1::text AND erased_at_ms IS NULL RETURNING last_seq";
constexpr std::string_view sql_erase_content =
    "WITH gone AS (DELETE FROM events WHERE session_id = $1::text),"
    " code AS (DELETE FROM join_codes WHERE session_id = $1::text)"
    " DELETE FROM session_secrets WHERE session_id = $1::text";

// $1 session, $2 kinds, $3 payloads (seq 1, 2, …). Answers (last_seq, the first seq whose
// stored kind differs or NULL), or no row for an unknown or erased session; writes only when
// the count and every kind match.
constexpr std::string_view sql_rewrite =
    "WITH target AS ("
    "  SELECT last_seq FROM sessions"
    "  WHERE session_id = $1::text AND erased_at_ms IS NULL FOR UPDATE),"
    " wanted AS ("
    "  SELECT w.n AS seq, w.kind, w.payload"
    "  FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS w (kind, payload, n)),"
    " mismatch AS ("
    "  SELECT min(wanted.seq) AS seq FROM wanted"
    "  LEFT JOIN events ON events.session_id = $1::text AND events.seq = wanted.seq"
    "  WHERE events.kind IS DISTINCT FROM wanted.kind),"
    " rewritten AS ("
    "  UPDATE events SET payload = wanted.payload FROM wanted, target, mismatch"
    "  WHERE events.session_id = $1::text AND events.seq = wanted.seq"
    "   AND target.last_seq = cardinality($2::text[]) AND mismatch.seq IS NULL)"
    " SELECT target.last_seq, mismatch.seq FROM target, mismatch";

// $1 session, $2 this node, $3 claims_channel. Locks the session's row (see the header), claims
// it, one epoch more than the last claim, and tells every node at commit. Answers the epoch, or
// no row for an unknown session.
constexpr std::string_view sql_claim =
    "WITH target AS ("
    "  SELECT session_id FROM sessions WHERE session_id = $1::text FOR UPDATE),"
    " claimed AS ("
    "  INSERT INTO session_claims (session_id, node, epoch)"
    "  SELECT session_id, $2::text, 1 FROM target"
    "  ON CONFLICT (session_id) DO UPDATE SET node = excluded.node,"
    "   epoch = session_claims.epoch + 1"
    "  RETURNING epoch)"
    " SELECT epoch, pg_notify($3::text, epoch::text || chr(9) || $2::text || chr(9) || $1::text)"
    " FROM claimed";

StoreError at_other_seq(std::string_view session_id, std::int64_t current, std::uint64_t wanted) {
  return StoreError{StoreErrorCode::conflict, session_named(session_id) + " is at seq " +
                                                  std::to_string(current) + ", not " +
                                                  std::to_string(wanted)};
}

std::vector<std::string_view> kinds_of(const std::vector<NewEvent>& events) {
  std::vector<std::string_view> kinds;
  for (const NewEvent& event : events)
    kinds.push_back(event.kind);
  return kinds;
}

std::vector<std::string_view> payloads_of(const std::vector<NewEvent>& events) {
  std::vector<std::string_view> payloads;
  for (const NewEvent& event : events)
    payloads.push_back(event.payload);
  return payloads;
}

std::vector<std::int64_t> times_of(const std::vector<NewEvent>& events) {
  std::vector<std::int64_t> times;
  for (const NewEvent& event : events)
    times.push_back(event.at_ms);
  return times;
}

// Secrets as two parallel arrays, each name once: a name given twice keeps its last value, as
// when each is put one after the other (and one INSERT cannot write the same row twice).
struct SecretColumns {
  std::vector<std::string_view> names;
  std::vector<std::string_view> values;
};

SecretColumns columns_of(const std::vector<Secret>& secrets) {
  SecretColumns columns;
  for (const Secret& secret : secrets) {
    const auto known = std::ranges::find(columns.names, std::string_view{secret.name});
    if (known != columns.names.end()) {
      columns.values[static_cast<std::size_t>(known - columns.names.begin())] = secret.value;
    } else {
      columns.names.push_back(secret.name);
      columns.values.push_back(secret.value);
    }
  }
  return columns;
}

std::vector<Statement> append_statements(const AppendEvents& append, std::string_view node) {
  const auto finishing = std::ranges::find_if(append.events, &NewEvent::finishes_session);
  Params params;
  params.text(append.session_id)
      .uint64(append.expected_last_seq)
      .text_array(kinds_of(append.events))
      .text_array(payloads_of(append.events))
      .int64_array(times_of(append.events));
  if (finishing != append.events.end())
    params.int64(finishing->at_ms);
  else
    params.null();
  const SecretColumns secrets = columns_of(append.secrets);
  params.text(node).text_array(secrets.names).text_array(secrets.values);
  Params lock;
  lock.text(append.session_id);
  std::vector<Statement> statements;
  statements.push_back(Statement{lock_session_name, std::move(lock)});
  statements.push_back(Statement{append_name, std::move(params)});
  return statements;
}

std::vector<Statement> create_statements(const CreateSession& create, std::string_view node) {
  const NewSession& session = create.session;
  const SecretColumns secrets = columns_of(session.secrets);
  Params params;
  params.text(session.session_id)
      .text(session.method_id)
      .text(session.title)
      .int64(session.created_at_ms)
      .text_array(secrets.names)
      .text_array(secrets.values)
      .text(session.join_code)
      .text(node)
      .text_array(kinds_of(session.events))
      .text_array(payloads_of(session.events))
      .int64_array(times_of(session.events));
  std::vector<Statement> statements;
  statements.push_back(Statement{create_name, std::move(params)});
  return statements;
}

std::vector<Statement> put_secret_statements(const PutSecret& put) {
  Params params;
  params.text(put.session_id).text(put.secret.name).text(put.secret.value);
  std::vector<Statement> statements;
  statements.push_back(Statement{put_secret_name, std::move(params)});
  return statements;
}

std::vector<Statement> erase_statements(const EraseSession& erase) {
  Params mark;
  mark.text(erase.session_id).int64(erase.at_ms);
  Params content;
  content.text(erase.session_id);
  std::vector<Statement> statements;
  statements.push_back(Statement{erase_mark_name, std::move(mark)});
  statements.push_back(Statement{erase_content_name, std::move(content)});
  return statements;
}

std::vector<Statement> rewrite_statements(const RewriteEvents& rewrite) {
  Params params;
  params.text(rewrite.session_id)
      .text_array(kinds_of(rewrite.events))
      .text_array(payloads_of(rewrite.events));
  std::vector<Statement> statements;
  statements.push_back(Statement{rewrite_name, std::move(params)});
  return statements;
}

std::vector<Statement> claim_statements(const ClaimSession& claim, std::string_view node) {
  Params params;
  params.text(claim.session_id).text(node).text(claims_channel);
  std::vector<Statement> statements;
  statements.push_back(Statement{claim_name, std::move(params)});
  return statements;
}

AppendResult append_outcome(const AppendEvents& append, const Result& rows) {
  if (rows.rows() == 0 || !rows.boolean(0, 0))
    return std::unexpected(no_such_session(append.session_id));
  if (!rows.boolean(0, 2))
    return std::unexpected(
        StoreError{StoreErrorCode::fenced, session_named(append.session_id) +
                                               " is served by another node now (it claimed the "
                                               "session after this one did)"});
  const std::int64_t current = rows.int64(0, 1);
  if (static_cast<std::uint64_t>(current) != append.expected_last_seq)
    return std::unexpected(at_other_seq(append.session_id, current, append.expected_last_seq));
  return append.expected_last_seq + append.events.size();
}

AppendResult rewrite_outcome(const RewriteEvents& rewrite, const Result& rows) {
  if (rows.rows() == 0)
    return std::unexpected(no_such_session(rewrite.session_id));
  const std::int64_t current = rows.int64(0, 0);
  if (static_cast<std::uint64_t>(current) != rewrite.events.size())
    return std::unexpected(at_other_seq(rewrite.session_id, current, rewrite.events.size()));
  if (!rows.is_null(0, 1)) {
    const std::int64_t seq = rows.int64(0, 1);
    return std::unexpected(with_context(
        StoreError{StoreErrorCode::conflict,
                   "event " + std::to_string(seq) + " of " + session_named(rewrite.session_id) +
                       " is not of kind " + rewrite.events[static_cast<std::size_t>(seq - 1)].kind},
        doing_of(Change{rewrite})));
  }
  return static_cast<std::uint64_t>(current);
}

} // namespace

std::expected<void, StoreError> prepare_session_writes(Connection& db) {
  const std::array<std::pair<std::string_view, std::string_view>, 8> all{{
      {lock_session_name, sql_lock_session},
      {append_name, sql_append},
      {create_name, sql_create},
      {put_secret_name, sql_put_secret},
      {erase_mark_name, sql_erase_mark},
      {erase_content_name, sql_erase_content},
      {rewrite_name, sql_rewrite},
      {claim_name, sql_claim},
  }};
  for (const auto& [name, sql] : all)
    if (auto prepared = db.prepare(name, sql); !prepared)
      return prepared;
  return {};
}

std::expected<std::vector<Statement>, StoreError> statements_for(const Change& change,
                                                                 std::string_view node) {
  std::vector<Statement> statements = std::visit(
      [node](const auto& one) {
        using T = std::decay_t<decltype(one)>;
        if constexpr (std::is_same_v<T, AppendEvents>)
          return append_statements(one, node);
        else if constexpr (std::is_same_v<T, CreateSession>)
          return create_statements(one, node);
        else if constexpr (std::is_same_v<T, PutSecret>)
          return put_secret_statements(one);
        else if constexpr (std::is_same_v<T, EraseSession>)
          return erase_statements(one);
        else if constexpr (std::is_same_v<T, RewriteEvents>)
          return rewrite_statements(one);
        else
          return claim_statements(one, node);
      },
      change);
  for (const Statement& statement : statements)
    if (statement.params.problem())
      return std::unexpected(with_context(*statement.params.problem(), doing_of(change)));
  return statements;
}

AppendResult outcome_of(const Change& change, std::span<const Result> results) {
  return std::visit(
      [&results](const auto& one) -> AppendResult {
        using T = std::decay_t<decltype(one)>;
        if constexpr (std::is_same_v<T, AppendEvents>) {
          return append_outcome(one, results.back()); // after the lock
        } else if constexpr (std::is_same_v<T, CreateSession>) {
          const Result& rows = results.front();
          if (rows.boolean(0, 0) || (!rows.boolean(0, 1) && rows.int64(0, 2) == 0))
            return std::unexpected(
                StoreError{StoreErrorCode::conflict,
                           "session id " + in_quotes(one.session.session_id) + " is taken"});
          if (rows.boolean(0, 1))
            return std::unexpected(
                StoreError{StoreErrorCode::conflict,
                           "join code " + in_quotes(one.session.join_code) + " is taken"});
          return std::uint64_t{one.session.events.size()};
        } else if constexpr (std::is_same_v<T, RewriteEvents>) {
          return rewrite_outcome(one, results.front());
        } else {
          // put_secret and erase answer the last seq, a claim its epoch: the first number.
          const Result& rows = results.front();
          if (rows.rows() == 0)
            return std::unexpected(no_such_session(one.session_id));
          return static_cast<std::uint64_t>(rows.int64(0, 0));
        }
      },
      change);
}

StoreError refusal_of(const Change& change, StoreError error, std::string_view sqlstate) {
  if (const auto* create = std::get_if<CreateSession>(&change);
      create != nullptr && sqlstate == unique_violation)
    return StoreError{StoreErrorCode::conflict,
                      "join code " + in_quotes(create->session.join_code) + " is taken"};
  return with_context(std::move(error), doing_of(change));
}

std::string doing_of(const Change& change) {
  return std::visit(
      [](const auto& one) -> std::string {
        using T = std::decay_t<decltype(one)>;
        if constexpr (std::is_same_v<T, AppendEvents>)
          return "appending to " + session_named(one.session_id);
        else if constexpr (std::is_same_v<T, CreateSession>)
          return "creating " + session_named(one.session.session_id);
        else if constexpr (std::is_same_v<T, PutSecret>)
          return "storing a secret of " + session_named(one.session_id);
        else if constexpr (std::is_same_v<T, EraseSession>)
          return "erasing " + session_named(one.session_id);
        else if constexpr (std::is_same_v<T, RewriteEvents>)
          return "rewriting " + session_named(one.session_id);
        else
          return "claiming " + session_named(one.session_id);
      },
      change);
}

} // namespace intervisie::store::postgresql
