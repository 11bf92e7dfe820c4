// SPDX-License-Identifier: EUPL-1.2
#include "json_patch_apply.hpp"

#include <boost/json/object.hpp>

#include <charconv>
#include <stdexcept>
#include <string>
#include <vector>

namespace intervisie::server::testing {
namespace {

std::vector<std::string> tokens_of(std::string_view pointer) {
  if (pointer.empty())
    return {};
  if (pointer.front() != '/')
    throw std::runtime_error("a pointer starts with '/': " + std::string(pointer));
  std::vector<std::string> tokens(1);
  for (std::size_t i = 1; i < pointer.size(); ++i) {
    const char c = pointer[i];
    if (c == '/') {
      tokens.emplace_back();
    } else if (c == '~') {
      const char next = i + 1 < pointer.size() ? pointer[i + 1] : '\0';
      if (next != '0' && next != '1')
        throw std::runtime_error("a bad escape in " + std::string(pointer));
      tokens.back().push_back(next == '0' ? '~' : '/');
      ++i;
    } else {
      tokens.back().push_back(c);
    }
  }
  return tokens;
}

std::size_t index_of(const std::string& token, std::size_t limit) {
  std::size_t index = 0;
  const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), index);
  if (error != std::errc{} || end != token.data() + token.size() || index > limit)
    throw std::runtime_error("no index " + token + " here");
  return index;
}

} // namespace

void apply_json_patch(boost::json::value& document, const boost::json::array& patch) {
  for (const boost::json::value& item : patch) {
    const boost::json::object& operation = item.as_object();
    const std::string op(operation.at("op").as_string());
    const std::vector<std::string> tokens = tokens_of(operation.at("path").as_string());
    if (tokens.empty()) {
      if (op == "remove")
        throw std::runtime_error("the whole document cannot be removed");
      document = operation.at("value");
      continue;
    }
    boost::json::value* parent = &document;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (parent->is_object())
        parent = &parent->as_object().at(tokens[i]);
      else
        parent = &parent->as_array().at(index_of(tokens[i], parent->as_array().size() - 1));
    }
    const std::string& last = tokens.back();
    if (parent->is_object()) {
      boost::json::object& object = parent->as_object();
      if (op == "add")
        object[last] = operation.at("value");
      else if (op == "replace")
        object.at(last) = operation.at("value");
      else if (op == "remove") {
        if (object.erase(last) == 0)
          throw std::runtime_error("nothing to remove at " + last);
      } else
        throw std::runtime_error("no operation " + op);
    } else {
      boost::json::array& array = parent->as_array();
      if (op == "add") {
        array.insert(array.begin() + static_cast<std::ptrdiff_t>(index_of(last, array.size())),
                     operation.at("value"));
      } else if (op == "replace" || op == "remove") {
        if (array.empty())
          throw std::runtime_error("an empty array has nothing at " + last);
        const std::size_t index = index_of(last, array.size() - 1);
        if (op == "replace")
          array[index] = operation.at("value");
        else
          array.erase(array.begin() + static_cast<std::ptrdiff_t>(index));
      } else {
        throw std::runtime_error("no operation " + op);
      }
    }
  }
}

} // namespace intervisie::server::testing
