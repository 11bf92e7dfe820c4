// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/method_json.hpp"

namespace intervisie::server {

namespace {

boost::json::object to_json(const core::LocalizedText& text) {
  return boost::json::object{{"nl", text.nl}, {"en", text.en}};
}

boost::json::array to_json(const std::vector<core::Party>& parties) {
  boost::json::array names;
  for (const core::Party party : parties) {
    names.emplace_back(core::to_string(party));
  }
  return names;
}

boost::json::object to_json(const core::Step& step, std::size_t number) {
  boost::json::object json{
      {"id", step.id},
      {"number", number},
      {"kind", core::to_string(step.kind)},
      {"title", to_json(step.title)},
      {"rule", to_json(step.rule)},
      {"instruction", to_json(step.instruction)},
      {"minutes", step.minutes},
      {"preparation_minutes", step.preparation_minutes},
      {"speakers", to_json(step.speakers)},
      {"listeners", to_json(step.listeners)},
      {"contributions", core::to_string(step.contributions)},
  };
  switch (step.kind) {
  case core::StepKind::question_rounds:
    json["answer_mode"] = core::to_string(step.answer_mode);
    json["open_questions"] = step.open_questions;
    json["scribe_records"] = step.scribe_records;
    break;
  case core::StepKind::gossip:
    json["presenter_reflects"] = step.presenter_reflects;
    break;
  case core::StepKind::reframe:
    if (step.branches) {
      json["branches"] = boost::json::object{{"on_reframe", step.branches->on_reframe},
                                             {"on_keep", step.branches->on_keep}};
    }
    break;
  default:
    break;
  }
  return json;
}

} // namespace

boost::json::value to_json(const core::Method& method) {
  boost::json::array steps;
  for (std::size_t i = 0; i < method.steps.size(); ++i) {
    steps.emplace_back(to_json(method.steps[i], i + 1));
  }
  return boost::json::object{
      {"id", method.id},
      {"name", to_json(method.name)},
      {"purpose", to_json(method.purpose)},
      {"has_scribe", method.has_scribe},
      {"total_minutes", method.total_minutes()},
      {"steps", std::move(steps)},
  };
}

boost::json::value to_json(const core::Catalogue& catalogue) {
  boost::json::array methods;
  for (const core::Method& method : catalogue.methods()) {
    methods.push_back(to_json(method));
  }
  return boost::json::object{{"methods", std::move(methods)}};
}

} // namespace intervisie::server
