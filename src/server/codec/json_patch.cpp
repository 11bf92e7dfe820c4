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
std::string pointer_to(std::string_view parent, std::string_view key) {
  std::string pointer(parent);
  pointer.reserve(parent.size() + key.size() + 1);
  pointer.push_back('/');
  for (const char c : key) {
    if (c == '~')
      pointer += "~0";
    else if (c == '/')
      pointer += "~1";
    else
      pointer.push_back(c);
  }
  return pointer;
}

void add_operation(array& patch, std::string_view op, std::string path, const value* with) {
  object operation{{"op", op}, {"path", std::move(path)}};
  if (with != nullptr)
    operation["value"] = *with;
  patch.push_back(std::move(operation));
}

void diff(const value& from, const value& to, const std::string& path, array& patch);

void diff_objects(const object& from, const object& to, const std::string& path, array& patch) {
  for (const auto& [key, before] : from) {
    const value* after = to.if_contains(key);
    if (after == nullptr)
      add_operation(patch, "remove", pointer_to(path, key), nullptr);
    else
      diff(before, *after, pointer_to(path, key), patch);
  }
  for (const auto& [key, after] : to)
    if (!from.contains(key))
      add_operation(patch, "add", pointer_to(path, key), &after);
}

void diff_arrays(const array& from, const array& to, const std::string& path, array& patch) {
  const std::size_t common = std::min(from.size(), to.size());
  for (std::size_t i = 0; i < common; ++i)
    diff(from[i], to[i], pointer_to(path, std::to_string(i)), patch);
  // From the end backwards, so each index still means what it meant in `from`.
  for (std::size_t i = from.size(); i > common; --i)
    add_operation(patch, "remove", pointer_to(path, std::to_string(i - 1)), nullptr);
  for (std::size_t i = common; i < to.size(); ++i)
    add_operation(patch, "add", pointer_to(path, std::to_string(i)), &to[i]);
}

void diff(const value& from, const value& to, const std::string& path, array& patch) {
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
  diff(from, to, std::string(), patch);
  return patch;
}

} // namespace intervisie::server
