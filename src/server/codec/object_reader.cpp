// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/object_reader.hpp"

#include <algorithm>

namespace intervisie::server {
namespace {

// An integer as int64, or nothing when it is beyond that range. Parsed text holds uint64 only
// above the int64 range, but a value built in memory from an unsigned type is always uint64.
std::optional<std::int64_t> whole_number(const boost::json::value& value) {
  if (value.is_int64())
    return value.get_int64();
  if (value.is_uint64() &&
      value.get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
    return static_cast<std::int64_t>(value.get_uint64());
  return std::nullopt;
}

} // namespace

std::string_view json_type_name(const boost::json::value& value) {
  switch (value.kind()) {
  case boost::json::kind::null:
    return "null";
  case boost::json::kind::bool_:
    return "a boolean";
  case boost::json::kind::int64:
  case boost::json::kind::uint64:
    return "an integer";
  case boost::json::kind::double_:
    return "a number with a fraction or exponent";
  case boost::json::kind::string:
    return "a string";
  case boost::json::kind::array:
    return "an array";
  case boost::json::kind::object:
    return "an object";
  }
  return "a value";
}

std::size_t code_points(std::string_view utf8) {
  // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
  return static_cast<std::size_t>(std::ranges::count_if(
      utf8, [](char byte) { return (static_cast<unsigned char>(byte) & 0xC0u) != 0x80u; }));
}

std::string shortened(std::string_view text) {
  constexpr std::size_t longest = 40;
  if (text.size() <= longest)
    return std::string(text);
  // Cut on a code point boundary, so the message stays valid UTF-8.
  std::size_t end = longest;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u)
    --end;
  return std::string(text.substr(0, end)) + "…";
}

std::string shown(const boost::json::value& value) {
  if (const auto* string = value.if_string())
    return boost::json::serialize(boost::json::string_view{shortened(*string)});
  if (value.is_object())
    return "an object";
  if (value.is_array())
    return "an array";
  return boost::json::serialize(value);
}

ObjectReader::ObjectReader(const boost::json::object& object, std::string context, std::string path,
                           Source source)
    : object_{object}, context_{std::move(context)}, path_{std::move(path)}, source_{source} {}

void ObjectReader::known(std::string_view name) {
  if (std::ranges::find(known_, name) == known_.end())
    known_.push_back(name);
}

std::string ObjectReader::path_of(std::string_view name) const {
  return path_ + std::string(name);
}

void ObjectReader::fail(CodecError error) {
  if (!error_)
    error_ = std::move(error);
}

void ObjectReader::fail(CodecErrorCode code, std::string_view name, const std::string& message) {
  if (!error_)
    fail_at(code, path_of(name), message);
}

void ObjectReader::fail_at(CodecErrorCode code, std::string path, const std::string& message) {
  if (error_)
    return;
  std::string text = context_ + ": \"" + path + "\" " + message;
  error_ = CodecError{code, std::move(path), std::move(text)};
}

const boost::json::value* ObjectReader::field(std::string_view name, Presence presence) {
  known(name);
  if (error_)
    return nullptr;
  const boost::json::value* value = object_.if_contains(name);
  if (value == nullptr) {
    if (presence != Presence::optional)
      fail(CodecErrorCode::missing_field, name, "is missing");
    return nullptr;
  }
  if (value->is_null()) {
    if (presence == Presence::required)
      fail(CodecErrorCode::wrong_type, name, "may not be null");
    return nullptr;
  }
  return value;
}

void ObjectReader::wrong_type(std::string_view name, std::string_view expected,
                              const boost::json::value& value) {
  fail(CodecErrorCode::wrong_type, name,
       "must be " + std::string(expected) + ", not " + std::string(json_type_name(value)));
}

std::string ObjectReader::text(std::string_view name, Presence presence) {
  const boost::json::value* value = field(name, presence);
  if (value == nullptr)
    return {};
  const auto* string = value->if_string();
  if (string == nullptr) {
    wrong_type(name, "a string", *value);
    return {};
  }
  if (source_ == Source::client) {
    // Quick exit on bytes: a code point takes at most 4 of them.
    if (string->size() > max_text_code_points) {
      if (const std::size_t length = code_points(*string); length > max_text_code_points) {
        fail(CodecErrorCode::text_too_long, name,
             "is " + std::to_string(length) + " characters long; at most " +
                 std::to_string(max_text_code_points) + " are allowed");
        return {};
      }
    }
  }
  return std::string(*string);
}

bool ObjectReader::boolean(std::string_view name, Presence presence) {
  const boost::json::value* value = field(name, presence);
  if (value == nullptr)
    return false;
  if (!value->is_bool()) {
    wrong_type(name, "true or false", *value);
    return false;
  }
  return value->get_bool();
}

std::int64_t ObjectReader::integer(std::string_view name, std::int64_t min, std::int64_t max,
                                   Presence presence) {
  const boost::json::value* value = field(name, presence);
  if (value == nullptr)
    return 0;
  const auto out_of_range = [&] {
    fail(CodecErrorCode::bad_value, name,
         "must be an integer from " + std::to_string(min) + " to " + std::to_string(max) +
             ", not " + shown(*value));
  };
  if (!value->is_int64() && !value->is_uint64()) {
    wrong_type(name, "an integer", *value);
    return 0;
  }
  const auto number = whole_number(*value);
  if (!number || *number < min || *number > max) {
    out_of_range();
    return 0;
  }
  return *number;
}

std::optional<std::uint32_t> ObjectReader::id_value(std::string_view name, Presence presence) {
  const boost::json::value* value = field(name, presence);
  if (value == nullptr)
    return std::nullopt;
  const std::int64_t lowest = source_ == Source::client ? 1 : 0;
  const std::int64_t highest = std::numeric_limits<std::uint32_t>::max();
  const auto out_of_range = [&] {
    fail(CodecErrorCode::bad_value, name,
         "must be an id from " + std::to_string(lowest) + " to " + std::to_string(highest) +
             ", not " + shown(*value));
  };
  if (!value->is_int64() && !value->is_uint64()) {
    wrong_type(name, "an id (an integer)", *value);
    return std::nullopt;
  }
  const auto number = whole_number(*value);
  if (!number || *number < lowest || *number > highest) {
    out_of_range();
    return std::nullopt;
  }
  return static_cast<std::uint32_t>(*number);
}

const boost::json::object* ObjectReader::object(std::string_view name, Presence presence) {
  const boost::json::value* value = field(name, presence);
  if (value == nullptr)
    return nullptr;
  if (!value->is_object()) {
    wrong_type(name, "an object", *value);
    return nullptr;
  }
  return &value->get_object();
}

const boost::json::array* ObjectReader::array(std::string_view name, Presence presence) {
  const boost::json::value* value = field(name, presence);
  if (value == nullptr)
    return nullptr;
  if (!value->is_array()) {
    wrong_type(name, "an array", *value);
    return nullptr;
  }
  return &value->get_array();
}

std::optional<CodecError> ObjectReader::finish() {
  if (error_)
    return error_;
  for (const auto& member : object_) {
    const std::string_view key = member.key();
    if (std::ranges::find(known_, key) != known_.end())
      continue;
    std::string fields;
    for (const std::string_view name : known_) {
      if (name == "kind")
        continue;
      fields += (fields.empty() ? "" : ", ");
      fields += name;
    }
    fail(CodecErrorCode::unknown_field, shortened(key),
         fields.empty() ? std::string("is not a field here; there are none")
                        : "is not a field here; the fields are: " + fields);
    break;
  }
  return error_;
}

} // namespace intervisie::server
