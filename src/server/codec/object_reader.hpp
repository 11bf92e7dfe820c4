// SPDX-License-Identifier: EUPL-1.2
// Reads one JSON object field by field, strictly: every value is checked for its type and
// range, a field nobody asked for is an error, and the first problem is the one reported.
// The codec reads commands with it, and the HTTP routes their request bodies.
#pragma once

#include "core/session/ids.hpp"
#include "server/codec/codec_error.hpp"
#include "server/codec/wire_names.hpp"

#include <boost/json.hpp>

#include <cstdint>
#include <expected>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace intervisie::server {

enum class Presence {
  required, // must be there, and not null
  nullable, // must be there; null means "none" (what the codec itself writes for an empty optional)
  optional, // may be absent or null; then the default applies
};

// Who wrote the JSON. A client's texts are limited and its ids start at 1; our own records
// (stored events, embedded methods) are read back as written, so a restore never fails on a
// text the engine itself lengthened (advice gets its opener prepended).
enum class Source { client, record };

// "string", "integer", "number", "boolean", "null", "object", "array".
std::string_view json_type_name(const boost::json::value& value);

// Code points of well-formed UTF-8 (Boost.JSON's parser guarantees it).
std::size_t code_points(std::string_view utf8);

// At most 40 bytes of a text, cut on a code point boundary, for messages.
std::string shortened(std::string_view text);

// A value as it appears in a message: strings quoted, long ones shortened.
std::string shown(const boost::json::value& value);

class ObjectReader {
public:
  // context names the object in messages ("ask_question", "event question_asked", "method");
  // path is prepended to field names of nested objects, e.g. "method.steps[2]."
  ObjectReader(const boost::json::object& object, std::string context, std::string path,
               Source source);

  // A field that is read elsewhere (e.g. "kind"), so finish() does not call it unknown.
  void known(std::string_view name);

  std::string text(std::string_view name, Presence presence = Presence::required);
  bool boolean(std::string_view name, Presence presence = Presence::required);
  std::int64_t integer(std::string_view name, std::int64_t min, std::int64_t max,
                       Presence presence = Presence::required);

  template <class Tag> core::Id<Tag> id(std::string_view name) {
    return core::Id<Tag>{id_value(name, Presence::required).value_or(0)};
  }
  template <class Tag>
  std::optional<core::Id<Tag>> optional_id(std::string_view name,
                                           Presence presence = Presence::optional) {
    const auto value = id_value(name, presence);
    if (!value)
      return std::nullopt;
    return core::Id<Tag>{*value};
  }

  template <class Enum>
  Enum choice(std::string_view name, NameTable<Enum> names,
              Presence presence = Presence::required) {
    const auto chosen = choice_index(
        name, names.size(), [&](std::size_t i) -> std::string_view { return names[i].second; },
        presence);
    return chosen ? names[*chosen].first : Enum{};
  }

  // Nested values; nullptr when absent, null or wrong (then the error is recorded).
  const boost::json::object* object(std::string_view name, Presence presence = Presence::required);
  const boost::json::array* array(std::string_view name, Presence presence = Presence::required);

  // Records an error found by the caller; only the first one counts.
  void fail(CodecError error);
  void fail(CodecErrorCode code, std::string_view name, const std::string& message);
  // The same for a path that is already complete, e.g. "method.steps[1].speakers[0]".
  void fail_at(CodecErrorCode code, std::string path, const std::string& message);
  bool failed() const { return error_.has_value(); }

  const std::string& context() const { return context_; }
  std::string path_of(std::string_view name) const;
  Source source() const { return source_; }

  // The first error, or else an unknown field if there is one.
  std::optional<CodecError> finish();

  template <class T> std::expected<T, CodecError> result(T value) {
    if (auto error = finish())
      return std::unexpected(std::move(*error));
    return value;
  }

private:
  // The value of a field, or nullptr when there is none to read (absent, null, or an error).
  const boost::json::value* field(std::string_view name, Presence presence);
  void wrong_type(std::string_view name, std::string_view expected,
                  const boost::json::value& value);
  std::optional<std::uint32_t> id_value(std::string_view name, Presence presence);
  template <class NameAt>
  std::optional<std::size_t> choice_index(std::string_view name, std::size_t count, NameAt name_at,
                                          Presence presence) {
    const boost::json::value* value = field(name, presence);
    if (value == nullptr)
      return std::nullopt;
    const auto* string = value->if_string();
    if (string == nullptr) {
      wrong_type(name, "a string", *value);
      return std::nullopt;
    }
    std::string allowed;
    for (std::size_t i = 0; i < count; ++i) {
      if (name_at(i) == std::string_view{*string})
        return i;
      allowed += (i == 0 ? "" : ", ");
      allowed += name_at(i);
    }
    fail(CodecErrorCode::bad_value, name, "must be one of " + allowed + ", not " + shown(*value));
    return std::nullopt;
  }

  const boost::json::object& object_;
  std::string context_;
  std::string path_;
  Source source_;
  std::vector<std::string_view> known_;
  std::optional<CodecError> error_;
};

} // namespace intervisie::server
