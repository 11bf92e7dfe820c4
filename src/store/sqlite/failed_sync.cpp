// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite/failed_sync.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>

namespace intervisie::store::sqlite {

namespace {

// EX_SOFTWARE of sysexits.h: not a failure of the command line or the configuration; systemd's
// Restart=on-failure starts the server again.
constexpr int failed_sync_status = 70;

} // namespace

void stop_if_sync_failed(const Connection& db, std::string_view store, const StoreError& error) {
  if (!db.sync_failed())
    return;
  spdlog::critical("{}: the disk did not confirm a commit ({}); whether it was written only a "
                   "restart can tell, so the server stops now without answering it. Check the "
                   "disk; at the next start every session is restored as the store holds it",
                   store, error.message);
  spdlog::default_logger()->flush();
  // No destructors, no handlers: nothing else may run, answer or write after this.
  std::_Exit(failed_sync_status);
}

} // namespace intervisie::store::sqlite
