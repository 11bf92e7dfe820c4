// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/json_patch.hpp"

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace intervisie::server {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

// RFC 6901: "~" and "/" inside a key are escaped as "~0" and "~1".
void append_token(std::string& pointer, std::string_view key) {
  pointer.push_back('/');
  for (const char c : key) {
    if (c == '~')
      pointer += "~0";
    else if (c == '/')
      pointer += "~1";
    else
      pointer.push_back(c);
  }
}

void add_operation(array& patch, std::string_view op, std::string_view path, const value* with) {
  object operation{{"op", op}, {"path", path}};
  if (with != nullptr)
    operation["value"] = *with;
  patch.push_back(std::move(operation));
}

// An operation on the member `key` of what `path` points to.
void add_member_operation(array& patch, std::string_view op, std::string& path,
                          std::string_view key, const value* with) {
  const std::size_t length = path.size();
  append_token(path, key);
  add_operation(patch, op, path, with);
  path.resize(length);
}

// `path` is the pointer to `from` and `to`; it grows and shrinks back as the walk goes down,
// so nothing is allocated for the parts that did not change.
void diff(const value& from, const value& to, std::string& path, array& patch);

void diff_member(const value& from, const value& to, std::string_view key, std::string& path,
                 array& patch) {
  const std::size_t length = path.size();
  append_token(path, key);
  diff(from, to, path, patch);
  path.resize(length);
}

void diff_objects(const object& from, const object& to, std::string& path, array& patch) {
  // Views are made by the same code, so their keys nearly always come in the same order: walk
  // both together, and look keys up only from where the orders part.
  std::size_t same = 0;
  if (from.size() == to.size()) {
    const auto* before = from.begin();
    const auto* after = to.begin();
    for (; same < from.size() && before->key() == after->key(); ++same, ++before, ++after)
      diff_member(before->value(), after->value(), before->key(), path, patch);
    if (same == from.size())
      return;
  }
  for (std::size_t i = same; i < from.size(); ++i) {
    const auto& [key, before] = *(from.begin() + i);
    const value* after = to.if_contains(key);
    if (after == nullptr)
      add_member_operation(patch, "remove", path, key, nullptr);
    else
      diff_member(before, *after, key, path, patch);
  }
  for (std::size_t i = same; i < to.size(); ++i) {
    const auto& [key, after] = *(to.begin() + i);
    if (!from.contains(key))
      add_member_operation(patch, "add", path, key, &after);
  }
}

void diff_arrays(const array& from, const array& to, std::string& path, array& patch) {
  const std::size_t common = std::min(from.size(), to.size());
  for (std::size_t i = 0; i < common; ++i)
    diff_member(from[i], to[i], std::to_string(i), path, patch);
  // From the end backwards, so each index still means what it meant in `from`.
  for (std::size_t i = from.size(); i > common; --i)
    add_member_operation(patch, "remove", path, std::to_string(i - 1), nullptr);
  for (std::size_t i = common; i < to.size(); ++i)
    add_member_operation(patch, "add", path, std::to_string(i), &to[i]);
}

void diff(const value& from, const value& to, std::string& path, array& patch) {
  if (from.is_object() && to.is_object())
    return diff_objects(from.get_object(), to.get_object(), path, patch);
  if (from.is_array() && to.is_array())
    return diff_arrays(from.get_array(), to.get_array(), path, patch);
  if (from != to)
    add_operation(patch, "replace", path, &to);
}

} // namespace

array json_patch(const value& from, const value& to) {
  array patch;
  std::string path;
  diff(from, to, path, patch);
  return patch;
}

array json_patch(const object& from, const object& to) {
  array patch;
  std::string path;
  diff_objects(from, to, path, patch);
  return patch;
}

} // namespace intervisie::server
