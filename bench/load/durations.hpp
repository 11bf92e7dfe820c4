// SPDX-License-Identifier: EUPL-1.2
// Seconds as the options give them, and as the report prints them.
#pragma once

#include "meeting.hpp"

namespace intervisie::load {

inline Clock::duration seconds(double value) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(value));
}

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace intervisie::load
