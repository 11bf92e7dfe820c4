// SPDX-License-Identifier: EUPL-1.2
#include "core/session/timer.hpp"

namespace intervisie::core {

Duration Timer::elapsed(Instant now) const {
  const Instant until = paused_since ? *paused_since : now;
  const Duration running_time = until - started_at - paused_total;
  return running_time < Duration::zero() ? Duration::zero() : running_time;
}

Duration Timer::left(Instant now) const {
  return planned - elapsed(now);
}

void Timer::pause(Instant at) {
  if (!paused_since)
    paused_since = at;
}

void Timer::resume(Instant at) {
  if (paused_since) {
    paused_total += at - *paused_since;
    paused_since.reset();
  }
}

} // namespace intervisie::core
