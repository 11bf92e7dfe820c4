// SPDX-License-Identifier: EUPL-1.2
// Open connections per client address. One client that opens hundreds of idle sockets would
// otherwise hold the file descriptors the whole server needs; beyond its share it is turned away
// at the door, before a byte is read.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace intervisie::server {

class ConnectionCounter : public std::enable_shared_from_this<ConnectionCounter> {
public:
  // 0: no limit (behind a proxy every connection comes from the proxy's address).
  explicit ConnectionCounter(std::size_t per_address) : per_address_(per_address) {}

  // A hold on one connection's place for `address`, given back when the last owner drops it;
  // nothing when the address has all the connections it may have. Thread-safe.
  std::shared_ptr<const void> admit(const std::string& address);

private:
  void release(const std::string& address);

  std::size_t per_address_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::size_t> open_;
};

} // namespace intervisie::server
