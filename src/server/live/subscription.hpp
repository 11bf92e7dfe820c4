// SPDX-License-Identifier: EUPL-1.2
// How one live connection wants to hear about its session (docs/protocol.md 3.1): from which
// seq, in which language, and as events, snapshots or patches.
#pragma once

#include "core/method/method.hpp"

#include <cstdint>
#include <optional>

namespace intervisie::server {

using Language = core::Language;

// What a connection hears after its first message.
enum class Stream {
  events,    // the events it may see; it folds them itself
  snapshots, // the events, and after every change a fresh snapshot of its view
  // Only what changed in its view, as a JSON Patch (the web app): a client that shows the state
  // gets the server's view without folding events or receiving the whole view again.
  patches,
};

struct Subscription {
  std::optional<std::uint64_t> since; // resume: every event after this seq, not a snapshot
  Language language = Language::nl;
  // A snapshot or patch subscription always starts with a snapshot (`since` does not count).
  Stream stream = Stream::events;
  bool operator==(const Subscription&) const = default;
};

} // namespace intervisie::server
