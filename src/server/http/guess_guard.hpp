// SPDX-License-Identifier: EUPL-1.2
// Rations guesses at something short (a six-digit join code): a few tries a minute per client
// address, and a ceiling on failed tries for the whole server (or for all nodes of a cluster
// together, counted in their shared store), beyond which every address waits until the minute
// has passed. Many addresses guessing together stay as slow as one. Thread-safe.
#pragma once

#include "server/http/rate_limiter.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace intervisie::server {

class GuessGuard {
public:
  GuessGuard(std::size_t tries_per_address, std::size_t failures_per_minute);

  // Nodes sharing a store count failures together: adds `by` (0: reads) to the count of the
  // minute that starts at `window_start_ms` and returns it; nothing when the store cannot say
  // (then this node's own count decides).
  using SharedCount =
      std::function<std::optional<std::int64_t>(std::int64_t window_start_ms, std::int64_t by)>;
  void share_failures(SharedCount shared) { shared_ = std::move(shared); }

  // Counts a try from `address`: false when it is one too many (for the address, or for the
  // server after too many failures this minute).
  bool allow(const std::string& address, core::Instant now);
  // Counts a failed try against the server-wide ceiling.
  void failed(core::Instant now);

private:
  RateLimiter per_address_;
  RateLimiter failures_; // one key for the whole server
  std::size_t failures_per_minute_;
  SharedCount shared_;
};

} // namespace intervisie::server
