// SPDX-License-Identifier: EUPL-1.2
// The session engine's speed. A full incident session (six people, an inventory with votes,
// three question rounds, a reframe and new rounds, advice, closing) is recorded once as a list
// of commands; the benchmarks replay it: decide+apply of every command from a fresh session,
// the fold of its events, and the views each participant gets.
// Budget (DESIGN.md): at least 1,000,000 commands applied per second on one core.
#include "core/method/method_parser.hpp"
#include "core/session/allowed.hpp"
#include "core/session/engine.hpp"
#include "core/session/readiness.hpp"
#include "core/session/view.hpp"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace intervisie::core {
namespace {

constexpr double budget_commands_per_second = 1'000'000;

struct TimedCommand {
  Command command;
  Instant at;
};

struct RecordedSession {
  SessionState fresh;                 // right after create_session
  std::vector<TimedCommand> commands; // everything after that, in order
  std::vector<Event> history;         // every event, the creation included
  SessionState final_state;
};

[[noreturn]] void give_up(const std::string& why) {
  std::cerr << "session_benchmark: " << why << "\n";
  std::exit(1);
}

std::shared_ptr<const Method> incident_method() {
  const std::string path = std::string(INTERVISIE_METHODS_DIR) + "/incident.toml";
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  auto method = parse_method(text.str(), path);
  if (!method)
    give_up(method.error().describe());
  return std::make_shared<const Method>(std::move(*method));
}

// Plays a session once through the engine, keeping each command with its moment.
class Recorder {
public:
  Recorder() {
    auto created =
        create_session(incident_method(), SessionSettings{"Dinsdaggroep", "Fenna"}, now_);
    if (!created)
      give_up("create_session refused");
    for (const Event& event : *created)
      fold(event);
    recorded_.fresh = state_;
  }

  void send(std::optional<ParticipantId> actor, CommandBody body) {
    now_ += std::chrono::seconds{20};
    Command command{actor, std::move(body)};
    auto events = decide(state_, command, now_);
    if (!events)
      give_up("the recorded session was refused at command " +
              std::to_string(recorded_.commands.size()) + ": " +
              std::string(to_string(events.error().code)));
    for (const Event& event : *events)
      fold(event);
    recorded_.commands.push_back({std::move(command), now_});
  }

  const SessionState& state() const { return state_; }

  RecordedSession finish() {
    if (state_.phase != Phase::finished)
      give_up("the recorded session did not reach its end");
    recorded_.final_state = state_;
    return std::move(recorded_);
  }

private:
  void fold(const Event& event) {
    apply(state_, event);
    recorded_.history.push_back(event);
  }

  Instant now_{std::chrono::hours{24 * 365 * 55}};
  SessionState state_;
  RecordedSession recorded_;
};

RecordedSession record_incident_session() {
  constexpr ParticipantId fenna{1}, pieter{2}, anna{3}, bram{4}, carla{5}, daan{6};
  const std::vector<ParticipantId> advisers{fenna, anna, bram, carla, daan};
  Recorder r;
  for (const char* name : {"Pieter", "Anna", "Bram", "Carla", "Daan"})
    r.send(std::nullopt, command::Join{name});
  r.send(fenna, command::Start{});

  // 1. inventory, by vote
  r.send(pieter, command::ProposeIssue{"Ik weet niet hoe ik mijn collega aanspreek."});
  r.send(anna, command::ProposeIssue{"Ik wil minder overwerken."});
  r.send(bram, command::ProposeIssue{"Ik twijfel over een nieuwe functie."});
  r.send(carla, command::Vote{CandidateId{1}});
  r.send(daan, command::Vote{CandidateId{1}});
  r.send(bram, command::Vote{CandidateId{3}});
  r.send(anna, command::Vote{CandidateId{2}});
  r.send(fenna, command::ChooseIssue{});
  r.send(fenna, command::NextStep{});

  // 2. statement and time to prepare
  r.send(pieter, command::SetStatement{"Ik weet niet hoe ik mijn collega aanspreek."});
  r.send(pieter,
         command::SetStatement{"Ik weet niet hoe ik mijn collega aanspreek op te laat komen."});
  r.send(pieter, command::StartPreparation{});
  r.send(fenna, command::AdjustTime{60});
  r.send(fenna, command::EndPreparation{});
  r.send(fenna, command::NextStep{});

  // 3. three question rounds (one question declined), then a round in which everyone passes
  const char* questions[] = {"Wat maakt het voor jou lastig?", "Wie merkt er iets van?",
                             "Wanneer begon het?", "Hoe reageert je team?",
                             "Wat heb je al geprobeerd?"};
  for (int round = 0; round < 3; ++round) {
    for (std::size_t i = 0; i < advisers.size(); ++i) {
      r.send(advisers[i], command::AskQuestion{std::string(questions[i]) + " (" +
                                               std::to_string(round + 1) + ")"});
      if (round == 1 && i == 2)
        r.send(pieter, command::DeclineQuestion{});
      else
        r.send(pieter, command::AnswerQuestion{i % 2 ? "Eigen aantekening." : ""});
    }
  }
  r.send(pieter, command::WritePrivateNote{"Bij de vraag over het team werd ik onrustig."});
  for (ParticipantId adviser : advisers)
    r.send(adviser, command::Pass{});
  r.send(fenna, command::NextStep{});

  // 4. gossip, with a disturbance in between
  r.send(anna, command::AddObservation{"Het werd stil bij de vraag over het team."});
  r.send(bram, command::AddObservation{"Hij zei vaak 'moeten'."});
  r.send(carla, command::RaiseDisturbance{"De telefoon van de school gaat."});
  r.send(fenna, command::ResolveDisturbance{});
  r.send(carla, command::AddObservation{"Hij keek weg toen het over thuis ging."});
  r.send(daan, command::AddObservation{"Er zat boosheid tussen de regels."});
  r.send(fenna, command::AddObservation{"Zijn schouders gingen omhoog."});
  r.send(fenna, command::CloseGossip{});
  r.send(pieter, command::Reflect{"Dat van die boosheid herken ik."});
  r.send(fenna, command::NextStep{});

  // 5. reframe, 6. new question rounds
  r.send(pieter, command::Reframe{"Ik wil leren grenzen stellen zonder de sfeer te verliezen."});
  r.send(fenna, command::NextStep{});
  for (int round = 0; round < 2; ++round) {
    for (std::size_t i = 0; i < advisers.size(); ++i) {
      r.send(advisers[i], command::AskQuestion{"Wat betekent sfeer voor jou? (" +
                                               std::to_string(round * 5 + i) + ")"});
      r.send(pieter, command::AnswerQuestion{});
    }
  }
  for (ParticipantId adviser : advisers)
    r.send(adviser, command::Pass{});
  r.send(fenna, command::NextStep{});

  // 7. advice, 8. reaction, 9. closing
  r.send(fenna, command::EndPreparation{});
  for (ParticipantId adviser : advisers)
    r.send(adviser, command::GiveAdvice{"zou ik het gesprek vandaag nog aangaan."});
  r.send(fenna, command::NextStep{});
  r.send(pieter, command::React{"Morgen spreek ik hem aan.", "Hoe ik het volhoud."});
  r.send(fenna, command::NextStep{});
  for (ParticipantId p : {fenna, pieter, anna, bram, carla, daan})
    r.send(p, command::ClosingRemark{"Goed gegaan; ik neem mee dat stilte iets zegt."});
  r.send(fenna, command::NextStep{});
  return r.finish();
}

const RecordedSession& recorded() {
  static const RecordedSession session = record_incident_session();
  return session;
}

// decide + apply of every command of the session, from a fresh session each time.
void DecideAndApplyIncidentSession(benchmark::State& bench) {
  const RecordedSession& session = recorded();
  for (auto _ : bench) {
    SessionState state = session.fresh;
    for (const TimedCommand& timed : session.commands) {
      auto events = decide(state, timed.command, timed.at);
      if (!events) {
        bench.SkipWithError("a recorded command was refused");
        return;
      }
      for (const Event& event : *events)
        apply(state, event);
    }
    benchmark::DoNotOptimize(state);
  }
  bench.SetItemsProcessed(bench.iterations() * static_cast<std::int64_t>(session.commands.size()));
  bench.counters["commands"] = static_cast<double>(session.commands.size());
}
BENCHMARK(DecideAndApplyIncidentSession);

// Folding the whole history into a state, as a server does when it loads a session.
void ReplayIncidentSession(benchmark::State& bench) {
  const RecordedSession& session = recorded();
  for (auto _ : bench) {
    SessionState state = replay(session.history);
    benchmark::DoNotOptimize(state);
  }
  bench.SetItemsProcessed(bench.iterations() * static_cast<std::int64_t>(session.history.size()));
  bench.counters["events"] = static_cast<double>(session.history.size());
}
BENCHMARK(ReplayIncidentSession);

// The snapshot each participant receives on joining or resuming (of the finished session,
// the largest state it ever has).
void ViewOfTheStatePerParticipant(benchmark::State& bench) {
  const RecordedSession& session = recorded();
  const auto& participants = session.final_state.participants;
  for (auto _ : bench) {
    for (const Participant& p : participants) {
      SessionState seen = view(session.final_state, p.id);
      benchmark::DoNotOptimize(seen);
    }
  }
  bench.SetItemsProcessed(bench.iterations() * static_cast<std::int64_t>(participants.size()));
}
BENCHMARK(ViewOfTheStatePerParticipant);

// Every event as every participant receives it.
void ViewOfEveryEventPerParticipant(benchmark::State& bench) {
  const RecordedSession& session = recorded();
  const auto& participants = session.final_state.participants;
  for (auto _ : bench) {
    for (const Event& event : session.history)
      for (const Participant& p : participants) {
        std::optional<Event> seen = view(event, session.final_state, p.id);
        benchmark::DoNotOptimize(seen);
      }
  }
  bench.SetItemsProcessed(bench.iterations() *
                          static_cast<std::int64_t>(session.history.size() * participants.size()));
}
BENCHMARK(ViewOfEveryEventPerParticipant);

// What each participant's snapshot says they may do (may, may_for, and the facilitator's
// next_step), at every moment of the session: the price of asking decide() itself, paid once
// per participant per change for clients on the snapshot stream.
void MayOfEveryParticipantAtEveryMoment(benchmark::State& bench) {
  const RecordedSession& session = recorded();
  std::vector<std::pair<SessionState, Instant>> moments;
  SessionState state;
  for (const Event& event : session.history) {
    apply(state, event);
    moments.emplace_back(state, event.at);
  }
  std::size_t snapshots = 0;
  for (auto _ : bench) {
    for (const auto& [moment, now] : moments)
      for (const Participant& viewer : moment.participants) {
        benchmark::DoNotOptimize(allowed(moment, viewer.id, now));
        for (const Participant& someone : moment.participants)
          if (someone.id != viewer.id)
            benchmark::DoNotOptimize(allowed_for(moment, viewer.id, someone.id, now));
        if (viewer.id == moment.facilitator)
          benchmark::DoNotOptimize(next_step_readiness(moment, now));
        ++snapshots;
      }
  }
  bench.SetItemsProcessed(static_cast<std::int64_t>(snapshots));
}
BENCHMARK(MayOfEveryParticipantAtEveryMoment)->Unit(benchmark::kMillisecond);

// Prints as usual and keeps each benchmark's items per second for the summary.
class FigureKeeper : public benchmark::ConsoleReporter {
public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      const auto rate = run.counters.find("items_per_second");
      if (!run.error_occurred && rate != run.counters.end())
        figures[run.benchmark_name()] = rate->second.value;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  std::map<std::string, double> figures;
};

std::string with_thousands(double value) {
  std::string digits = std::to_string(static_cast<long long>(value));
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
    digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

} // namespace
} // namespace intervisie::core

int main(int argc, char** argv) {
  using namespace intervisie::core;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  const RecordedSession& session = recorded();
  std::cout << "recorded incident session: " << session.final_state.participants.size()
            << " people, " << session.commands.size() << " commands, " << session.history.size()
            << " events\n";
  FigureKeeper reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  const auto figure = [&](const std::string& name) {
    const auto found = reporter.figures.find(name);
    return found == reporter.figures.end() ? -1.0 : found->second;
  };
  const double commands = figure("DecideAndApplyIncidentSession");
  const double abilities = figure("MayOfEveryParticipantAtEveryMoment");
  if (abilities > 0)
    std::cout << "\nmay, may_for and next_step: " << 1e6 / abilities
              << " µs per participant's snapshot\n";
  std::cout << "\n";
  if (commands >= 0)
    std::cout << "decide+apply: " << with_thousands(commands) << " commands/s on one core (budget "
              << with_thousands(budget_commands_per_second)
              << "): " << (commands >= budget_commands_per_second ? "within budget" : "OVER BUDGET")
              << "\n";
  if (const double events = figure("ReplayIncidentSession"); events >= 0)
    std::cout << "replay:       " << with_thousands(events) << " events/s\n";
  if (const double views = figure("ViewOfTheStatePerParticipant"); views >= 0)
    std::cout << "view(state):  " << with_thousands(views) << " views/s\n";
  if (const double views = figure("ViewOfEveryEventPerParticipant"); views >= 0)
    std::cout << "view(event):  " << with_thousands(views) << " event views/s\n";
  return 0;
}
