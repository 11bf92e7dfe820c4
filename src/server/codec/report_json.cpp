#include "server/codec/report_json.hpp"

#include <boost/json.hpp>

namespace intervisie::server {
namespace {

boost::json::array texts(const std::vector<std::string>& items) {
  return boost::json::array(items.begin(), items.end());
}

} // namespace

boost::json::object record_to_json(const core::PresenterRecord& record, core::Language language) {
  boost::json::array questions;
  for (const auto& question : record.questions) {
    boost::json::value rating = nullptr;
    if (question.rating)
      rating = wire_name(*question.rating);
    questions.push_back(boost::json::object{
        {"text", question.text},
        {"outcome", wire_name(question.outcome)},
        {"rating", rating},
        {"answer_note", question.answer_note.empty() ? boost::json::value(nullptr)
                                                     : boost::json::value(question.answer_note)}});
  }
  boost::json::array advice;
  for (const std::string& text : record.advice)
    advice.push_back(boost::json::object{{"text", text}});
  boost::json::array drafts;
  for (const auto& shared : record.shared_advice)
    drafts.push_back(boost::json::object{{"essence", shared.essence}, {"text", shared.text}});
  boost::json::value reaction = nullptr;
  if (record.reaction)
    reaction = boost::json::object{{"tomorrow", record.reaction->tomorrow},
                                   {"think_over", record.reaction->think_over}};
  boost::json::value finished_at = nullptr;
  if (record.finished_at)
    finished_at = record.finished_at->time_since_epoch().count();
  return boost::json::object{
      {"title", record.title},
      {"method",
       boost::json::object{{"id", record.method_id}, {"name", record.method_name.in(language)}}},
      {"finished_at", finished_at},
      {"statements", texts(record.statements)},
      {"questions", std::move(questions)},
      {"observations", texts(record.observations)},
      {"reflections", texts(record.reflections)},
      {"advice", std::move(advice)},
      {"key_points", texts(record.key_points)},
      {"drafts", std::move(drafts)},
      {"reaction", std::move(reaction)},
      {"private_notes", texts(record.private_notes)},
      {"markdown", core::to_markdown(record, language)}};
}

} // namespace intervisie::server
