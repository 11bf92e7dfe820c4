// SPDX-License-Identifier: EUPL-1.2
// Read connections for any thread, each used by one thread at a time.
#pragma once

#include "store/event_store.hpp"
#include "store/postgresql/connection.hpp"
#include "store/postgresql/pg_error.hpp"

#include <cstddef>
#include <expected>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <vector>

namespace intervisie::store::postgresql {

class ConnectionPool {
public:
  // Readies a new connection (prepares its statements).
  using Setup = std::function<std::expected<void, StoreError>(Connection&)>;

  // Keeps up to `idle_max` connections open between uses; opens more while many use it at once.
  ConnectionPool(std::string url, std::string role, std::size_t idle_max, Setup setup);

  // Runs `use(Connection&)` on a connection no other thread is using; `use` returns a
  // std::expected<T, StoreError>. For reads only: when a kept connection turns out to have
  // been closed by the server meanwhile, `use` runs once more on a new one.
  template <class Use> auto with_connection(Use&& use) -> std::invoke_result_t<Use, Connection&> {
    for (int attempt = 0;; ++attempt) {
      auto lease = acquire();
      if (!lease)
        return std::unexpected(std::move(lease.error()));
      auto result = use(*lease->connection);
      const bool lost = is_lost(lease->connection->native());
      if (!lost)
        release(std::move(lease->connection));
      if (result || !lost || !lease->kept || attempt > 0)
        return result;
    }
  }

  // Later uses fail with `closed`; uses under way finish first, on their own connection.
  void close();

private:
  struct Lease {
    std::unique_ptr<Connection> connection;
    bool kept = false; // it was open before this use
  };
  std::expected<Lease, StoreError> acquire();
  void release(std::unique_ptr<Connection> connection);

  const std::string url_;
  const std::string role_;
  const std::size_t idle_max_;
  const Setup setup_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
  bool closed_ = false;
};

} // namespace intervisie::store::postgresql
