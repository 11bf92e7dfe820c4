// SPDX-License-Identifier: EUPL-1.2
// Read connections for any thread: WAL lets them read while the writer commits.
#pragma once

#include "store/event_store.hpp"
#include "store/sqlite/session_reads.hpp"

#include <cstddef>
#include <expected>
#include <filesystem>
#include <memory>
#include <mutex>
#include <type_traits>
#include <vector>

namespace intervisie::store::sqlite {

class ReaderPool {
public:
  // Keeps up to `idle_max` connections open between reads; opens more while many read at once.
  ReaderPool(std::filesystem::path file, std::size_t idle_max);

  // Runs `read(SessionReads&)` on a connection no other thread is using; `read` returns a
  // std::expected<T, StoreError>.
  template <class Read> auto with_reader(Read&& read) -> std::invoke_result_t<Read, SessionReads&> {
    auto reads = acquire();
    if (!reads)
      return std::unexpected(std::move(reads.error()));
    auto result = read(**reads);
    release(std::move(*reads));
    return result;
  }

  // Later reads fail with `closed`; reads under way finish first, on their own connection.
  void close();

private:
  std::expected<std::unique_ptr<SessionReads>, StoreError> acquire();
  void release(std::unique_ptr<SessionReads> reads);

  const std::filesystem::path file_;
  const std::size_t idle_max_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<SessionReads>> idle_;
  bool closed_ = false;
};

} // namespace intervisie::store::sqlite
