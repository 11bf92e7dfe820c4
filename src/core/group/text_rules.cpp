// SPDX-License-Identifier: EUPL-1.2
// What makes a typed text or an adapter's id acceptable in a group.
#include "core/group/decision.hpp"

#include "core/text/typed_text.hpp"

namespace intervisie::core::group::rules {

std::expected<std::string, GroupRefusal> optional_text(std::string_view raw, std::size_t max_chars,
                                                       std::string_view field) {
  if (!typed_length(raw))
    return refuse(GroupRefusalCode::bad_text, field);
  const std::string_view text = trimmed(raw);
  if (*typed_length(text) > max_chars)
    return refuse(GroupRefusalCode::text_too_long, field);
  return std::string(text);
}

std::expected<std::string, GroupRefusal> required_text(std::string_view raw, std::size_t max_chars,
                                                       std::string_view field) {
  auto text = optional_text(raw, max_chars, field);
  if (text && text->empty())
    return refuse(GroupRefusalCode::empty_text, field);
  return text;
}

bool usable_id(std::string_view id) {
  return !id.empty() && id.size() <= max_id_chars;
}

} // namespace intervisie::core::group::rules
