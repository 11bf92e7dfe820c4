// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite/checkpointer.hpp"

#include "store/write_failure_log.hpp"

namespace intervisie::store::sqlite {

std::expected<std::unique_ptr<Checkpointer>, StoreError>
Checkpointer::start(const std::filesystem::path& file, std::chrono::milliseconds interval) {
  auto db = Connection::open(file);
  if (!db)
    return std::unexpected(std::move(db.error()));
  return std::unique_ptr<Checkpointer>(new Checkpointer(std::move(*db), interval));
}

Checkpointer::Checkpointer(Connection db, std::chrono::milliseconds interval)
    : db_{std::move(db)}, interval_{interval}, thread_{[this] { run(); }} {}

Checkpointer::~Checkpointer() {
  stop();
}

void Checkpointer::stop() {
  {
    std::lock_guard lock{mutex_};
    stopping_ = true;
  }
  wakeup_.notify_one();
  std::call_once(joined_, [this] { thread_.join(); });
}

void Checkpointer::run() {
  // A failure is logged once, not every tick, and so is the first success after it.
  WriteFailureLog failures{"the event store's checkpointer",
                           "its log grows until it can, and nothing is lost"};
  for (;;) {
    {
      std::unique_lock lock{mutex_};
      if (wakeup_.wait_for(lock, interval_, [this] { return stopping_; }))
        return;
    }
    if (auto done = db_.exec("PRAGMA wal_checkpoint(PASSIVE)", "checkpointing the log"); done)
      failures.succeeded();
    else
      failures.failed(done.error());
  }
}

} // namespace intervisie::store::sqlite
