// SPDX-License-Identifier: EUPL-1.2
#include "store/postgresql/connection_pool.hpp"

namespace intervisie::store::postgresql {

ConnectionPool::ConnectionPool(std::string url, std::string role, std::size_t idle_max, Setup setup)
    : url_{std::move(url)}, role_{std::move(role)}, idle_max_{idle_max}, setup_{std::move(setup)} {}

std::expected<ConnectionPool::Lease, StoreError> ConnectionPool::acquire() {
  for (;;) {
    std::unique_ptr<Connection> kept;
    {
      std::lock_guard lock{mutex_};
      if (closed_)
        return std::unexpected(StoreError{StoreErrorCode::closed, "the event store is closed"});
      if (idle_.empty())
        break;
      kept = std::move(idle_.back());
      idle_.pop_back();
    }
    if (kept->is_alive()) // else the server closed it meanwhile: try the next, or a new one
      return Lease{std::move(kept), true};
  }
  // Opened outside the lock: it takes a round trip or more, and others need not wait for it.
  auto opened = Connection::open(url_, role_);
  if (!opened)
    return std::unexpected(std::move(opened.error()));
  auto connection = std::make_unique<Connection>(std::move(*opened));
  if (auto ready = setup_(*connection); !ready)
    return std::unexpected(std::move(ready.error()));
  return Lease{std::move(connection), false};
}

void ConnectionPool::release(std::unique_ptr<Connection> connection) {
  std::lock_guard lock{mutex_};
  if (!closed_ && idle_.size() < idle_max_)
    idle_.push_back(std::move(connection)); // else it closes on the way out
}

void ConnectionPool::close() {
  std::vector<std::unique_ptr<Connection>> closing;
  {
    std::lock_guard lock{mutex_};
    closed_ = true;
    closing.swap(idle_);
  }
}

} // namespace intervisie::store::postgresql
