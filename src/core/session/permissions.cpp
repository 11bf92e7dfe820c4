#include "core/session/permissions.hpp"

#include "core/session/engine.hpp"
#include "core/text/typed_text.hpp"

#include <string>
#include <utility>
#include <vector>

namespace intervisie::core {
namespace {

// A text that passes every text rule: one letter.
constexpr std::string_view probe_text = "x";

// What a permission is judged against: the state, the moment, and who is away.
struct Moment {
  const SessionState& state;
  Instant now;
  const Away& away;
};

bool accepted(const Moment& at, ParticipantId actor, CommandBody body) {
  return decide(at.state, Command{actor, std::move(body)}, at.now, at.away).has_value();
}

// The participants and candidates a command could be aimed at.
std::vector<ParticipantId> people(const SessionState& state) {
  std::vector<ParticipantId> ids;
  for (const Participant& p : state.participants)
    ids.push_back(p.id);
  return ids;
}

// A name nobody in the session has, so that adding someone is judged on everything but the name.
std::string unused_name(const SessionState& state) {
  for (int n = 1;; ++n) {
    std::string name = "Nieuw " + std::to_string(n);
    bool taken = false;
    for (const Participant& p : state.participants)
      taken = taken || comparable(p.name) == comparable(name);
    if (!taken)
      return name;
  }
}

// The commands of each kind worth trying: enough to find one that the rules accept, if any.
template <class T> std::vector<CommandBody> probes(const SessionState& state) {
  using namespace command;
  if constexpr (std::is_same_v<T, Join> || std::is_same_v<T, RequestReturn>) {
    return {}; // a device that is not in the session yet, never a participant's command
  } else if constexpr (std::is_same_v<T, AdmitReturn> || std::is_same_v<T, DeclineReturn>) {
    std::vector<CommandBody> all;
    for (const PendingReturn& pending : state.returns)
      all.emplace_back(T{pending.request});
    return all;
  } else if constexpr (std::is_same_v<T, AssignPresenter> || std::is_same_v<T, AssignScribe> ||
                       std::is_same_v<T, HandOverFacilitator>) {
    std::vector<CommandBody> all;
    for (const ParticipantId id : people(state))
      all.emplace_back(T{id});
    return all;
  } else if constexpr (std::is_same_v<T, NextStep>) {
    return {NextStep{true}};
  } else if constexpr (std::is_same_v<T, AdjustTime>) {
    return {AdjustTime{120}};
  } else if constexpr (std::is_same_v<T, WithdrawIssue> || std::is_same_v<T, Vote>) {
    std::vector<CommandBody> all;
    for (const Candidate& c : state.candidates)
      all.emplace_back(T{c.id});
    return all;
  } else if constexpr (std::is_same_v<T, ChooseIssue>) {
    std::vector<CommandBody> all{ChooseIssue{std::nullopt}};
    for (const Candidate& c : state.candidates)
      all.emplace_back(ChooseIssue{c.id});
    return all;
  } else if constexpr (std::is_same_v<T, RateQuestion>) {
    std::vector<CommandBody> all{RateQuestion{std::nullopt, Rating::warm}};
    for (const Question& q : state.questions)
      all.emplace_back(RateQuestion{q.id, Rating::warm});
    return all;
  } else if constexpr (std::is_same_v<T, NoteKeyPoint>) {
    // Only what was said out loud has a key point to note.
    std::vector<CommandBody> all;
    for (const Question& q : state.questions)
      if (q.text.empty())
        all.emplace_back(NoteKeyPoint{q.id, std::nullopt, std::string(probe_text)});
    for (const Advice& a : state.advice)
      if (a.text.empty())
        all.emplace_back(NoteKeyPoint{std::nullopt, a.id, std::string(probe_text)});
    return all;
  } else if constexpr (std::is_same_v<T, SetCoachHints>) {
    return {SetCoachHints{!state.coach_hints}};
  } else if constexpr (std::is_same_v<T, SetContributions>) {
    return {SetContributions{std::nullopt}, SetContributions{Contributions::spoken},
            SetContributions{Contributions::written}};
  } else if constexpr (std::is_same_v<T, AddParticipant>) {
    return {AddParticipant{unused_name(state)}};
  } else if constexpr (std::is_same_v<T, React>) {
    return {React{std::string(probe_text), std::string()}};
  } else if constexpr (requires(T t) { t.text = std::string(); }) {
    T command{};
    command.text = std::string(probe_text);
    return {command};
  } else if constexpr (requires(T t) { t.essence = std::string(); }) {
    T command{};
    command.essence = std::string(probe_text);
    return {command};
  } else {
    return {T{}};
  }
}

// Whether a command of this kind can be made on someone else's behalf.
template <class T> constexpr bool recordable = requires(T t) {
  t.on_behalf_of = ParticipantId{};
};

template <class T>
void judge(const Moment& at, ParticipantId viewer, std::size_t index, Permissions& out) {
  const SessionState& state = at.state;
  for (CommandBody& body : probes<T>(state)) {
    if (accepted(at, viewer, body)) {
      out.own.set(index);
      break;
    }
  }
  if constexpr (recordable<T>) {
    for (const ParticipantId other : people(state)) {
      if (other == viewer)
        continue;
      for (CommandBody& body : probes<T>(state)) {
        std::get<T>(body).on_behalf_of = other;
        if (accepted(at, viewer, body)) {
          out.on_behalf[other].set(index);
          break;
        }
      }
    }
  }
}

template <std::size_t... I>
void judge_all(const Moment& at, ParticipantId viewer, Permissions& out,
               std::index_sequence<I...>) {
  (judge<std::variant_alternative_t<I, CommandBody>>(at, viewer, I, out), ...);
}

} // namespace

Permissions permissions(const SessionState& state, ParticipantId viewer, Instant now,
                        const Away& away) {
  Permissions out;
  if (!state.find_participant(viewer))
    return out;
  judge_all(Moment{state, now, away}, viewer, out,
            std::make_index_sequence<std::variant_size_v<CommandBody>>{});
  return out;
}

StepReadiness step_readiness(const SessionState& state, ParticipantId facilitator, Instant now,
                             const Away& away) {
  const auto plain = decide(state, Command{facilitator, command::NextStep{false}}, now, away);
  if (plain)
    return StepReadiness{true, std::nullopt, false};
  const bool confirmable =
      decide(state, Command{facilitator, command::NextStep{true}}, now, away).has_value();
  return StepReadiness{false, plain.error().code, confirmable};
}

} // namespace intervisie::core
