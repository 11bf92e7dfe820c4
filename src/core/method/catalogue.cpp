// SPDX-License-Identifier: EUPL-1.2
#include "core/method/catalogue.hpp"

#include "core/method/method_parser.hpp"

#include <algorithm>
#include <utility>

namespace intervisie::core {

std::expected<Catalogue, std::vector<MethodError>>
Catalogue::build(std::vector<MethodSource> sources) {
  std::ranges::stable_sort(sources, {}, &MethodSource::name);
  std::vector<MethodError> errors;
  std::vector<Method> methods;
  std::vector<std::string_view> method_sources; // where each kept method came from
  for (const MethodSource& source : sources) {
    auto parsed = parse_method_source(source.text, source.name);
    if (!parsed) {
      errors.push_back(std::move(parsed.error()));
      continue;
    }
    const auto same_id = std::ranges::find(methods, parsed->method.id, &Method::id);
    if (same_id != methods.end()) {
      const auto first = method_sources[static_cast<std::size_t>(same_id - methods.begin())];
      errors.push_back(MethodError{source.name, parsed->id_position.line,
                                   parsed->id_position.column,
                                   "method id '" + parsed->method.id + "' is already used by " +
                                       std::string{first} + "; method ids must be unique"});
      continue;
    }
    methods.push_back(std::move(parsed->method));
    method_sources.push_back(source.name);
  }
  if (sources.empty()) {
    errors.push_back(MethodError{"", 0, 0, "no methods to offer: the catalogue is empty"});
  }
  if (!errors.empty()) {
    return std::unexpected(std::move(errors));
  }
  return Catalogue{std::move(methods)};
}

const Method* Catalogue::find(std::string_view id) const {
  const auto found = std::ranges::find(methods_, id, &Method::id);
  return found == methods_.end() ? nullptr : &*found;
}

} // namespace intervisie::core
