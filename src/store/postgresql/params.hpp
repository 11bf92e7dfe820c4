// SPDX-License-Identifier: EUPL-1.2
// The parameters of one statement, in PostgreSQL's text format, kept alive until it is sent.
#pragma once

#include "store/event_store.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace intervisie::store::postgresql {

class Params {
public:
  Params() = default;
  Params(const Params&) = delete; // values() points into the strings
  Params& operator=(const Params&) = delete;
  Params(Params&&) noexcept;
  Params& operator=(Params&&) noexcept;
  ~Params();

  Params& text(std::string_view value);
  Params& int64(std::int64_t value);
  Params& uint64(std::uint64_t value); // refused above INT64_MAX, BIGINT's largest
  Params& boolean(bool value);
  Params& null();
  // A `text[]` or `bigint[]` in one parameter: how a request's many events go in one statement.
  Params& text_array(std::span<const std::string_view> values);
  Params& int64_array(std::span<const std::int64_t> values);

  // What no statement can carry: a text with a NUL character (PostgreSQL text cannot hold
  // one, and libpq would cut the text short there). Empty when every value can be sent.
  const std::optional<StoreError>& problem() const { return problem_; }

  int count() const { return static_cast<int>(storage_.size()); }
  // For libpq: one pointer per parameter, null for SQL NULL. Valid until the next change.
  const char* const* values() const;

private:
  void add(std::optional<std::string> value);

  std::vector<std::optional<std::string>> storage_;
  mutable std::vector<const char*> pointers_;
  std::optional<StoreError> problem_;
};

} // namespace intervisie::store::postgresql
