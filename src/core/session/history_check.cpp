// SPDX-License-Identifier: EUPL-1.2
#include "core/session/history_check.hpp"

#include "core/overloaded.hpp"

#include <algorithm>

namespace intervisie::core {
namespace {

using Fit = std::expected<void, std::string>;

Fit misfit(std::string reason) {
  return std::unexpected(std::move(reason));
}

template <class Tag> std::string named(std::string_view what, Id<Tag> id) {
  return std::string(what) + " " + std::to_string(id.value);
}

// An item of a list that apply() reaches by its id: 1 up to the list's length.
template <class Tag> Fit exists(std::string_view what, Id<Tag> id, std::size_t count) {
  if (id.value == 0 || id.value > count)
    return misfit(named(what, id) + " does not exist");
  return {};
}

// A new item of such a list: exactly the next id.
template <class Tag> Fit next(std::string_view what, Id<Tag> id, std::size_t count) {
  if (id.value != count + 1)
    return misfit(named(what, id) + " is not the next one (" + std::to_string(count + 1) + ")");
  return {};
}

Fit participant(const SessionState& state, ParticipantId id) {
  if (!state.find_participant(id))
    return misfit(named("participant", id) + " is not in the session");
  return {};
}

Fit newcomer(const SessionState& state, ParticipantId id) {
  if (id.value == 0 || state.find_participant(id))
    return misfit(named("participant", id) + " cannot join: the id is taken or 0");
  return {};
}

// The step the state is in is one of its method's (apply reads its timings).
Fit in_a_step(const SessionState& state) {
  if (state.step.index >= state.method->steps.size())
    return misfit("step " + std::to_string(state.step.index) + " is not in the method");
  return {};
}

} // namespace

Fit fits(const SessionState& state, const Event& event) {
  if (!state.method) {
    const auto* created = std::get_if<event::SessionCreated>(&event.body);
    if (!created || !created->method || created->method->steps.empty())
      return misfit("a history starts with session_created and a method with steps");
    return {};
  }
  return std::visit(
      Overloaded{
          [](const event::SessionCreated&) -> Fit {
            return misfit("the session was created already");
          },
          [&](const event::ParticipantJoined& e) { return newcomer(state, e.participant); },
          [&](const event::ParticipantAdded& e) { return newcomer(state, e.participant); },
          [&](const event::StepStarted& e) -> Fit {
            if (e.step >= state.method->steps.size())
              return misfit("step " + std::to_string(e.step) + " is not in the method");
            return {};
          },
          [&](const event::PreparationStarted&) { return in_a_step(state); },
          [&](const event::IssueProposed& e) {
            return next("candidate", e.candidate, state.candidates.size());
          },
          [&](const event::IssueWithdrawn& e) {
            return exists("candidate", e.candidate, state.candidates.size());
          },
          [&](const event::QuestionAsked& e) {
            return next("question", e.question, state.questions.size());
          },
          [&](const event::QuestionAnswered& e) {
            return exists("question", e.question, state.questions.size());
          },
          [&](const event::QuestionDeclined& e) {
            return exists("question", e.question, state.questions.size());
          },
          [&](const event::QuestionRated& e) {
            return exists("question", e.question, state.questions.size());
          },
          [&](const event::KeyPointNoted& e) -> Fit {
            if (e.question.has_value() == e.advice.has_value())
              return misfit("a key point is of one question or one advice");
            return e.question ? exists("question", *e.question, state.questions.size())
                              : exists("advice", *e.advice, state.advice.size());
          },
          [&](const event::ReturnRequested& e) -> Fit {
            if (auto fit = participant(state, e.participant); !fit)
              return fit;
            return next("return request", e.request, state.return_outcomes.size());
          },
          [&](const event::ReturnAdmitted& e) {
            return exists("return request", e.request, state.return_outcomes.size());
          },
          [&](const event::ReturnDeclined& e) {
            return exists("return request", e.request, state.return_outcomes.size());
          },
          [](const auto&) -> Fit { return {}; },
      },
      event.body);
}

} // namespace intervisie::core
