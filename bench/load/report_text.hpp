// SPDX-License-Identifier: EUPL-1.2
// How a load run's report writes its figures: decimals, MiB, shares of a core, KiB per
// connection.
#pragma once

#include "server_process.hpp"

#include <cstdint>
#include <string>

namespace intervisie::load {

std::string fixed(double value, int decimals = 2);

inline double mib(std::uint64_t kib) {
  return static_cast<double>(kib) / 1024.0;
}

// (after − before) / n in KiB, or "n/a" when either figure is missing.
std::string per_connection(const ProcessSample& after, const ProcessSample& before, std::size_t n);

// The CPU time between two samples as a share of one core over `wall` seconds.
std::string cpu_share(const ProcessSample& end, const ProcessSample& start, double wall);

} // namespace intervisie::load
