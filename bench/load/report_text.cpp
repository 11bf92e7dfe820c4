// SPDX-License-Identifier: EUPL-1.2
#include "report_text.hpp"

#include <cstdio>

namespace intervisie::load {

std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string per_connection(const ProcessSample& after, const ProcessSample& before, std::size_t n) {
  if (!after.valid || !before.valid || n == 0)
    return "n/a";
  const double kib = (static_cast<double>(after.rss_kib) - static_cast<double>(before.rss_kib)) /
                     static_cast<double>(n);
  return fixed(kib, 1) + " KiB";
}

std::string cpu_share(const ProcessSample& end, const ProcessSample& start, double wall) {
  if (!end.valid || !start.valid || wall <= 0)
    return "n/a";
  return fixed(100.0 * (end.cpu_seconds - start.cpu_seconds) / wall, 0) + "%";
}

} // namespace intervisie::load
