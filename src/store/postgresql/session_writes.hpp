// SPDX-License-Identifier: EUPL-1.2
// Every write of the event store as prepared statements, and what their rows say afterwards.
//
// Each change of a batch is all-or-nothing without spoiling its neighbours by check-then-write
// inside its own statements, not by savepoints. In pipeline mode the server skips everything
// after a failed statement up to the Sync, so a ROLLBACK TO SAVEPOINT sent behind it would
// never run; savepoints would cost a round trip per change, which is what the pipeline is for.
// Instead each statement checks its conditions in SQL (the session is there and live, its
// last_seq is the one expected, the kinds match) and writes only when they hold: a stale seq or
// an unknown session is a row saying so, never an error, and the transaction goes on. The
// checks lock the session's row (FOR UPDATE / FOR SHARE) first, so another node's writer on the
// same session waits for this commit and then sees its result.
//
// Fencing (claim_session): a claim and an append to one session both lock the session's row
// first, so they happen one after the other; an append reads who holds the claim in a statement
// of its own after it has the lock, so it sees every claim committed before it. An append
// through a node that no longer holds the claim writes nothing and answers `fenced`, in the
// same transaction as the write it refuses.
#pragma once

#include "store/event_store.hpp"
#include "store/postgresql/connection.hpp"
#include "store/postgresql/params.hpp"
#include "store/postgresql/result.hpp"
#include "store/postgresql/write_request.hpp"

#include <expected>
#include <span>
#include <string_view>
#include <vector>

namespace intervisie::store::postgresql {

// One statement of a change: the name of a prepared statement and its parameters.
struct Statement {
  std::string_view name;
  Params params;
};

// Prepares the statements of every change on a writer's new connection.
std::expected<void, StoreError> prepare_session_writes(Connection& db);

// Where every claim is announced (pg_notify), in the claim's transaction: "epoch\tnode\tsession".
inline constexpr std::string_view claims_channel = "intervisie_session_claims";

// The statements that make `change` for the node named `node`, in order; an error when its
// values cannot be sent at all (a text with a NUL character).
std::expected<std::vector<Statement>, StoreError> statements_for(const Change& change,
                                                                 std::string_view node);

// What the rows of the change's statements (in order) say: the session's last seq after the
// change (a claim's epoch), or why nothing was written (`not_found`, `conflict`, `fenced`).
AppendResult outcome_of(const Change& change, std::span<const Result> results);

// A statement of the change that the server refused, in the change's words: a join code taken
// by another node meanwhile is that, not a constraint's name.
StoreError refusal_of(const Change& change, StoreError error, std::string_view sqlstate);

// What was being done, for messages: "appending to session "x"".
std::string doing_of(const Change& change);

} // namespace intervisie::store::postgresql
