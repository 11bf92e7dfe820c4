// SPDX-License-Identifier: EUPL-1.2
// Drives one session in tests the way the server will: decide, then apply what was decided,
// keeping the whole history so a test can check that the state is its fold.
#pragma once

#include "core/method/method_parser.hpp"
#include "core/session/engine.hpp"
#include "core/session/view.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace intervisie::core {
// Refusal codes print by their wire name in failure messages.
inline void PrintTo(RefusalCode code, std::ostream* out) {
  *out << to_string(code);
}
} // namespace intervisie::core

namespace intervisie::core::testing {

inline std::shared_ptr<const Method> shipped_method(const std::string& id) {
  // Appended piece by piece: g++ 12 misreads `a + "/" + b` here as out of bounds (-Warray-bounds).
  std::string path = INTERVISIE_METHODS_DIR;
  path.append("/").append(id).append(".toml");
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  auto method = parse_method(text.str(), path);
  if (!method) {
    ADD_FAILURE() << method.error().describe();
    return nullptr;
  }
  return std::make_shared<const Method>(std::move(*method));
}

inline Instant at_minute(int minute) {
  return Instant{std::chrono::minutes{60 * 24 * 365 * 56 + minute}};
}

class SessionDriver {
public:
  // The facilitator is "Fenna"; then "Pieter", "Anna", "Bram", "Carla", "Daan", ... join.
  explicit SessionDriver(const std::string& method_id, std::size_t people = 6,
                         bool facilitator_takes_turns = true)
      : SessionDriver(shipped_method(method_id), people, facilitator_takes_turns) {}

  SessionDriver(std::shared_ptr<const Method> method, std::size_t people,
                bool facilitator_takes_turns) {
    auto created = create_session(
        std::move(method), SessionSettings{"Dinsdaggroep", "Fenna", facilitator_takes_turns}, now);
    EXPECT_TRUE(created.has_value());
    if (created)
      record(*created);
    static const char* const names[] = {"Pieter", "Anna", "Bram", "Carla",
                                        "Daan",   "Eva",  "Gijs", "Hanna"};
    for (std::size_t i = 1; i < people; ++i)
      join(names[i - 1]);
  }

  static constexpr ParticipantId fenna{1}; // the facilitator
  static constexpr ParticipantId pieter{2};
  static constexpr ParticipantId anna{3};
  static constexpr ParticipantId bram{4};
  static constexpr ParticipantId carla{5};
  static constexpr ParticipantId daan{6};
  static constexpr ParticipantId eva{7};
  static constexpr ParticipantId gijs{8};

  const SessionState& state() const { return state_; }
  const std::vector<Event>& history() const { return history_; }

  std::expected<Events, Refusal> send(std::optional<ParticipantId> actor, CommandBody body) {
    now += std::chrono::seconds{10};
    auto decided = decide(state_, Command{actor, std::move(body)}, now, away);
    if (decided)
      record(*decided);
    return decided;
  }

  // The command must succeed.
  Events ok(std::optional<ParticipantId> actor, CommandBody body) {
    auto decided = send(actor, std::move(body));
    EXPECT_TRUE(decided.has_value())
        << "refused: " << to_string(decided.error().code) << " at step "
        << (state_.current_step() ? state_.current_step()->id : std::string("-"));
    return decided.value_or(Events{});
  }

  // The command must be refused, and the state must stay exactly as it was.
  RefusalCode refused(std::optional<ParticipantId> actor, CommandBody body) {
    const SessionState before = state_;
    auto decided = send(actor, std::move(body));
    EXPECT_FALSE(decided.has_value()) << "was accepted";
    EXPECT_EQ(state_, before);
    return decided ? RefusalCode{} : decided.error().code;
  }

  ParticipantId join(const std::string& name) {
    const Events events = ok(std::nullopt, command::Join{name});
    return events.empty() ? ParticipantId{} : *events.front().actor;
  }

  // An incident session from the lobby into the question rounds: Fenna starts, Pieter's issue
  // is chosen and he names his statement. Fenna holds the first turn.
  void to_question_rounds() {
    ok(fenna, command::Start{});
    ok(pieter, command::ProposeIssue{"Ik zeg te vaak ja."});
    ok(fenna, command::ChooseIssue{CandidateId{1}});
    next();
    ok(pieter, command::SetStatement{"Ik wil vaker nee zeggen."});
    next();
  }

  // Facilitator moves on, confirming past soft rules.
  void next(bool confirm = false) { ok(state_.facilitator, command::NextStep{confirm}); }

  std::string step_id() const {
    const Step* step = state_.current_step();
    return step ? step->id : std::string{};
  }
  std::optional<ParticipantId> turn() const { return state_.step.turns.holder(); }

  Instant now = at_minute(0);
  Away away; // who has no live connection, as the server would say

private:
  void record(const Events& events) {
    for (const Event& event : events) {
      apply(state_, event);
      history_.push_back(event);
    }
  }

  SessionState state_;
  std::vector<Event> history_;
};

} // namespace intervisie::core::testing
