// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/method_from_json.hpp"

#include "server/codec/object_reader.hpp"

#include <climits>
#include <utility>
#include <vector>

namespace intervisie::server {
namespace {

// Name tables for the method's enums, built from core's own names.
template <class Enum>
std::vector<std::pair<Enum, std::string_view>> names_of(std::span<const Enum> values) {
  std::vector<std::pair<Enum, std::string_view>> names;
  for (const Enum value : values)
    names.emplace_back(value, core::to_string(value));
  return names;
}

const auto& step_kind_names() {
  static const auto names = names_of(core::all_step_kinds());
  return names;
}
const auto& contributions_names() {
  static const auto names = names_of(std::span<const core::Contributions>(
      std::array{core::Contributions::spoken, core::Contributions::written}));
  return names;
}
const auto& answer_mode_names() {
  static const auto names = names_of(core::all_answer_modes());
  return names;
}

ObjectReader nested(ObjectReader& parent, const boost::json::object& object,
                    const std::string& path) {
  return ObjectReader(object, parent.context(), path + ".", parent.source());
}

core::LocalizedText localized(ObjectReader& parent, std::string_view name) {
  const boost::json::object* object = parent.object(name);
  if (object == nullptr)
    return {};
  ObjectReader reader = nested(parent, *object, parent.path_of(name));
  core::LocalizedText text{reader.text("nl"), reader.text("en")};
  if (auto error = reader.finish())
    parent.fail(std::move(*error));
  return text;
}

std::vector<core::Party> parties(ObjectReader& parent, std::string_view name) {
  std::vector<core::Party> result;
  const boost::json::array* array = parent.array(name);
  if (array == nullptr)
    return result;
  const std::string path = parent.path_of(name);
  for (std::size_t i = 0; i < array->size(); ++i) {
    const boost::json::value& element = (*array)[i];
    const std::string element_path = path + "[" + std::to_string(i) + "]";
    const auto* party_name = element.if_string();
    const auto party = party_name ? core::party_from_string(*party_name) : std::nullopt;
    if (!party) {
      std::string allowed;
      for (const core::Party known : core::all_parties())
        allowed += (allowed.empty() ? "" : ", ") + std::string(core::to_string(known));
      if (party_name == nullptr)
        parent.fail_at(CodecErrorCode::wrong_type, element_path,
                       "must be a string, not " + std::string(json_type_name(element)));
      else
        parent.fail_at(CodecErrorCode::bad_value, element_path,
                       "must be one of " + allowed + ", not " + shown(element));
      return result;
    }
    result.push_back(*party);
  }
  return result;
}

core::Step step_from_json(ObjectReader& reader) {
  core::Step step;
  step.id = reader.text("id");
  reader.integer("number", 1, INT_MAX); // derived: the position; not kept
  step.kind = reader.choice<core::StepKind>("kind", step_kind_names());
  step.title = localized(reader, "title");
  step.rule = localized(reader, "rule");
  step.instruction = localized(reader, "instruction");
  step.minutes = static_cast<int>(reader.integer("minutes", 0, INT_MAX));
  step.preparation_minutes = static_cast<int>(reader.integer("preparation_minutes", 0, INT_MAX));
  step.speakers = parties(reader, "speakers");
  step.listeners = parties(reader, "listeners");
  // Methods stored before contributions were named say nothing: spoken, the default.
  step.contributions = reader.choice<core::Contributions>("contributions", contributions_names(),
                                                          Presence::optional);
  if (reader.failed())
    return step;
  switch (step.kind) {
  case core::StepKind::question_rounds:
    step.answer_mode = reader.choice<core::AnswerMode>("answer_mode", answer_mode_names());
    step.open_questions = reader.boolean("open_questions");
    step.scribe_records = reader.boolean("scribe_records");
    break;
  case core::StepKind::gossip:
    step.presenter_reflects = reader.boolean("presenter_reflects");
    break;
  case core::StepKind::reframe:
    if (const auto* branches = reader.object("branches", Presence::optional)) {
      ObjectReader branch_reader = nested(reader, *branches, reader.path_of("branches"));
      step.branches =
          core::StepBranches{branch_reader.text("on_reframe"), branch_reader.text("on_keep")};
      if (auto error = branch_reader.finish())
        reader.fail(std::move(*error));
    }
    break;
  default:
    break;
  }
  return step;
}

} // namespace

std::expected<core::Method, CodecError> method_from_json(const boost::json::value& json,
                                                         const std::string& path) {
  const auto* object = json.if_object();
  if (object == nullptr)
    return std::unexpected(
        CodecError{CodecErrorCode::wrong_type, path,
                   "\"" + path + "\" must be an object, not " + std::string(json_type_name(json))});
  ObjectReader reader(*object, "method", path + ".", Source::record);
  core::Method method;
  method.id = reader.text("id");
  method.name = localized(reader, "name");
  method.purpose = localized(reader, "purpose");
  method.has_scribe = reader.boolean("has_scribe");
  reader.integer("total_minutes", 0, INT_MAX); // derived from the steps; not kept
  if (const boost::json::array* steps = reader.array("steps")) {
    if (steps->empty())
      reader.fail(CodecErrorCode::bad_value, "steps", "must hold at least one step");
    for (std::size_t i = 0; i < steps->size() && !reader.failed(); ++i) {
      const std::string step_path = reader.path_of("steps") + "[" + std::to_string(i) + "]";
      const auto* step = (*steps)[i].if_object();
      if (step == nullptr) {
        reader.fail_at(CodecErrorCode::wrong_type, step_path,
                       "must be an object, not " + std::string(json_type_name((*steps)[i])));
        break;
      }
      ObjectReader step_reader(*step, "method", step_path + ".", Source::record);
      method.steps.push_back(step_from_json(step_reader));
      if (auto error = step_reader.finish())
        reader.fail(std::move(*error));
    }
  }
  return reader.result(std::move(method));
}

} // namespace intervisie::server
