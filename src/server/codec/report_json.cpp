// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/report_json.hpp"

#include <boost/json.hpp>

namespace intervisie::server {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

array texts(const std::vector<std::string>& items) {
  return array(items.begin(), items.end());
}

value text_or_null(const std::optional<std::string>& text) {
  return text ? value(*text) : value(nullptr);
}

array contributions(const std::vector<core::PresenterRecord::Contribution>& items) {
  array result;
  for (const auto& item : items)
    result.push_back(object{{"by", item.by}, {"text", item.text}});
  return result;
}

} // namespace

object record_to_json(const core::PresenterRecord& record, core::Language language,
                      std::optional<std::int64_t> kept_until_ms) {
  array questions;
  for (const auto& question : record.questions) {
    value rating = nullptr;
    if (question.rating)
      rating = wire_name(*question.rating);
    questions.push_back(
        object{{"by", question.by},
               {"spoken", question.spoken},
               {"text", question.text},
               {"key_point", text_or_null(question.key_point)},
               {"outcome", wire_name(question.outcome)},
               {"rating", rating},
               {"answer_note",
                question.answer_note.empty() ? value(nullptr) : value(question.answer_note)}});
  }
  array advice;
  for (const auto& given : record.advice)
    advice.push_back(object{{"by", given.by},
                            {"spoken", given.spoken},
                            {"text", given.text},
                            {"key_point", text_or_null(given.key_point)}});
  array drafts;
  for (const auto& shared : record.shared_advice)
    drafts.push_back(object{{"by", shared.by}, {"essence", shared.essence}, {"text", shared.text}});
  value reaction = nullptr;
  if (record.reaction)
    reaction = object{{"tomorrow", record.reaction->tomorrow},
                      {"think_over", record.reaction->think_over}};
  value finished_at = nullptr;
  if (record.finished_at)
    finished_at = record.finished_at->time_since_epoch().count();
  return object{
      {"title", record.title},
      {"method", object{{"id", record.method_id}, {"name", record.method_name.in(language)}}},
      {"finished_at", finished_at},
      {"kept_until", kept_until_ms ? value(*kept_until_ms) : value(nullptr)},
      {"statements", texts(record.statements)},
      {"questions", std::move(questions)},
      {"observations", contributions(record.observations)},
      {"reflections", texts(record.reflections)},
      {"advice", std::move(advice)},
      {"key_points", contributions(record.key_points)},
      {"drafts", std::move(drafts)},
      {"reaction", std::move(reaction)},
      {"private_notes", texts(record.private_notes)},
      {"markdown", core::to_markdown(record, language)}};
}

} // namespace intervisie::server
