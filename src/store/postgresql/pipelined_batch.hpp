// SPDX-License-Identifier: EUPL-1.2
// A batch of changes as one transaction in libpq's pipeline mode: BEGIN, the statements of every
// change, COMMIT and one Sync leave in one go, and the results come back in order, so a batch
// costs one round trip and one commit however many sessions it touches.
#pragma once

#include "store/event_store.hpp"
#include "store/postgresql/connection.hpp"
#include "store/postgresql/write_request.hpp"

#include <span>
#include <string_view>
#include <vector>

namespace intervisie::store::postgresql {

struct BatchOutcome {
  std::vector<AppendResult> results; // one per change, in order
  bool committed = false;            // a transaction committed: the successes are durable
  bool lost = false;                 // the connection is gone (or unusable): open another
};

// Commits `changes` on `db` (prepared by prepare_session_writes), each all or nothing:
// - A stale seq, an unknown session, a taken id, a lost claim: that change's error, the others
//   go on.
// - A statement that fails for its change's own values (text PostgreSQL refuses, say) aborts
//   the transaction: that change gets the error and the others are sent again without it.
//   A deadlock with another node is retried as it was, a few times.
// - A lost connection: every change not answered gets `io`; nothing was acknowledged. (When it
//   went after COMMIT had left, the server may have committed: an `io` is then a write that
//   did happen, and the caller's retry meets a conflict, never a duplicate.)
// `node`: this store's node, the one that appends and claims (session_writes.hpp).
BatchOutcome commit_batch(Connection& db, std::span<const Change* const> changes,
                          std::string_view node);

} // namespace intervisie::store::postgresql
