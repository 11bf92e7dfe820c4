// SPDX-License-Identifier: EUPL-1.2
// A commit whose log sync failed. Its frames are in the log file by then, valid down to their
// checksums; SQLite rolls the transaction back in memory, so this process would answer
// "nothing was kept" and go on, yet the next start reads the log again and may find the
// commit there (a refused command that comes back after a crash). Whether it is on the disk
// only the disk knows. So the server stops at once, answering no one, as PostgreSQL does on a
// failed fsync: at the next start the store itself says what became of it, the same for
// everyone, and what the clients did not hear of they find as after any crash (protocol 4.8).
#pragma once

#include "store/event_store.hpp"
#include "store/sqlite/connection.hpp"

#include <string_view>

namespace intervisie::store::sqlite {

// Stops the process (exit status 70) when `db`'s last error, `error`, was a failed sync;
// returns otherwise. Call it right after a failed COMMIT, before anything else runs on `db`.
void stop_if_sync_failed(const Connection& db, std::string_view store, const StoreError& error);

} // namespace intervisie::store::sqlite
