// SPDX-License-Identifier: EUPL-1.2
#include "support/fuzz_support.hpp"

#include "core/method/method_parser.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace intervisie::fuzz {

void require(bool holds, const char* what) {
  require(holds, what, {});
}

void require(bool holds, const char* what, std::string_view detail) {
  if (holds)
    return;
  std::fprintf(stderr, "property broken: %s\n%.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

void explain(std::string_view why) {
  static const bool wanted = std::getenv("FUZZ_EXPLAIN") != nullptr;
  if (wanted)
    std::fprintf(stderr, "refused: %.*s\n", static_cast<int>(why.size()), why.data());
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (;;) {
    const auto end = text.find(separator);
    parts.push_back(text.substr(0, end));
    if (end == std::string_view::npos)
      return parts;
    text.remove_prefix(end + 1);
  }
}

std::shared_ptr<const core::Method> shipped_method(std::string_view id) {
  static std::map<std::string, std::shared_ptr<const core::Method>, std::less<>> loaded;
  if (const auto found = loaded.find(id); found != loaded.end())
    return found->second;
  const std::string path = std::string(INTERVISIE_METHODS_DIR) + "/" + std::string(id) + ".toml";
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  auto method = core::parse_method(text.str(), path);
  require(method.has_value(), "a shipped method parses", path);
  auto shared = std::make_shared<const core::Method>(std::move(*method));
  loaded.emplace(std::string(id), shared);
  return shared;
}

} // namespace intervisie::fuzz
