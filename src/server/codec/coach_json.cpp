// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/coach_json.hpp"

#include "core/coach/coach.hpp"

#include <boost/json/array.hpp>

namespace intervisie::server {
namespace {

// UTF-16 code units in text[0, bytes): one per code point, two for those beyond U+FFFF.
std::size_t utf16_length(std::string_view text, std::size_t bytes) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < bytes && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0u) == 0x80u)
      continue; // a continuation byte
    units += c >= 0xF0 ? 2 : 1;
  }
  return units;
}

boost::json::object localized(const core::LocalizedText& text) {
  return {{"nl", text.nl}, {"en", text.en}};
}

} // namespace

boost::json::object to_json(const core::coach::Verdict& verdict, std::string_view text) {
  using namespace core::coach;
  boost::json::object checks;
  if (verdict.statement)
    checks["statement"] = to_string(*verdict.statement);
  if (verdict.question_form)
    checks["question_form"] = to_string(*verdict.question_form);
  if (verdict.hidden_advice)
    checks["hidden_advice"] = *verdict.hidden_advice;
  if (verdict.advice_opener)
    checks["advice_opener"] = to_string(*verdict.advice_opener);

  boost::json::array hints;
  for (const Hint& hint : verdict.hints) {
    const std::size_t end = std::min(hint.span.end, text.size());
    const std::size_t begin = std::min(hint.span.begin, end);
    boost::json::object json{
        {"check", to_string(hint.check)},
        {"reason", localized(hint.reason)},
        {"suggestion", localized(hint.suggestion)},
        {"span",
         {{"start", utf16_length(text, begin)},
          {"end", utf16_length(text, end)},
          {"text", text.substr(begin, end - begin)}}},
    };
    if (!hint.triggers.empty())
      json["triggers"] = boost::json::array(hint.triggers.begin(), hint.triggers.end());
    if (hint.rewrite)
      json["rewrite"] = *hint.rewrite;
    hints.push_back(std::move(json));
  }
  return {{"kind", to_string(verdict.kind)},
          {"checks", std::move(checks)},
          {"hints", std::move(hints)}};
}

} // namespace intervisie::server
