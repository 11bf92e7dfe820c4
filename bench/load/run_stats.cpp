// SPDX-License-Identifier: EUPL-1.2
#include "run_stats.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace intervisie::load {

double LatencySamples::percentile_ms(double q) {
  if (samples_.empty())
    return 0;
  if (!sorted_) {
    std::ranges::sort(samples_);
    sorted_ = true;
  }
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(samples_.size())));
  const std::size_t index = std::clamp<std::size_t>(rank, 1, samples_.size()) - 1;
  return static_cast<double>(samples_[index]) / 1000.0;
}

double LatencySamples::max_ms() {
  return percentile_ms(1.0);
}

double LatencySamples::mean_ms() const {
  if (samples_.empty())
    return 0;
  const auto sum = std::accumulate(samples_.begin(), samples_.end(), std::uint64_t{0});
  return static_cast<double>(sum) / static_cast<double>(samples_.size()) / 1000.0;
}

} // namespace intervisie::load
