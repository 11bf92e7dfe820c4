// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/state_json.hpp"

#include "server/codec/command_json.hpp"
#include "server/codec/wire_names.hpp"

#include <algorithm>

namespace intervisie::server {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

template <class Tag> value id_or_null(std::optional<core::Id<Tag>> id) {
  return id ? value(id->value) : value(nullptr);
}

std::int64_t milliseconds(core::Duration duration) {
  return duration.count();
}
std::int64_t milliseconds(core::Instant instant) {
  return instant.time_since_epoch().count();
}

object localized(const core::LocalizedText& text) {
  return object{{"nl", text.nl}, {"en", text.en}};
}

array roles(const core::SessionState& state, core::ParticipantId id) {
  array names;
  for (const core::Role role : state.roles_of(id))
    names.emplace_back(wire_name(role));
  return names;
}

array ids(const std::vector<core::ParticipantId>& participants) {
  array result;
  for (const core::ParticipantId id : participants)
    result.emplace_back(id.value);
  return result;
}

array parties(const std::vector<core::Party>& list) {
  array names;
  for (const core::Party party : list)
    names.emplace_back(core::to_string(party));
  return names;
}

// The method's outline: enough for a progress bar; the full method is GET /api/methods.
object method_outline(const core::Method& method) {
  array steps;
  for (std::size_t i = 0; i < method.steps.size(); ++i) {
    const core::Step& step = method.steps[i];
    steps.push_back(object{{"index", i},
                           {"id", step.id},
                           {"number", i + 1},
                           {"kind", core::to_string(step.kind)},
                           {"title", localized(step.title)}});
  }
  return object{{"id", method.id},
                {"name", localized(method.name)},
                {"has_scribe", method.has_scribe},
                {"steps", std::move(steps)}};
}

value current_step(const core::SessionState& state) {
  const core::Step* step = state.current_step();
  if (step == nullptr)
    return nullptr;
  const core::StepProgress& progress = state.step;
  object json{{"index", progress.index},
              {"id", step->id},
              {"number", progress.index + 1},
              {"kind", core::to_string(step->kind)},
              {"title", localized(step->title)},
              {"rule", localized(step->rule)},
              {"instruction", localized(step->instruction)},
              {"minutes", step->minutes},
              {"preparation_minutes", step->preparation_minutes},
              // the session's choice where the facilitator made one, else the method's
              {"contributions", core::to_string(state.contributions())},
              {"speakers", parties(step->speakers)},
              {"listeners", parties(step->listeners)}};
  switch (step->kind) {
  case core::StepKind::question_rounds:
    json["answer_mode"] = core::to_string(step->answer_mode);
    json["open_questions"] = step->open_questions;
    json["scribe_records"] = step->scribe_records;
    break;
  case core::StepKind::gossip:
    json["presenter_reflects"] = step->presenter_reflects;
    json["gossip_closed"] = progress.gossip_closed;
    json["reflected"] = progress.reflected;
    break;
  case core::StepKind::reframe:
    json["reframe"] = wire_name(progress.reframe);
    if (step->branches)
      json["branches"] =
          object{{"on_reframe", step->branches->on_reframe}, {"on_keep", step->branches->on_keep}};
    break;
  case core::StepKind::presenter_reflection:
    json["reflected"] = progress.reflected;
    break;
  default:
    break;
  }
  return json;
}

object turn(const core::SessionState& state) {
  const core::Turns& turns = state.step.turns;
  return object{{"order", ids(turns.order)},
                {"holder", id_or_null(turns.holder())},
                {"next", id_or_null(state.next_turn_holder())},
                {"round", turns.round},
                {"awaiting_question", id_or_null(turns.awaiting)},
                {"closed", turns.closed}};
}

value timer(const core::SessionState& state, core::Instant now) {
  // Only a running step has a clock; in the lobby and after the end there is nothing to count.
  if (state.phase != core::Phase::running)
    return nullptr;
  const core::StepProgress& progress = state.step;
  const bool preparing = state.preparing(now);
  return object{
      {"planned_ms", milliseconds(progress.timer.planned)},
      {"left_ms", milliseconds(progress.timer.left(now))},
      {"running", progress.timer.running()},
      {"preparing", preparing},
      {"preparation_left_ms",
       preparing ? value(milliseconds(progress.preparation->left(now))) : value(nullptr)},
      {"preparation_ended", progress.preparation_ended},
  };
}

value disturbance(const std::optional<core::Disturbance>& raised) {
  if (!raised)
    return nullptr;
  return object{{"raised_by", id_or_null(raised->raised_by)},
                {"text", raised->text},
                {"at", milliseconds(raised->at)}};
}

array candidates(const core::SessionState& state) {
  array result;
  for (const core::Candidate& candidate : state.candidates) {
    const auto votes = std::ranges::count_if(
        state.votes, [&](const auto& vote) { return vote.second == candidate.id; });
    result.push_back(object{{"id", candidate.id.value},
                            {"owner", candidate.owner.value},
                            {"text", candidate.text},
                            {"withdrawn", candidate.withdrawn},
                            {"recorded_by", id_or_null(candidate.recorded_by)},
                            {"votes", votes}});
  }
  return result;
}

} // namespace

object question_to_json(const core::Question& question) {
  object json{{"id", question.id.value},
              {"step", question.step},
              {"round", question.round},
              {"asker", question.asker.value},
              {"recorded_by", id_or_null(question.recorded_by)},
              {"text", question.text},
              {"outcome", wire_name(question.outcome)},
              {"rating", question.rating ? value(wire_name(*question.rating)) : value(nullptr)},
              {"rating_recorded_by", id_or_null(question.rating_recorded_by)},
              {"key_point", question.key_point ? value(*question.key_point) : value(nullptr)},
              {"key_point_by", id_or_null(question.key_point_by)}};
  // Only the presenter's own view holds the note.
  if (!question.answer_note.empty())
    json["answer_note"] = question.answer_note;
  return json;
}

object observation_to_json(const core::Observation& observation) {
  return object{{"step", observation.step},
                {"author", observation.author.value},
                {"text", observation.text},
                {"recorded_by", id_or_null(observation.recorded_by)}};
}

object reflection_to_json(const core::Reflection& reflection) {
  return object{{"step", reflection.step}, {"text", reflection.text}};
}

object advice_to_json(const core::Advice& given) {
  return object{{"id", given.id.value},
                {"step", given.step},
                {"adviser", given.adviser.value},
                {"text", given.text},
                {"recorded_by", id_or_null(given.recorded_by)},
                {"key_point", given.key_point ? value(*given.key_point) : value(nullptr)},
                {"key_point_by", id_or_null(given.key_point_by)}};
}

object closing_remark_to_json(const core::ClosingRemark& remark) {
  return object{{"author", remark.author.value},
                {"text", remark.text},
                {"recorded_by", id_or_null(remark.recorded_by)}};
}

object note_to_json(const core::Note& note) {
  return object{{"step", note.step}, {"author", note.author.value}, {"text", note.text}};
}

value method_to_json(const core::SessionState& state) {
  return state.method ? value(method_outline(*state.method)) : value(nullptr);
}

namespace {

array questions(const std::vector<core::Question>& list) {
  array result;
  for (const core::Question& question : list)
    result.push_back(question_to_json(question));
  return result;
}

array texts(const std::vector<std::string>& list) {
  array result;
  for (const std::string& text : list)
    result.emplace_back(text);
  return result;
}

object flip_chart(const core::SessionState& state) {
  array observations;
  for (const core::Observation& observation : state.observations)
    observations.push_back(observation_to_json(observation));
  array reflections;
  for (const core::Reflection& reflection : state.reflections)
    reflections.push_back(reflection_to_json(reflection));
  array advice;
  for (const core::Advice& given : state.advice)
    advice.push_back(advice_to_json(given));
  array drafts;
  for (const core::Draft& draft : state.drafts)
    drafts.push_back(object{{"author", draft.author.value},
                            {"text", draft.text},
                            {"shared", draft.shared},
                            {"essence", draft.essence}});
  array closing_remarks;
  for (const core::ClosingRemark& remark : state.closing_remarks)
    closing_remarks.push_back(closing_remark_to_json(remark));
  array notes;
  for (const core::Note& note : state.notes)
    notes.push_back(note_to_json(note));
  const auto statement = state.statement();
  return object{
      {"candidates", candidates(state)},
      {"notes", std::move(notes)},
      {"chosen", id_or_null(state.chosen_candidate)},
      {"statement", statement ? value(*statement) : value(nullptr)},
      {"statements", texts(state.statements)},
      {"questions", questions(state.questions)},
      {"observations", std::move(observations)},
      {"reflections", std::move(reflections)},
      {"advice", std::move(advice)},
      {"drafts", std::move(drafts)},
      {"reaction", state.reaction ? value(object{{"tomorrow", state.reaction->tomorrow},
                                                 {"think_over", state.reaction->think_over}})
                                  : value(nullptr)},
      {"closing_remarks", std::move(closing_remarks)},
      {"private_notes", texts(state.private_notes)},
  };
}

object floor_of(const core::SessionState& state, core::Instant now) {
  const core::Floor floor = core::floor(state, now);
  return object{{"who", wire_name(floor.who)},
                {"participant", id_or_null(floor.participant)},
                {"doing", wire_name(floor.doing)}};
}

array kind_names(const core::CommandKinds& kinds) {
  const auto names = core::command_kind_names();
  array result;
  for (std::size_t i = 0; i < kinds.size(); ++i)
    if (kinds.test(i))
      result.emplace_back(names[i]);
  return result;
}

void add_abilities(object& json, const ViewerAbilities& abilities) {
  json["may"] = kind_names(abilities.may);
  object on_behalf;
  for (const auto& [someone, kinds] : abilities.may_for)
    on_behalf[std::to_string(someone.value)] = kind_names(kinds);
  json["may_for"] = std::move(on_behalf);
  if (const auto& readiness = abilities.next_step) {
    object next{{"ready", readiness->ready}};
    if (!readiness->ready) {
      next["missing"] =
          readiness->missing ? value(core::to_string(*readiness->missing)) : value(nullptr);
      next["confirm"] = readiness->confirm;
    }
    json["next_step"] = std::move(next);
  }
}

} // namespace

ViewerAbilities abilities_of(const core::SessionState& state, core::ParticipantId viewer,
                             core::Instant now, core::Away away) {
  ViewerAbilities abilities{.may = core::allowed(state, viewer, now, away)};
  for (const core::Participant& someone : state.participants)
    if (someone.id != viewer)
      if (auto kinds = core::allowed_for(state, viewer, someone.id, now, away); kinds.any())
        abilities.may_for.emplace(someone.id, kinds);
  if (viewer == state.facilitator)
    abilities.next_step = core::next_step_readiness(state, now, away);
  return abilities;
}

object shared_view_to_json(const core::SessionState& state, core::Instant now, bool with_method) {
  array participants;
  for (const core::Participant& participant : state.participants)
    participants.push_back(object{{"id", participant.id.value},
                                  {"name", participant.name},
                                  {"device", participant.has_device},
                                  {"roles", roles(state, participant.id)}});
  array warnings;
  if (state.small_group())
    warnings.emplace_back("small_group");
  array visited;
  for (const std::size_t index : state.visited_steps)
    visited.emplace_back(index);
  array returns;
  for (const core::PendingReturn& pending : state.returns)
    returns.push_back(object{{"request", pending.request.value},
                             {"participant", pending.participant.value},
                             {"at", milliseconds(pending.at)}});

  return object{
      {"version", state.version},
      {"phase", wire_name(state.phase)},
      {"finished", state.phase == core::Phase::finished},
      {"finished_at", state.finished_at ? value(milliseconds(*state.finished_at)) : value(nullptr)},
      {"title", state.title},
      {"method", with_method ? method_to_json(state) : value(nullptr)},
      {"step", current_step(state)},
      {"visited_steps", std::move(visited)},
      {"participants", std::move(participants)},
      {"facilitator",
       state.facilitator.value == 0 ? value(nullptr) : value(state.facilitator.value)},
      {"facilitator_takes_turns", state.facilitator_takes_turns},
      {"coach_hints", state.coach_hints},
      {"contributions_override", state.contributions_override
                                     ? value(core::to_string(*state.contributions_override))
                                     : value(nullptr)},
      {"presenter", id_or_null(state.presenter)},
      {"scribe", id_or_null(state.scribe)},
      {"you", nullptr}, // the viewer's own (viewer_to_json), here to keep the fields' order
      {"turn", turn(state)},
      {"timer", timer(state, now)},
      {"disturbance", disturbance(state.disturbance)},
      {"paused", state.paused_since.has_value()},
      {"paused_since",
       state.paused_since ? value(milliseconds(*state.paused_since)) : value(nullptr)},
      {"warnings", std::move(warnings)},
      {"returns", std::move(returns)},
      {"floor", floor_of(state, now)},
      {"flip_chart", flip_chart(state)},
  };
}

object viewer_to_json(const core::SessionState& state, core::ParticipantId viewer,
                      const ViewerAbilities* abilities) {
  const auto own_vote = state.votes.find(viewer);
  object json{
      {"you", object{{"id", viewer.value},
                     {"roles", roles(state, viewer)},
                     {"vote", own_vote == state.votes.end() ? value(nullptr)
                                                            : value(own_vote->second.value)}}}};
  if (abilities)
    add_abilities(json, *abilities);
  return json;
}

void set_viewer_fields(object& shared, object own) {
  // Not a structured binding: that gives the value as const, and the move would be a copy.
  for (auto& field : own)
    shared[field.key()] = std::move(field.value());
}

object state_to_json(const core::SessionState& state, core::ParticipantId viewer, core::Instant now,
                     const ViewerAbilities* abilities) {
  object json = shared_view_to_json(state, now);
  set_viewer_fields(json, viewer_to_json(state, viewer, abilities));
  return json;
}

} // namespace intervisie::server
