// SPDX-License-Identifier: EUPL-1.2
// The methods a server offers, checked as a whole: one broken file refuses them all,
// so a group never starts a method that was half loaded.
#pragma once

#include "core/method/method.hpp"
#include "core/method/method_error.hpp"

#include <expected>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace intervisie::core {

// One method file's text and the name it is reported under.
struct MethodSource {
  std::string name; // e.g. "methods/incident.toml"
  std::string text;
};

class Catalogue {
public:
  // Methods are kept in the order of their source names (file names), so the list
  // never depends on the order a directory happens to be read in; errors too.
  // Refused as a whole with every broken file's error, a duplicate method id,
  // or no methods at all.
  static std::expected<Catalogue, std::vector<MethodError>>
  build(std::vector<MethodSource> sources);

  const std::vector<Method>& methods() const { return methods_; }
  const Method* find(std::string_view id) const;

private:
  explicit Catalogue(std::vector<Method> methods) : methods_{std::move(methods)} {}

  std::vector<Method> methods_;
};

} // namespace intervisie::core
