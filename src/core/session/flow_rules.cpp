// SPDX-License-Identifier: EUPL-1.2
// Moving through the method and keeping time: next step, time, disturbances, pauses.
#include "core/session/decision.hpp"

#include <algorithm>

namespace intervisie::core::rules {
namespace {

// Has the current step done what it is for? A hard rule can never be skipped (there is no
// question round without a statement); a soft rule can, once the facilitator confirms, and
// confirming closes what is still open.
struct StepCompletion {
  std::optional<RefusalCode> hard;
  bool soft_rule_met = true;
  Events closing_events; // what confirming closes
  // What is not done yet, said specifically (issue_not_chosen, rounds_still_open, …).
  std::optional<RefusalCode> missing;
};

StepCompletion completion(const Context& context) {
  const SessionState& state = context.state;
  const StepProgress& progress = state.step;
  StepCompletion result;
  switch (context.step()->kind) {
  case StepKind::inventory:
    if (!state.chosen_candidate) {
      result.hard = RefusalCode::step_not_complete;
      result.missing = RefusalCode::issue_not_chosen;
    }
    break;
  case StepKind::statement:
    if (!state.statement())
      result.hard = RefusalCode::statement_required;
    break;
  case StepKind::question_rounds:
    if (progress.turns.awaiting)
      result.hard = RefusalCode::answer_pending;
    else if (!progress.turns.closed) {
      result.soft_rule_met = false;
      result.missing = RefusalCode::rounds_still_open;
      result.closing_events.push_back(
          context.event(event::RoundsClosed{RoundsClosedReason::facilitator}));
    }
    break;
  case StepKind::gossip:
    if (!progress.gossip_closed) {
      result.soft_rule_met = false;
      result.missing = RefusalCode::gossip_still_open;
      result.closing_events.push_back(context.event(event::GossipClosed{}));
    } else if (context.step()->presenter_reflects && !progress.reflected) {
      result.soft_rule_met = false;
      result.missing = RefusalCode::reflection_missing;
    }
    break;
  case StepKind::reframe:
    if (progress.reframe == ReframeChoice::undecided) {
      result.hard = RefusalCode::step_not_complete;
      result.missing = RefusalCode::reframe_undecided;
    }
    break;
  case StepKind::advice:
  case StepKind::share_advice:
    result.soft_rule_met = progress.turns.closed;
    result.missing = RefusalCode::turns_remaining;
    break;
  case StepKind::written_advice:
    result.soft_rule_met = std::ranges::all_of(state.turn_order(), [&](ParticipantId adviser) {
      return state.find_draft(adviser) != nullptr;
    });
    result.missing = RefusalCode::drafts_missing;
    break;
  case StepKind::presenter_reaction:
    result.soft_rule_met = state.reaction.has_value();
    result.missing = RefusalCode::reaction_missing;
    break;
  case StepKind::presenter_reflection:
    result.soft_rule_met = progress.reflected;
    result.missing = RefusalCode::reflection_missing;
    break;
  case StepKind::closing:
    result.soft_rule_met = std::ranges::all_of(state.participants, [&](const Participant& p) {
      return std::ranges::find(state.closing_remarks, p.id, &ClosingRemark::author) !=
             state.closing_remarks.end();
    });
    result.missing = RefusalCode::closing_remarks_missing;
    break;
  }
  if (!result.missing)
    result.missing = result.hard.value_or(RefusalCode::step_rule_not_met);
  return result;
}

std::size_t following_step(const SessionState& state, const Step& step) {
  if (step.kind == StepKind::reframe && step.branches) {
    const std::string& target = state.step.reframe == ReframeChoice::reframed
                                    ? step.branches->on_reframe
                                    : step.branches->on_keep;
    if (const auto index = state.method->step_index(target))
      return *index;
  }
  return state.step.index + 1;
}

} // namespace

RefusalCode what_is_missing(const Context& context) {
  return completion(context).missing.value_or(RefusalCode::step_rule_not_met);
}

Decision decide(const Context& context, const command::NextStep& command) {
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  StepCompletion done = completion(context);
  if (done.hard)
    return refuse(*done.hard);
  if (!done.soft_rule_met && !command.confirm)
    return refuse(RefusalCode::step_rule_not_met);

  Events events = done.soft_rule_met ? Events{} : std::move(done.closing_events);
  const std::size_t next = following_step(context.state, *context.step());
  if (next >= context.state.method->steps.size())
    events.push_back(context.event(event::SessionFinished{}));
  else
    events.push_back(context.event(event::StepStarted{next}));
  return events;
}

Decision decide(const Context& context, const command::AdjustTime& command) {
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  constexpr int four_hours = 4 * 60 * 60;
  if (command.seconds == 0 || command.seconds > four_hours || command.seconds < -four_hours)
    return refuse(RefusalCode::time_out_of_range);
  const SessionState& state = context.state;
  const std::chrono::seconds change{command.seconds};
  const Duration planned = state.step.timer.planned + change;
  if (planned < Duration::zero() || planned > std::chrono::hours{8})
    return refuse(RefusalCode::time_out_of_range);
  if (state.preparing(context.now) && state.step.preparation->planned + change < Duration::zero())
    return refuse(RefusalCode::time_out_of_range);
  return Events{context.event(event::TimeAdjusted{command.seconds})};
}

Decision decide(const Context& context, const command::RaiseDisturbance& command) {
  if (context.state.disturbance)
    return refuse(RefusalCode::disturbance_open);
  auto text = optional_text(command.text);
  if (!text)
    return std::unexpected(text.error());
  // Without a name, nothing in the event says who: not even the stored history.
  if (command.anonymous)
    return Events{Event{context.now, std::nullopt, event::DisturbanceRaised{std::move(*text)}}};
  return Events{context.event(event::DisturbanceRaised{std::move(*text)})};
}

Decision decide(const Context& context, const command::ResolveDisturbance&) {
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  if (!context.state.disturbance)
    return refuse(RefusalCode::no_disturbance);
  return Events{context.event(event::DisturbanceResolved{})};
}

Decision decide(const Context& context, const command::Pause&) {
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  if (context.state.paused_since)
    return refuse(RefusalCode::already_paused);
  return Events{context.event(event::Paused{})};
}

Decision decide(const Context& context, const command::Resume&) {
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  if (!context.state.paused_since)
    return refuse(RefusalCode::not_paused);
  return Events{context.event(event::Resumed{})};
}

} // namespace intervisie::core::rules
