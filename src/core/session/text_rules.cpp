// SPDX-License-Identifier: EUPL-1.2
// What makes a typed text acceptable, and when two texts say the same.
#include "core/session/decision.hpp"
#include "core/session/session_text.hpp"

#include "core/coach/advice_opener.hpp"
#include "core/text/typed_text.hpp"

namespace intervisie::core::rules {

std::expected<std::string, Refusal> optional_text(std::string_view raw, std::size_t max_chars) {
  const auto length = typed_length(raw);
  if (!length)
    return refuse(RefusalCode::invalid_text);
  const std::string_view text = trimmed(raw);
  if (*typed_length(text) > max_chars)
    return refuse(max_chars == max_name_chars ? RefusalCode::name_too_long
                                              : RefusalCode::text_too_long);
  return std::string(text);
}

std::expected<std::string, Refusal> required_text(std::string_view raw, std::size_t max_chars) {
  auto text = optional_text(raw, max_chars);
  if (text && text->empty())
    return refuse(RefusalCode::text_empty);
  return text;
}

std::string with_advice_opener(std::string text) {
  if (coach::read_advice_opener(text).opener == coach::AdviceOpener::present)
    return text;
  return coach::with_advice_opener(text);
}

} // namespace intervisie::core::rules

namespace intervisie::core {

std::expected<std::string, Refusal> session_text(std::string_view raw) {
  return rules::optional_text(raw);
}

} // namespace intervisie::core
