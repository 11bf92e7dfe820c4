// SPDX-License-Identifier: EUPL-1.2
// A countdown that can pause. The clock stays outside: every question takes `now`.
#pragma once

#include "core/session/ids.hpp"

#include <optional>

namespace intervisie::core {

struct Timer {
  Instant started_at{};
  Duration planned{};
  Duration paused_total{};
  std::optional<Instant> paused_since;

  Duration elapsed(Instant now) const;
  // Negative once the planned time is over: the timer helps, it never forces.
  Duration left(Instant now) const;
  bool running() const { return !paused_since; }
  void pause(Instant at);
  void resume(Instant at);

  bool operator==(const Timer&) const = default;
};

} // namespace intervisie::core
