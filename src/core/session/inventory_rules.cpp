// SPDX-License-Identifier: EUPL-1.2
// Incident step 1: everyone may put an issue on the flip chart; one is chosen, by the
// facilitator or by a vote (one vote each), and its owner becomes the presenter.
#include "core/session/decision.hpp"

#include <algorithm>
#include <map>

namespace intervisie::core::rules {
namespace {

std::optional<RefusalCode> inventory_closed(const Context& context) {
  if (!context.in_step(StepKind::inventory))
    return RefusalCode::wrong_step;
  if (context.state.chosen_candidate)
    return RefusalCode::issue_already_chosen;
  return std::nullopt;
}

// A candidate that exists and is still on the flip chart.
std::expected<const Candidate*, Refusal> open_candidate(const SessionState& state, CandidateId id) {
  if (id.value == 0 || id.value > state.candidates.size())
    return refuse(RefusalCode::unknown_candidate);
  const Candidate& candidate = state.candidates[id.value - 1];
  if (candidate.withdrawn)
    return refuse(RefusalCode::issue_withdrawn);
  return &candidate;
}

// The candidate with the most votes, if one leads on its own.
std::expected<CandidateId, Refusal> vote_winner(const SessionState& state) {
  if (state.votes.empty())
    return refuse(RefusalCode::no_votes);
  std::map<CandidateId, int> counts;
  for (const auto& [voter, candidate] : state.votes)
    ++counts[candidate];
  CandidateId leader;
  int most = 0;
  bool tied = false;
  for (const auto& [candidate, count] : counts) {
    if (count > most) {
      leader = candidate;
      most = count;
      tied = false;
    } else if (count == most) {
      tied = true;
    }
  }
  if (tied)
    return refuse(RefusalCode::vote_tied);
  return leader;
}

} // namespace

Decision decide(const Context& context, const command::ProposeIssue& command) {
  if (const auto closed = inventory_closed(context))
    return refuse(*closed);
  const auto from = contributor(context, command.on_behalf_of);
  if (!from)
    return std::unexpected(from.error());
  auto text = required_text(command.text);
  if (!text)
    return std::unexpected(text.error());
  const CandidateId id{static_cast<std::uint32_t>(context.state.candidates.size() + 1)};
  return Events{
      context.event(event::IssueProposed{id, from->who, std::move(*text), from->recorded_by})};
}

Decision decide(const Context& context, const command::WithdrawIssue& command) {
  if (const auto closed = inventory_closed(context))
    return refuse(*closed);
  const auto candidate = open_candidate(context.state, command.candidate);
  if (!candidate)
    return std::unexpected(candidate.error());
  if ((*candidate)->owner != context.actor)
    return refuse(RefusalCode::not_allowed_for_role);
  return Events{context.event(event::IssueWithdrawn{command.candidate})};
}

Decision decide(const Context& context, const command::Vote& command) {
  if (const auto closed = inventory_closed(context))
    return refuse(*closed);
  const auto candidate = open_candidate(context.state, command.candidate);
  if (!candidate)
    return std::unexpected(candidate.error());
  return Events{context.event(event::VoteCast{context.actor, command.candidate})};
}

Decision decide(const Context& context, const command::ChooseIssue& command) {
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  if (const auto closed = inventory_closed(context))
    return refuse(*closed);
  const SessionState& state = context.state;
  const auto chosen = command.candidate ? CandidateId{*command.candidate} : vote_winner(state);
  if (!chosen)
    return std::unexpected(chosen.error());
  const auto candidate = open_candidate(state, *chosen);
  if (!candidate)
    return std::unexpected(candidate.error());
  const ParticipantId owner = (*candidate)->owner;
  if (owner == state.facilitator)
    return refuse(RefusalCode::facilitator_cannot_present);
  if (state.scribe == owner)
    return refuse(RefusalCode::scribe_cannot_present);
  // Someone must remain to ask the presenter questions.
  const auto possible_advisers =
      std::ranges::count_if(state.participants, [&](const Participant& p) {
        return p.id != owner && (p.id != state.facilitator || state.facilitator_takes_turns);
      });
  if (possible_advisers == 0)
    return refuse(RefusalCode::no_advisers);
  return Events{context.event(event::IssueChosen{*chosen, owner})};
}

} // namespace intervisie::core::rules
