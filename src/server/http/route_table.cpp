// SPDX-License-Identifier: EUPL-1.2
#include "server/http/route_table.hpp"

#include <stdexcept>

namespace intervisie::server {

void PathParams::add(std::string_view name, std::string value) {
  values_.emplace_back(name, std::move(value));
}

const std::string& PathParams::operator[](std::string_view name) const {
  for (const auto& [key, value] : values_)
    if (key == name)
      return value;
  throw std::out_of_range("no path parameter " + std::string(name));
}

PathPattern::PathPattern(std::string_view pattern) {
  if (pattern.starts_with('/'))
    pattern.remove_prefix(1);
  while (!pattern.empty()) {
    const auto slash = pattern.find('/');
    const std::string_view part = pattern.substr(0, slash);
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}')
      segments_.push_back(Segment{part.substr(1, part.size() - 2), true});
    else
      segments_.push_back(Segment{part, false});
    if (slash == std::string_view::npos)
      break;
    pattern.remove_prefix(slash + 1);
  }
}

std::optional<PathParams> PathPattern::match(const std::vector<std::string>& segments) const {
  if (segments.size() != segments_.size())
    return std::nullopt;
  PathParams params;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (segments_[i].placeholder)
      params.add(segments_[i].text, segments[i]);
    else if (segments_[i].text != segments[i])
      return std::nullopt;
  }
  return params;
}

} // namespace intervisie::server
