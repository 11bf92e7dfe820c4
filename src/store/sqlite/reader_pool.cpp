// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite/reader_pool.hpp"

namespace intervisie::store::sqlite {

ReaderPool::ReaderPool(std::filesystem::path file, std::size_t idle_max)
    : file_{std::move(file)}, idle_max_{idle_max} {}

std::expected<std::unique_ptr<SessionReads>, StoreError> ReaderPool::acquire() {
  {
    std::lock_guard lock{mutex_};
    if (closed_)
      return std::unexpected(StoreError{StoreErrorCode::closed, "the event store is closed"});
    if (!idle_.empty()) {
      auto reads = std::move(idle_.back());
      idle_.pop_back();
      return reads;
    }
  }
  // Opened outside the lock: it touches the disk, and other readers need not wait for it.
  auto opened = SessionReads::open(file_);
  if (!opened)
    return std::unexpected(std::move(opened.error()));
  return std::make_unique<SessionReads>(std::move(*opened));
}

void ReaderPool::release(std::unique_ptr<SessionReads> reads) {
  std::lock_guard lock{mutex_};
  if (!closed_ && idle_.size() < idle_max_)
    idle_.push_back(std::move(reads)); // else it closes on the way out
}

void ReaderPool::close() {
  std::vector<std::unique_ptr<SessionReads>> closing;
  {
    std::lock_guard lock{mutex_};
    closed_ = true;
    closing.swap(idle_);
  }
}

} // namespace intervisie::store::sqlite
