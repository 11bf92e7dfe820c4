// SPDX-License-Identifier: EUPL-1.2
// A random session for tests: random people send random commands (mostly ones that fit the
// step, some that make no sense) at random moments, and the engine's invariants are checked
// after every command. random_sessions_test.cpp runs thousands; other layers' tests watch the
// states they go through (RandomSession::watch).
#pragma once

#include "core/session/allowed.hpp"
#include "core/session/floor.hpp"
#include "core/session/history_check.hpp"
#include "core/session/readiness.hpp"
#include "session_driver.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>

namespace intervisie::core::testing {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

inline constexpr std::uint32_t first_seed = 20240001;
inline constexpr std::uint32_t session_count = 3000;
inline constexpr std::size_t max_commands = 500; // per session; most finish well before
inline constexpr std::size_t commands_after_the_end = 4;
// In every this many sessions, `may` is checked against decide() at every moment, for every
// participant: thorough, so not in all of them.
inline constexpr std::uint32_t may_checked_every = 60;

inline std::string describe(const Command& command) {
  std::ostringstream out;
  out << kind_name(command.body) << " by "
      << (command.actor ? std::to_string(command.actor->value) : std::string("nobody"));
  std::visit(
      [&](const auto& body) {
        if constexpr (requires { body.participant.value; })
          out << " for " << body.participant.value;
        if constexpr (requires { body.on_behalf_of; })
          if (body.on_behalf_of)
            out << " on behalf of " << body.on_behalf_of->value;
        if constexpr (requires { body.confirm; })
          out << (body.confirm ? " (confirmed)" : "");
        if constexpr (requires { body.anonymous; })
          out << (body.anonymous ? " (anonymous)" : "");
        if constexpr (requires { body.seconds; })
          out << " " << body.seconds << " s";
        if constexpr (requires { body.question; })
          if (body.question)
            out << " question " << body.question->value;
        if constexpr (requires { body.text; })
          out << " \"" << body.text.substr(0, 40) << (body.text.size() > 40 ? "…" : "") << "\"";
      },
      command.body);
  return out.str();
}

// Two wordings are the same question when case, spacing and punctuation aside they match.
inline std::string normalized(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || std::isalnum(byte))
      out.push_back(static_cast<char>(std::tolower(byte)));
  }
  return out;
}

inline bool is_turn_step(StepKind kind) {
  return kind == StepKind::question_rounds || kind == StepKind::advice ||
         kind == StepKind::share_advice;
}

inline const std::string& too_long_text() {
  static const std::string text(max_text_chars + 1, 'x');
  return text;
}

inline const std::vector<std::string> bad_texts{"",          "   \n",       "\xFF", "Ik wil \xC3",
                                                "Ik\x01wil", "\xED\xA0\x80"};
inline const std::vector<std::string> questions{
    "Wat maakt het lastig?", "wat maakt het  lastig", "Wie is er nog meer bij betrokken?",
    "Hoe reageer je dan?",   "Wanneer begon het?",    "Waarom vind je dat moeilijk?",
    "Wat zou je willen?",    "Is dat vaker gebeurd?"};
inline const std::vector<std::string> sayings{"Het werd stil bij de vraag over thuis.",
                                              "Ik wil leren nee zeggen.",
                                              "zou ik eerst met haar praten.",
                                              "Als ik in jouw schoenen stond, dan zou ik wachten.",
                                              "Morgen bel ik haar.",
                                              "Fijn gedaan.",
                                              "Ik zou een collega meenemen."};

struct Stats {
  std::map<std::string, int> finished; // per method
  std::map<std::string, int> sessions;
  std::set<std::size_t> event_kinds;
  std::set<RefusalCode> refusals;
  std::size_t commands = 0;
  std::size_t accepted = 0;
  int failed_sessions = 0;
  std::map<std::string, int> failures; // what broke, with numbers left out, and how often
};

class RandomSession {
public:
  RandomSession(std::uint32_t seed, std::shared_ptr<const Method> method, Stats& stats,
                bool verbose)
      : seed_(seed), engine_(seed), stats_(stats), verbose_(verbose),
        check_may_(verbose || seed % may_checked_every == 0) {
    static constexpr std::size_t sizes[] = {2, 3, 4, 5, 5, 6, 6, 6, 7, 7, 8, 8, 9};
    target_people_ = sizes[index(std::size(sizes))];
    const bool takes_turns = chance(0.85);
    auto created = create_session(
        std::move(method), SessionSettings{"Sessie " + std::to_string(seed), "Fenna", takes_turns},
        now_);
    if (!created) {
      fail("create_session refused: " + std::string(to_string(created.error().code)));
      return;
    }
    for (const Event& event : *created)
      record(event);
  }

  // Called with the state after every accepted command (with all of its events folded in).
  using Watcher = std::function<void(const SessionState& state, Instant now)>;
  void watch(Watcher watcher) { watcher_ = std::move(watcher); }

  // Runs until the session ends (and a few commands beyond) or the budget is spent.
  void run() {
    if (!state_.method)
      return;
    for (std::size_t n = 0; n < max_commands && !failed_; ++n) {
      step(choose_command());
      if (state_.phase == Phase::finished) {
        for (std::size_t k = 0; k < commands_after_the_end && !failed_; ++k)
          step(wild());
        break;
      }
    }
    const std::string& id = state_.method->id;
    ++stats_.sessions[id];
    if (state_.phase == Phase::finished)
      ++stats_.finished[id];
    if (failed_)
      ++stats_.failed_sessions;
  }

private:
  // --- randomness ------------------------------------------------------------------------------
  bool chance(double p) { return std::bernoulli_distribution(p)(engine_); }
  std::size_t index(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(engine_);
  }
  int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(engine_); }
  template <class T> const T& pick(const std::vector<T>& from) { return from[index(from.size())]; }

  std::string text(const std::vector<std::string>& pool, double bad = 0.04) {
    if (chance(bad))
      return chance(0.2) ? too_long_text() : pick(bad_texts);
    return pick(pool);
  }

  std::vector<ParticipantId> people() const {
    std::vector<ParticipantId> ids;
    for (const Participant& p : state_.participants)
      ids.push_back(p.id);
    return ids;
  }
  ParticipantId someone() { return pick(people()); }
  ParticipantId anyone_at_all() { // sometimes nobody we know
    return chance(0.92) ? someone() : ParticipantId{static_cast<std::uint32_t>(between(0, 12))};
  }
  ParticipantId someone_but(std::optional<ParticipantId> excluded) {
    std::vector<ParticipantId> others = people();
    std::erase_if(others, [&](ParticipantId id) { return excluded == id; });
    return others.empty() ? someone() : pick(others);
  }
  ParticipantId facilitator() const { return state_.facilitator; }
  ParticipantId presenter() { return state_.presenter.value_or(someone()); }
  ParticipantId adviser() {
    const std::vector<ParticipantId> order = state_.turn_order();
    return order.empty() ? someone() : pick(order);
  }
  std::string new_name() {
    static const std::vector<std::string> odd_names{"fenna", "", std::string(61, 'n'), "\xFF"};
    if (chance(0.05))
      return pick(odd_names);
    return "Deelnemer " + std::to_string(++joined_);
  }

  Command by(ParticipantId actor, CommandBody body) { return Command{actor, std::move(body)}; }
  Command by_facilitator(CommandBody body) { return Command{facilitator(), std::move(body)}; }
  Command move_on(double confirm = 0.6) {
    return by_facilitator(command::NextStep{chance(confirm)});
  }

  // A request that is pending, or was, or never was.
  ReturnId return_request() {
    if (!state_.returns.empty() && chance(0.7))
      return state_.returns[index(state_.returns.size())].request;
    return ReturnId{static_cast<std::uint32_t>(
        between(0, static_cast<int>(state_.return_outcomes.size()) + 1))};
  }

  // Someone's phone died and they ask to come back; the facilitator (or, for the facilitator,
  // anyone) decides. Nothing when there is nothing to do.
  std::optional<Command> coming_back() {
    if (!state_.returns.empty() && chance(0.7)) {
      const PendingReturn& asked = state_.returns[index(state_.returns.size())];
      const ParticipantId vouching =
          asked.participant == facilitator() ? someone_but(facilitator()) : facilitator();
      if (chance(0.8))
        return by(vouching, command::AdmitReturn{asked.request});
      return by(vouching, command::DeclineReturn{asked.request});
    }
    if (chance(0.01))
      return Command{std::nullopt, command::RequestReturn{someone(), chance(0.2)}};
    return std::nullopt;
  }

  // --- choosing a command ----------------------------------------------------------------------
  Command choose_command() { return chance(0.78) ? plausible() : wild(); }

  // Any kind of command with arguments that may or may not make sense.
  Command wild() {
    const auto candidate = [&] {
      return CandidateId{
          static_cast<std::uint32_t>(between(0, static_cast<int>(state_.candidates.size()) + 1))};
    };
    const auto question = [&] {
      return QuestionId{
          static_cast<std::uint32_t>(between(0, static_cast<int>(state_.questions.size()) + 1))};
    };
    const auto maybe_someone = [&]() -> std::optional<ParticipantId> {
      if (chance(0.6))
        return std::nullopt;
      return anyone_at_all();
    };
    static const int odd_seconds[] = {0,     1,     -1,     60,      -60,    -3000,
                                      14400, 14401, -14401, INT_MAX, INT_MIN};
    const double bad = 0.4;
    CommandBody body;
    switch (index(std::variant_size_v<CommandBody>)) {
    case 0:
      body = command::Join{new_name()};
      break;
    case 1:
      body = command::AssignPresenter{anyone_at_all()};
      break;
    case 2:
      body = command::AssignScribe{anyone_at_all()};
      break;
    case 3:
      body = command::HandOverFacilitator{anyone_at_all()};
      break;
    case 4:
      body = command::Start{};
      break;
    case 5:
      body = command::NextStep{chance(0.5)};
      break;
    case 6:
      body = command::AdjustTime{odd_seconds[index(std::size(odd_seconds))]};
      break;
    case 7:
      body = command::RaiseDisturbance{text(sayings, bad), chance(0.3)};
      break;
    case 8:
      body = command::ResolveDisturbance{};
      break;
    case 9:
      body = command::Pause{};
      break;
    case 10:
      body = command::Resume{};
      break;
    case 11:
      body = command::ProposeIssue{text(sayings, bad), maybe_someone()};
      break;
    case 12:
      body = command::WithdrawIssue{candidate()};
      break;
    case 13:
      body = command::Vote{candidate()};
      break;
    case 14:
      body = command::ChooseIssue{chance(0.5) ? std::optional{candidate()} : std::nullopt};
      break;
    case 15:
      body = command::SetStatement{text(sayings, bad)};
      break;
    case 16:
      body = command::StartPreparation{};
      break;
    case 17:
      body = command::EndPreparation{};
      break;
    case 18:
      body = command::AskQuestion{text(questions, bad), maybe_someone()};
      break;
    case 19:
      body = command::Pass{maybe_someone()};
      break;
    case 20:
      body = command::AnswerQuestion{text(sayings, bad)};
      break;
    case 21:
      body = command::DeclineQuestion{};
      break;
    case 22:
      body = command::RateQuestion{chance(0.5) ? std::optional{question()} : std::nullopt,
                                   static_cast<Rating>(between(0, 2))};
      break;
    case 23:
      body = command::CloseRounds{};
      break;
    case 24:
      body = command::AddObservation{text(sayings, bad), maybe_someone()};
      break;
    case 25:
      body = command::CloseGossip{};
      break;
    case 26:
      body = command::Reflect{text(sayings, bad)};
      break;
    case 27:
      body = command::Reframe{text(sayings, bad)};
      break;
    case 28:
      body = command::KeepStatement{};
      break;
    case 29:
      body = command::GiveAdvice{text(sayings, bad), maybe_someone()};
      break;
    case 30:
      body = command::WriteDraft{text(sayings, bad)};
      break;
    case 31:
      body = command::ShareAdvice{text(sayings, bad)};
      break;
    case 32:
      body = command::React{text(sayings, bad), text(sayings, bad)};
      break;
    case 33:
      body = command::ClosingRemark{text(sayings, bad), maybe_someone()};
      break;
    case 34:
      body = command::WritePrivateNote{text(sayings, bad)};
      break;
    case 35:
      body = command::SetCoachHints{chance(0.5)};
      break;
    case 36:
      body = command::AddParticipant{new_name()};
      break;
    case 37:
      body = command::AddNote{text(sayings, bad)};
      break;
    case 38:
      body = command::SetContributions{
          chance(0.3)
              ? std::nullopt
              : std::optional{chance(0.5) ? Contributions::spoken : Contributions::written}};
      break;
    case 40:
      body = command::RequestReturn{anyone_at_all(), chance(0.3)};
      break;
    case 41:
      body = command::AdmitReturn{return_request()};
      break;
    case 42:
      body = command::DeclineReturn{return_request()};
      break;
    default: {
      const int target = between(0, 3);
      const auto advice = AdviceId{
          static_cast<std::uint32_t>(between(0, static_cast<int>(state_.advice.size()) + 1))};
      body = command::NoteKeyPoint{target != 1 ? std::optional{question()} : std::nullopt,
                                   target != 0 ? std::optional{advice} : std::nullopt,
                                   chance(0.1) ? std::string(301, 'k') : text(sayings, bad)};
      break;
    }
    }
    if (std::holds_alternative<command::Join>(body) ||
        std::holds_alternative<command::RequestReturn>(body))
      return Command{std::nullopt, std::move(body)};
    const int who = between(0, 19);
    if (who == 0)
      return Command{std::nullopt, std::move(body)};
    if (who < 4)
      return Command{ParticipantId{static_cast<std::uint32_t>(between(0, 12))}, std::move(body)};
    if (who < 8)
      return by_facilitator(std::move(body));
    return by(someone(), std::move(body));
  }

  // A command that fits the moment, most of the time from the right person.
  Command plausible() {
    if (auto returning = coming_back())
      return std::move(*returning);
    if (state_.phase == Phase::lobby)
      return in_lobby();
    if (state_.disturbance && chance(0.8))
      return by_facilitator(command::ResolveDisturbance{});
    if (state_.paused_since && chance(0.8))
      return by_facilitator(command::Resume{});
    const int roll = between(0, 999);
    if (roll < 8)
      return by(someone(), command::RaiseDisturbance{text(sayings), chance(0.3)});
    if (roll < 16)
      return by_facilitator(command::Pause{});
    if (roll < 26)
      return by_facilitator(command::AdjustTime{chance(0.5) ? between(1, 900) : between(-600, -1)});
    if (roll < 30)
      return by_facilitator(command::HandOverFacilitator{someone_but(facilitator())});
    if (roll < 34)
      return Command{std::nullopt, command::Join{new_name()}};
    if (roll < 44)
      return by(presenter(), command::WritePrivateNote{text(sayings)});
    if (roll < 80)
      return move_on(0.5); // moving on early, past whatever is open
    return in_step(*state_.current_step());
  }

  Command in_lobby() {
    const Method& method = *state_.method;
    ++lobby_commands_;
    if ((state_.participants.size() < target_people_ || lobby_commands_ > 40) && chance(0.7))
      return Command{std::nullopt, command::Join{new_name()}};
    if (!method.has_step_kind(StepKind::inventory) && (!state_.presenter || chance(0.05)))
      return by_facilitator(command::AssignPresenter{someone_but(facilitator())});
    if (method.has_scribe && (!state_.scribe || chance(0.05)))
      return by_facilitator(command::AssignScribe{someone_but(state_.presenter)});
    if (chance(0.03))
      return by_facilitator(command::HandOverFacilitator{someone_but(state_.presenter)});
    return by_facilitator(command::Start{});
  }

  Command in_step(const Step& step) {
    const StepProgress& progress = state_.step;
    switch (step.kind) {
    case StepKind::inventory:
      if (state_.candidates.empty() || chance(0.25))
        return by(someone(), command::ProposeIssue{text(sayings)});
      if (state_.chosen_candidate)
        return move_on();
      if (chance(0.35))
        return by(someone(), command::Vote{CandidateId{static_cast<std::uint32_t>(
                                 between(1, static_cast<int>(state_.candidates.size())))}});
      if (chance(0.05)) {
        const Candidate& candidate = pick(state_.candidates);
        return by(candidate.owner, command::WithdrawIssue{candidate.id});
      }
      if (chance(0.5))
        return by_facilitator(command::ChooseIssue{});
      return by_facilitator(command::ChooseIssue{pick(state_.candidates).id});
    case StepKind::statement:
      if (!state_.statement() || chance(0.1))
        return by(presenter(), command::SetStatement{text(sayings)});
      if (state_.preparing(now_) && chance(0.3))
        return by_facilitator(command::EndPreparation{});
      if (!state_.preparing(now_) && chance(0.3))
        return by(chance(0.5) ? presenter() : facilitator(), command::StartPreparation{});
      return move_on();
    case StepKind::question_rounds:
      return in_question_rounds(step);
    case StepKind::gossip:
      if (!progress.gossip_closed) {
        if (chance(0.6))
          return by(chance(0.95) ? someone_but(state_.presenter) : presenter(),
                    command::AddObservation{text(sayings)});
        return chance(0.7) ? by_facilitator(command::CloseGossip{}) : move_on();
      }
      if (step.presenter_reflects && !progress.reflected && chance(0.9))
        return by(presenter(), command::Reflect{text(sayings)});
      return move_on();
    case StepKind::reframe:
      if (progress.reframe == ReframeChoice::undecided || chance(0.1))
        return by(presenter(), chance(0.5) ? CommandBody{command::Reframe{text(sayings)}}
                                           : CommandBody{command::KeepStatement{}});
      return move_on();
    case StepKind::advice:
      if (state_.preparing(now_) && chance(0.5))
        return by_facilitator(command::EndPreparation{});
      if (chance(0.05))
        if (const Command noted = key_point();
            !std::holds_alternative<command::NextStep>(noted.body))
          return noted;
      if (const auto holder = progress.turns.holder()) {
        if (away_.contains(*holder) && chance(0.6))
          return by_facilitator(command::GiveAdvice{text(sayings), *holder});
        if (chance(0.15))
          return by(*holder, command::Pass{});
        return by(*holder, command::GiveAdvice{text(sayings)});
      }
      return move_on();
    case StepKind::written_advice: {
      std::vector<ParticipantId> missing = state_.turn_order();
      std::erase_if(missing, [&](ParticipantId id) { return state_.find_draft(id) != nullptr; });
      if (!missing.empty() && chance(0.85))
        return by(pick(missing), command::WriteDraft{text(sayings)});
      if (chance(0.2))
        return by(adviser(), command::WriteDraft{text(sayings)});
      return move_on();
    }
    case StepKind::share_advice:
      if (const auto holder = progress.turns.holder()) {
        if (chance(0.1))
          return by(*holder, command::WriteDraft{text(sayings)});
        if (chance(0.1))
          return by(*holder, command::Pass{});
        return by(*holder, command::ShareAdvice{chance(0.3) ? std::string{} : text(sayings)});
      }
      return move_on();
    case StepKind::presenter_reaction:
      if (!state_.reaction || chance(0.1))
        return by(presenter(), command::React{text(sayings), chance(0.5) ? text(sayings) : ""});
      return move_on();
    case StepKind::presenter_reflection:
      if (!progress.reflected || chance(0.1))
        return by(presenter(), command::Reflect{text(sayings)});
      return move_on();
    case StepKind::closing: {
      std::vector<ParticipantId> missing = people();
      std::erase_if(missing, [&](ParticipantId id) {
        return std::ranges::find(state_.closing_remarks, id, &ClosingRemark::author) !=
               state_.closing_remarks.end();
      });
      if (!missing.empty() && chance(0.9))
        return by(pick(missing), command::ClosingRemark{text(sayings)});
      return move_on();
    }
    }
    return move_on();
  }

  // A key point for something said out loud, by its speaker or someone who may note it.
  Command key_point() {
    std::vector<command::NoteKeyPoint> open;
    for (const Question& question : state_.questions)
      if (question.text.empty() && !question.key_point)
        open.push_back({question.id, std::nullopt, text(sayings)});
    for (const Advice& advice : state_.advice)
      if (advice.text.empty() && !advice.key_point)
        open.push_back({std::nullopt, advice.id, text(sayings)});
    if (open.empty())
      return move_on();
    const command::NoteKeyPoint& chosen = open[index(open.size())];
    const ParticipantId speaker = chosen.question ? state_.find_question(*chosen.question)->asker
                                                  : state_.find_advice(*chosen.advice)->adviser;
    const ParticipantId writer = chance(0.5) ? speaker : chance(0.5) ? facilitator() : presenter();
    return by(writer, chosen);
  }

  Command in_question_rounds(const Step& step) {
    const Turns& turns = state_.step.turns;
    if (turns.awaiting) {
      if (chance(0.1))
        return by(presenter(), command::DeclineQuestion{});
      if (step.answer_mode == AnswerMode::answer)
        return by(chance(0.9) ? presenter() : facilitator(),
                  command::AnswerQuestion{chance(0.5) ? text(sayings) : ""});
      const ParticipantId rater = state_.scribe && chance(0.4) ? *state_.scribe : presenter();
      return by(rater, command::RateQuestion{std::nullopt, static_cast<Rating>(between(0, 2))});
    }
    if (turns.closed)
      return move_on();
    if (chance(0.03))
      return by_facilitator(command::CloseRounds{});
    if (!state_.questions.empty() && step.answer_mode == AnswerMode::rate && chance(0.03))
      return by(presenter(), command::RateQuestion{pick(state_.questions).id, Rating::cold});
    const auto holder = turns.holder();
    if (!holder)
      return move_on();
    ParticipantId actor = *holder;
    std::optional<ParticipantId> on_behalf_of;
    if (state_.scribe && step.scribe_records && chance(0.3)) {
      actor = *state_.scribe;
      on_behalf_of = *holder;
    } else if (away_.contains(*holder) && chance(0.6)) {
      actor = facilitator(); // Anna's phone is flat: the facilitator acts for her
      on_behalf_of = *holder;
    }
    if (chance(0.05))
      if (const Command noted = key_point(); !std::holds_alternative<command::NextStep>(noted.body))
        return noted;
    const double pass = std::min(0.9, 0.2 + 0.15 * turns.round);
    if (chance(pass))
      return by(actor, command::Pass{on_behalf_of});
    // Out loud now and then: the text stays empty, and someone may note the key point.
    const bool out_loud = state_.contributions() == Contributions::spoken && chance(0.3);
    return by(actor,
              command::AskQuestion{out_loud ? std::string{} : text(questions), on_behalf_of});
  }

  // --- one step and its checks -----------------------------------------------------------------
  void advance_time() {
    const int roll = between(0, 99);
    if (roll < 10)
      return;
    if (roll < 90)
      now_ += seconds{between(1, 60)};
    else if (roll < 99)
      now_ += minutes{between(1, 10)};
    else
      now_ += hours{between(1, 3)};
  }

  // Phones go flat and come back: who is away changes now and then.
  void change_who_is_away() {
    if (state_.participants.empty() || !chance(0.05))
      return;
    const ParticipantId person = someone();
    if (away_.contains(person))
      away_.remove(person);
    else
      away_.add(person);
  }

  void step(const Command& command) {
    advance_time();
    change_who_is_away();
    last_command_ = describe(command);
    ++stats_.commands;
    ++commands_;
    const SessionState before = state_;
    const auto decided = decide(state_, command, now_, away_);
    if (verbose_)
      std::cout << "#" << history_.size() << " " << last_command_ << " -> "
                << (decided ? "ok" : std::string(to_string(decided.error().code))) << "\n";
    if (!(state_ == before))
      return fail("decide changed the state");
    if (!decided) {
      stats_.refusals.insert(decided.error().code);
      if (before.phase == Phase::finished && decided.error().code != RefusalCode::session_finished)
        return fail("a finished session refused with " +
                    std::string(to_string(decided.error().code)));
      return check_state();
    }
    ++stats_.accepted;
    check_decision(before, command, *decided);
    if (failed_)
      return;
    for (const Event& event : *decided) {
      check_event_views(event);
      record(event);
    }
    check_state();
    if (watcher_ && !failed_)
      watcher_(state_, now_);
  }

  void record(const Event& event) {
    stats_.event_kinds.insert(event.body.index());
    // A restore refuses a stored event that does not fit its history (history_check.hpp): every
    // event the engine makes must fit, or a session could not come back after a restart.
    if (auto fit = fits(state_, event); !fit)
      fail("an event the engine made does not fit its history: " + fit.error());
    apply(state_, event);
    history_.push_back(event);
  }

  void check_decision(const SessionState& before, const Command& command, const Events& events) {
    if (events.empty())
      return fail("accepted without events");
    if (before.phase == Phase::finished)
      return fail("an event after the session finished");
    const bool join = std::holds_alternative<command::Join>(command.body);
    // A late arrival may be added by name while the group waits, as they may join.
    const bool arrival = join || std::holds_alternative<command::AddParticipant>(command.body) ||
                         std::holds_alternative<command::RequestReturn>(command.body) ||
                         std::holds_alternative<command::AdmitReturn>(command.body) ||
                         std::holds_alternative<command::DeclineReturn>(command.body);
    if (before.disturbance && !arrival &&
        !std::holds_alternative<command::ResolveDisturbance>(command.body))
      return fail("accepted while a disturbance was open");
    if (before.paused_since && !before.disturbance && !arrival &&
        !std::holds_alternative<command::Resume>(command.body) &&
        !std::holds_alternative<command::RaiseDisturbance>(command.body))
      return fail("accepted while paused");
    const std::optional<ParticipantId> holder = before.step.turns.holder();
    for (const Event& event : events) {
      if (std::holds_alternative<event::SessionFinished>(event.body) &&
          !(std::holds_alternative<command::NextStep>(command.body) &&
            before.step.index + 1 == before.method->steps.size()))
        return fail("the session ended other than by moving on from its last step");
      if (const auto* asked = std::get_if<event::QuestionAsked>(&event.body)) {
        if (asked->asker != holder)
          return fail("a question from someone who did not hold the turn");
        for (const Question& earlier : before.questions) {
          // Said out loud (no text), a question has no wording to compare.
          if (earlier.asker == asked->asker && earlier.outcome == QuestionOutcome::declined &&
              !asked->text.empty() && normalized(earlier.text) == normalized(asked->text))
            return fail("a declined question was asked again by the same adviser");
          if (earlier.asker == asked->asker && earlier.step == before.step.index &&
              earlier.round == before.step.turns.round)
            return fail("a follow-up question in the same round");
        }
      }
      if (const auto* passed = std::get_if<event::TurnPassed>(&event.body);
          passed && passed->participant != holder)
        return fail("a pass from someone who did not hold the turn");
      if (const auto* raise = std::get_if<command::RaiseDisturbance>(&command.body);
          raise && std::holds_alternative<event::DisturbanceRaised>(event.body) &&
          raise->anonymous == event.actor.has_value())
        return fail(raise->anonymous ? "a disturbance raised without a name names its raiser"
                                     : "a disturbance lost the name of who raised it");
      if (const auto* advice = std::get_if<event::AdviceGiven>(&event.body)) {
        if (advice->adviser != holder)
          return fail("advice from someone who did not hold the turn");
        // Written advice starts with the opener; advice given out loud has no text at all.
        if (!advice->text.empty() &&
            !normalized(advice->text).starts_with(normalized(advice_opener_nl)))
          return fail("advice without the opener: " + advice->text);
      }
      if (const auto* shared = std::get_if<event::AdviceShared>(&event.body);
          shared && shared->adviser != holder)
        return fail("advice shared by someone who did not hold the turn");
      if (const auto* observation = std::get_if<event::ObservationAdded>(&event.body);
          observation && observation->author == before.presenter)
        return fail("the presenter joined the gossip");
      // A key point for someone else's spoken words: the facilitator, the scribe or the
      // presenter, and only for what has no words of its own.
      if (const auto* noted = std::get_if<event::KeyPointNoted>(&event.body)) {
        if (noted->recorded_by && *noted->recorded_by != before.facilitator &&
            noted->recorded_by != before.scribe && noted->recorded_by != before.presenter)
          return fail("a key point noted for someone by who may not");
        continue;
      }
      // Typing for someone else: only the facilitator or the scribe, only for someone without
      // a device of their own (the Fresh Questioning scribe's flip chart aside).
      std::optional<ParticipantId> recorder;
      std::optional<ParticipantId> speaker;
      std::visit(
          [&](const auto& body) {
            if constexpr (requires { body.recorded_by; })
              recorder = body.recorded_by;
          },
          event.body);
      if (recorder) {
        if (*recorder != before.facilitator && *recorder != before.scribe)
          return fail("recorded by someone who is neither facilitator nor scribe");
        std::visit(
            [&](const auto& body) {
              if constexpr (requires { body.asker; })
                speaker = body.asker;
              else if constexpr (requires { body.author; })
                speaker = body.author;
              else if constexpr (requires { body.adviser; })
                speaker = body.adviser;
              else if constexpr (requires { body.owner; })
                speaker = body.owner;
              else if constexpr (requires { body.participant; })
                speaker = body.participant;
            },
            event.body);
        const Participant* person = speaker ? before.find_participant(*speaker) : nullptr;
        const bool flip_chart = *recorder == before.scribe && before.current_step() &&
                                before.current_step()->scribe_records;
        // The facilitator acts for someone away from their phone, but never in their draft.
        const bool private_to_them = std::holds_alternative<event::DraftWritten>(event.body) ||
                                     std::holds_alternative<event::AdviceShared>(event.body);
        const bool for_someone_away = person && *recorder == before.facilitator &&
                                      away_.contains(person->id) && !private_to_them;
        if (person && person->has_device && !flip_chart && !for_someone_away &&
            !std::holds_alternative<event::QuestionRated>(event.body))
          return fail("recorded for someone with a device of their own");
      }
    }
  }

  // Each event as each participant receives it (against the state just before it).
  void check_event_views(const Event& event) {
    for (const Participant& p : state_.participants) {
      const std::optional<Event> seen = view(event, state_, p.id);
      if (const auto* draft = std::get_if<event::DraftWritten>(&event.body);
          draft && seen && !sees_private_of(state_, p.id, draft->author))
        return fail("participant " + std::to_string(p.id.value) + " received another's draft");
      const bool presenter_side = sees_private_of(state_, p.id, state_.presenter);
      if (std::holds_alternative<event::PrivateNoteWritten>(event.body) && !presenter_side && seen)
        return fail("participant " + std::to_string(p.id.value) + " received a private note");
      if (std::holds_alternative<event::QuestionAnswered>(event.body) && !presenter_side &&
          (!seen || !std::get<event::QuestionAnswered>(seen->body).note.empty()))
        return fail("participant " + std::to_string(p.id.value) +
                    " received an answer wrongly (missing, or with the presenter's note)");
    }
  }

  void check_state() {
    if (failed_)
      return;
    const SessionState& s = state_;
    if (s.version != history_.size())
      return fail("version " + std::to_string(s.version) + " but " +
                  std::to_string(history_.size()) + " events");
    if (s.participants.size() > max_participants)
      return fail("more than eight participants");
    if (!s.find_participant(s.facilitator))
      return fail("the facilitator is not one of the participants");
    if (s.presenter && *s.presenter == s.facilitator)
      return fail("the presenter facilitates");
    if (s.presenter && s.scribe == s.presenter)
      return fail("the presenter is the scribe");
    if (s.phase == Phase::finished && s.current_step())
      return fail("a finished session still has a current step");
    check_turns();
    if (failed_)
      return;
    for (const Question& question : s.questions)
      if (question.key_point && (!question.text.empty() || question.key_point->empty() ||
                                 question.key_point->find('\n') != std::string::npos))
        return fail("a key point on a written question, or not one line");
    std::set<ParticipantId> asking;
    for (const PendingReturn& asked : s.returns)
      if (!asking.insert(asked.participant).second || !s.find_participant(asked.participant) ||
          asked.request.value > s.return_outcomes.size() ||
          s.return_outcomes[asked.request.value - 1] != ReturnOutcome::waiting)
        return fail("a return request that is not one waiting request per place");
    for (std::size_t i = 0; i < s.advice.size(); ++i)
      if (s.advice[i].id.value != i + 1 || (s.advice[i].key_point && !s.advice[i].text.empty()))
        return fail("advice out of number, or a key point on written advice");
    if (s.phase == Phase::running && (s.paused_since || s.disturbance) && s.step.timer.running())
      return fail("the timer runs during a pause or disturbance");
    if (!(replay(history_) == s))
      return fail("the state is not the fold of its events");
    if (const SessionState wall = view(s, ParticipantId{0});
        wall.disturbance && wall.disturbance->raised_by)
      return fail("the shared screen sees who raised the disturbance");
    for (const Participant& p : s.participants) {
      const SessionState seen = view(s, p.id);
      for (const Draft& draft : seen.drafts)
        if (!draft.shared && !sees_private_of(s, p.id, draft.author))
          return fail("participant " + std::to_string(p.id.value) + " sees an unshared draft of " +
                      std::to_string(draft.author.value));
      if (!sees_private_of(s, p.id, s.presenter)) {
        if (!seen.private_notes.empty())
          return fail("participant " + std::to_string(p.id.value) + " sees private notes");
        for (const Question& question : seen.questions)
          if (!question.answer_note.empty())
            return fail("participant " + std::to_string(p.id.value) + " sees an answer note");
      }
    }
    check_nothing_is_stuck();
    check_the_floor();
    if (check_may_)
      check_may();
  }

  // Every command of every kind, with every target there is (and some that are not), for the
  // property below: a kind is allowed iff one of them is accepted.
  std::vector<CommandBody> every_probe() const {
    std::vector<CommandBody> probes;
    std::vector<ParticipantId> people{ParticipantId{0}, ParticipantId{99}};
    for (const Participant& p : state_.participants)
      people.push_back(p.id);
    const auto upto = [](std::size_t n) {
      std::vector<std::uint32_t> numbers;
      for (std::uint32_t i = 0; i <= n + 1; ++i)
        numbers.push_back(i);
      return numbers;
    };
    for (const std::string text : {"x", "Een andere tekst, langer dan de eerste."}) {
      probes.insert(probes.end(),
                    {command::RaiseDisturbance{text, false}, command::RaiseDisturbance{text, true},
                     command::ProposeIssue{text, std::nullopt}, command::SetStatement{text},
                     command::AskQuestion{text, std::nullopt}, command::AnswerQuestion{text},
                     command::AddObservation{text, std::nullopt}, command::Reflect{text},
                     command::Reframe{text}, command::GiveAdvice{text, std::nullopt},
                     command::WriteDraft{text, std::nullopt},
                     command::ShareAdvice{text, std::nullopt}, command::React{text, text},
                     command::ClosingRemark{text, std::nullopt}, command::WritePrivateNote{text},
                     command::AddParticipant{text}, command::AddNote{text}});
      for (const std::uint32_t q : upto(state_.questions.size()))
        probes.push_back(command::NoteKeyPoint{QuestionId{q}, std::nullopt, text});
      for (const std::uint32_t a : upto(state_.advice.size()))
        probes.push_back(command::NoteKeyPoint{std::nullopt, AdviceId{a}, text});
    }
    for (const ParticipantId id : people)
      probes.insert(probes.end(), {command::AssignPresenter{id}, command::AssignScribe{id},
                                   command::HandOverFacilitator{id}});
    for (const std::uint32_t c : upto(state_.candidates.size()))
      probes.insert(probes.end(),
                    {command::WithdrawIssue{CandidateId{c}}, command::Vote{CandidateId{c}},
                     command::ChooseIssue{CandidateId{c}}});
    for (const std::uint32_t q : upto(state_.questions.size()))
      probes.push_back(command::RateQuestion{QuestionId{q}, Rating::cold});
    for (const std::uint32_t r : upto(state_.return_outcomes.size()))
      probes.insert(probes.end(),
                    {command::AdmitReturn{ReturnId{r}}, command::DeclineReturn{ReturnId{r}}});
    for (const int change : {1, -1, 60, -60, 600, -600, 3600, -3600})
      probes.push_back(command::AdjustTime{change});
    probes.insert(probes.end(), {command::Start{},
                                 command::NextStep{false},
                                 command::NextStep{true},
                                 command::ResolveDisturbance{},
                                 command::Pause{},
                                 command::Resume{},
                                 command::ChooseIssue{},
                                 command::StartPreparation{},
                                 command::EndPreparation{},
                                 command::Pass{},
                                 command::DeclineQuestion{},
                                 command::RateQuestion{std::nullopt, Rating::warm},
                                 command::CloseRounds{},
                                 command::CloseGossip{},
                                 command::KeepStatement{},
                                 command::SetCoachHints{true},
                                 command::SetCoachHints{false},
                                 command::SetContributions{std::nullopt},
                                 command::SetContributions{Contributions::spoken},
                                 command::SetContributions{Contributions::written}});
    return probes;
  }

  std::vector<CommandBody> every_probe_for(ParticipantId someone) const {
    std::vector<CommandBody> probes{command::Pass{someone}};
    for (const std::string text : {"x", "Een andere tekst, langer dan de eerste."})
      probes.insert(probes.end(),
                    {command::ProposeIssue{text, someone}, command::AskQuestion{text, someone},
                     command::AddObservation{text, someone}, command::GiveAdvice{text, someone},
                     command::WriteDraft{text, someone}, command::ShareAdvice{text, someone},
                     command::ClosingRemark{text, someone}});
    return probes;
  }

  CommandKinds accepted_kinds(ParticipantId viewer, const std::vector<CommandBody>& probes) {
    CommandKinds kinds;
    for (const CommandBody& body : probes)
      if (!kinds.test(body.index()) && accepts(decide(state_, Command{viewer, body}, now_, away_)))
        kinds.set(body.index());
    return kinds;
  }

  std::string differences(const CommandKinds& told, const CommandKinds& decided) const {
    std::string out;
    for (std::size_t kind = 0; kind < told.size(); ++kind)
      if (told.test(kind) != decided.test(kind))
        out += std::string(command_kind_names()[kind]) +
               (told.test(kind) ? " (told, refused) " : " (accepted, not told) ");
    return out;
  }

  // `may` says exactly what decide() accepts: a kind is in it iff some command of that kind
  // from the viewer is accepted (or refused only for its text); the same on someone's behalf.
  // Join and request_return come over HTTP and are never in it.
  void check_may() {
    const std::vector<CommandBody> probes = every_probe();
    for (const Participant& viewer : state_.participants) {
      const CommandKinds told = allowed(state_, viewer.id, now_, away_);
      const CommandKinds decided = accepted_kinds(viewer.id, probes);
      if (told != decided)
        return fail("may disagrees with decide for participant " + std::to_string(viewer.id.value) +
                    ": " + differences(told, decided));
      for (const Participant& someone : state_.participants) {
        if (someone.id == viewer.id)
          continue;
        const CommandKinds told_for = allowed_for(state_, viewer.id, someone.id, now_, away_);
        const CommandKinds decided_for = accepted_kinds(viewer.id, every_probe_for(someone.id));
        if (told_for != decided_for)
          return fail("may_for disagrees with decide for participant " +
                      std::to_string(viewer.id.value) + " on behalf of " +
                      std::to_string(someone.id.value) + ": " + differences(told_for, decided_for));
      }
    }
    if (allowed(state_, ParticipantId{0}, now_, away_).any())
      return fail("the shared screen may do something");
    const NextStepReadiness ready = next_step_readiness(state_, now_, away_);
    const bool moves_on =
        decide(state_, Command{state_.facilitator, command::NextStep{false}}, now_, away_)
            .has_value();
    const bool moves_on_confirmed =
        decide(state_, Command{state_.facilitator, command::NextStep{true}}, now_, away_)
            .has_value();
    if (ready.ready != moves_on || (!ready.ready && ready.confirm != moves_on_confirmed) ||
        ready.ready == ready.missing.has_value())
      return fail("next_step readiness disagrees with decide");
  }

  // Who has the word is one person only when that person may act now.
  void check_the_floor() {
    const Floor now = floor(state_, now_);
    if (now.who == FloorHolder::participant && now.participant != state_.step.turns.holder())
      return fail("the floor names someone who does not hold the turn");
    if (now.who == FloorHolder::presenter && now.participant != state_.presenter)
      return fail("the floor names a presenter who is not the presenter");
    if ((now.doing == Activity::finished) != (state_.phase == Phase::finished))
      return fail("the floor says finished when the session is not, or the other way round");
    if (state_.phase == Phase::running && !state_.disturbance && !state_.paused_since &&
        state_.preparing(now_) && now.doing != Activity::preparing)
      return fail("a time to think runs, yet the floor says someone speaks");
  }

  void check_turns() {
    const Turns& turns = state_.step.turns;
    const std::optional<ParticipantId> holder = turns.holder();
    const Step* step = state_.current_step();
    std::set<ParticipantId> seen;
    for (ParticipantId id : turns.order) {
      if (!seen.insert(id).second)
        return fail("participant " + std::to_string(id.value) + " twice in the turn order");
      if (id == state_.presenter && step && is_turn_step(step->kind))
        return fail("the presenter is in the turn order");
    }
    if (!holder)
      return;
    if (!step || !is_turn_step(step->kind))
      return fail("a turn holder outside a step that goes in turn");
    if (std::ranges::find(turns.order, *holder) == turns.order.end())
      return fail("the turn holder is not in the order");
    if (!state_.is_adviser(*holder))
      return fail("the turn holder, participant " + std::to_string(holder->value) +
                  ", is no adviser and cannot take the turn");
    if (turns.awaiting) {
      const Question* question = state_.find_question(*turns.awaiting);
      if (!question || question->outcome != QuestionOutcome::pending || question->asker != holder)
        return fail("the question on the table is not the turn holder's pending question");
    }
  }

  // A disturbance can always be resolved, and a pause always resumed.
  void check_nothing_is_stuck() {
    if (state_.phase == Phase::finished)
      return;
    if (state_.disturbance) {
      const auto resolved =
          decide(state_, Command{state_.facilitator, command::ResolveDisturbance{}}, now_, away_);
      if (!resolved)
        return fail("the facilitator cannot resolve the open disturbance: " +
                    std::string(to_string(resolved.error().code)));
    } else if (state_.paused_since) {
      const auto resumed =
          decide(state_, Command{state_.facilitator, command::Resume{}}, now_, away_);
      if (!resumed)
        return fail("the facilitator cannot resume the pause: " +
                    std::string(to_string(resumed.error().code)));
    }
  }

  void fail(const std::string& what) {
    if (failed_)
      return;
    failed_ = true;
    std::string kind = what.substr(0, what.find(": "));
    std::ranges::replace_if(
        kind, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }, '#');
    ++stats_.failures[kind];
    if (stats_.failed_sessions < 10)
      ADD_FAILURE() << "seed " << seed_ << " (" << (state_.method ? state_.method->id : "-")
                    << "), command #" << commands_ << " in session, event " << history_.size()
                    << ", step " << (state_.current_step() ? state_.current_step()->id : "-")
                    << ": after " << last_command_ << ": " << what
                    << "\n  reproduce: INTERVISIE_RANDOM_SEED=" << seed_
                    << " core_tests --gtest_filter='RandomSessions.*'";
  }

  std::uint32_t seed_;
  std::mt19937 engine_;
  Stats& stats_;
  bool verbose_;
  std::size_t target_people_ = 6;
  std::size_t lobby_commands_ = 0;
  int joined_ = 0;
  std::size_t commands_ = 0;
  Instant now_ = at_minute(0);
  Away away_;
  SessionState state_;
  std::vector<Event> history_;
  std::string last_command_ = "create_session";
  bool failed_ = false;
  bool check_may_ = false;
  Watcher watcher_;
};

} // namespace intervisie::core::testing
