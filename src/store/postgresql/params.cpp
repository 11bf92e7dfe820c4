// SPDX-License-Identifier: EUPL-1.2
#include "store/postgresql/params.hpp"

#include <limits>

namespace intervisie::store::postgresql {

Params::Params(Params&&) noexcept = default;
Params& Params::operator=(Params&&) noexcept = default;
Params::~Params() = default;

void Params::add(std::optional<std::string> value) {
  if (value && value->find('\0') != std::string::npos && !problem_)
    problem_ =
        StoreError{StoreErrorCode::io, "PostgreSQL cannot store a text with a NUL character in it"};
  storage_.push_back(std::move(value));
}

Params& Params::text(std::string_view value) {
  add(std::string{value});
  return *this;
}

Params& Params::int64(std::int64_t value) {
  add(std::to_string(value));
  return *this;
}

Params& Params::uint64(std::uint64_t value) {
  if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) && !problem_)
    problem_ = StoreError{StoreErrorCode::io, "the number " + std::to_string(value) +
                                                  " is too large for PostgreSQL's BIGINT"};
  add(std::to_string(value));
  return *this;
}

Params& Params::boolean(bool value) {
  add(std::string{value ? "true" : "false"});
  return *this;
}

Params& Params::null() {
  add(std::nullopt);
  return *this;
}

Params& Params::text_array(std::span<const std::string_view> values) {
  // Array literal: every element in double quotes, with `"` and `\` escaped by a backslash.
  std::string literal = "{";
  for (std::string_view value : values) {
    if (literal.size() > 1)
      literal += ',';
    literal += '"';
    for (char c : value) {
      if (c == '"' || c == '\\')
        literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  literal += '}';
  add(std::move(literal));
  return *this;
}

Params& Params::int64_array(std::span<const std::int64_t> values) {
  std::string literal = "{";
  for (std::int64_t value : values) {
    if (literal.size() > 1)
      literal += ',';
    literal += std::to_string(value);
  }
  literal += '}';
  add(std::move(literal));
  return *this;
}

const char* const* Params::values() const {
  pointers_.clear();
  for (const auto& value : storage_)
    pointers_.push_back(value ? value->c_str() : nullptr);
  return pointers_.data();
}

} // namespace intervisie::store::postgresql
