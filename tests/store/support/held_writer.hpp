// SPDX-License-Identifier: EUPL-1.2
// A test's grip on an event store's writer thread (any adapter's).
#pragma once

#include "store/event_store.hpp"

#include <cstdint>
#include <future>
#include <string>

namespace intervisie::store::testing {

// Holds the writer thread inside the `done` of one append, so whatever is appended meanwhile
// queues up and forms the next batch: batching shown without timing.
class HeldWriter {
public:
  HeldWriter(EventStore& store, const std::string& session_id, std::uint64_t expected_last_seq) {
    auto held = held_.get_future();
    store.append(session_id, expected_last_seq, {NewEvent{.kind = "hold", .payload = "{}"}},
                 [this, released = released_.get_future().share()](AppendResult) {
                   held_.set_value();
                   released.wait();
                 });
    held.wait();
  }
  HeldWriter(const HeldWriter&) = delete;
  HeldWriter& operator=(const HeldWriter&) = delete;
  ~HeldWriter() { release(); }

  void release() {
    if (!was_released_)
      released_.set_value();
    was_released_ = true;
  }

private:
  std::promise<void> held_;
  std::promise<void> released_;
  bool was_released_ = false;
};

} // namespace intervisie::store::testing
