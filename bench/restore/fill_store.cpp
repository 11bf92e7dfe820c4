// SPDX-License-Identifier: EUPL-1.2
// Fills a data directory with many meetings, as years of use would: `--finished` whole incident
// meetings and `--unfinished` ones left in their question rounds. Each meeting is decided by the
// engine, as the server would, and written through the store the server uses (sealed like
// everything it keeps), with the secrets the server keeps for it. bench/restore/run.py then
// starts the server on it and measures how long it takes to serve.
#include "core/method/method_parser.hpp"
#include "core/session/engine.hpp"
#include "server/auth/token.hpp"
#include "server/live/live_session.hpp"
#include "server/live/stored_events.hpp"
#include "store/stores.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>

namespace {

using namespace intervisie;
using core::ParticipantId;

constexpr ParticipantId fenna{1};
constexpr ParticipantId pieter{2};
constexpr ParticipantId anna{3};
constexpr ParticipantId bram{4};
constexpr ParticipantId carla{5};

class Meeting {
public:
  Meeting(std::shared_ptr<const core::Method> method, core::Instant start) : now_(start) {
    auto created = core::create_session(std::move(method),
                                        core::SessionSettings{"Intervisie", "Fenna", true}, now_);
    if (!created)
      fail_text("create_session was refused");
    take(*created);
    for (const char* name : {"Pieter", "Anna", "Bram", "Carla"})
      act(std::nullopt, core::command::Join{name});
  }

  // Up to the question rounds: the issue chosen, the statement set, two questions answered.
  void to_question_rounds() {
    act(fenna, core::command::Start{});
    act(pieter, core::command::ProposeIssue{"Ik zeg te vaak ja tegen extra werk."});
    act(anna, core::command::ProposeIssue{"Een ouder die elke dag belt."});
    act(bram, core::command::Vote{core::CandidateId{1}});
    act(fenna, core::command::ChooseIssue{});
    act(fenna, core::command::NextStep{true});
    act(pieter,
        core::command::SetStatement{"Ik wil vaker nee zeggen zonder me schuldig te voelen."});
    act(fenna, core::command::NextStep{true});
    for (const ParticipantId asker : {fenna, anna}) {
      act(asker, core::command::AskQuestion{"Wat gebeurt er in je als iemand je iets vraagt?"});
      act(pieter, core::command::AnswerQuestion{});
    }
  }

  // On to the end: what each step asks for, briefly, then the next step.
  void to_the_end() {
    for (int step = 0; step < 40 && state_.phase != core::Phase::finished; ++step) {
      const core::Step* current = state_.current_step();
      switch (current ? current->kind : core::StepKind::closing) {
      case core::StepKind::question_rounds:
        attempt(fenna, core::command::CloseRounds{});
        break;
      case core::StepKind::gossip:
        attempt(anna, core::command::AddObservation{"Hij lachte bij elke vraag."});
        attempt(fenna, core::command::CloseGossip{});
        attempt(pieter, core::command::Reflect{"Ik herken dat ik bang ben om teleur te stellen."});
        break;
      case core::StepKind::reframe:
        attempt(pieter, core::command::KeepStatement{});
        break;
      case core::StepKind::advice:
        for (int turn = 0; turn < 4; ++turn)
          if (const auto holder = state_.step.turns.holder())
            attempt(*holder, core::command::GiveAdvice{
                                 "Als ik jou was, zou ik eerst met je teamleider praten."});
        attempt(fenna, core::command::CloseRounds{});
        break;
      case core::StepKind::presenter_reaction:
        attempt(pieter, core::command::React{"Morgen zeg ik een keer nee.", "Waarom ik ja zeg."});
        break;
      case core::StepKind::closing:
        for (const ParticipantId who : {fenna, pieter, anna, bram, carla})
          attempt(who, core::command::ClosingRemark{"Dank jullie wel, dit helpt me verder."});
        break;
      default:
        break;
      }
      act(fenna, core::command::NextStep{true});
    }
    if (state_.phase != core::Phase::finished)
      fail_text("the meeting did not reach its end");
  }

  const core::Events& events() const { return events_; }

private:
  void act(std::optional<ParticipantId> actor, core::CommandBody body) {
    if (auto refused = attempt(actor, std::move(body)))
      fail_text(*refused);
  }
  // What was refused, if it was.
  std::optional<std::string> attempt(std::optional<ParticipantId> actor, core::CommandBody body) {
    now_ += std::chrono::seconds{20};
    const std::size_t kind = body.index();
    auto decided = core::decide(state_, core::Command{actor, std::move(body)}, now_, {});
    if (!decided) {
      const core::Step* current = state_.current_step();
      return "command " + std::to_string(kind) + " in step " +
             (current ? current->id : std::string("none")) +
             " was refused: " + std::string(core::to_string(decided.error().code));
    }
    take(*decided);
    return std::nullopt;
  }
  void take(const core::Events& events) {
    for (const core::Event& event : events) {
      core::apply(state_, event);
      events_.push_back(event);
    }
  }
  [[noreturn]] static void fail_text(const std::string& what) {
    std::cerr << "intervisie_fill_store: " << what << "\n";
    std::exit(1);
  }

  core::Instant now_;
  core::SessionState state_;
  core::Events events_;
};

std::shared_ptr<const core::Method> incident_method(const std::string& methods_dir) {
  const std::string path = methods_dir + "/incident.toml";
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  auto method = core::parse_method(text.str(), path);
  if (!method) {
    std::cerr << "intervisie_fill_store: " << method.error().describe() << "\n";
    std::exit(1);
  }
  return std::make_shared<const core::Method>(std::move(*method));
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"Fills a data directory with finished and unfinished meetings"};
  std::string data_dir;
  std::string methods_dir = INTERVISIE_METHODS_DIR;
  std::size_t finished = 10'000;
  std::size_t unfinished = 100;
  app.add_option("--data", data_dir, "The data directory to fill (made when missing)")->required();
  app.add_option("--methods", methods_dir, "Where incident.toml is")->capture_default_str();
  app.add_option("--finished", finished, "Whole meetings")->capture_default_str();
  app.add_option("--unfinished", unfinished, "Meetings left in their question rounds")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  auto stores = store::open_stores("", data_dir);
  if (!stores) {
    std::cerr << "intervisie_fill_store: " << stores.error().message << "\n";
    return 1;
  }
  store::EventStore& events = *stores->events;
  const auto method = incident_method(methods_dir);
  const auto started = std::chrono::steady_clock::now();
  const core::Instant first_meeting{std::chrono::sys_days{std::chrono::year{2025} / 1 / 6}};

  std::vector<std::future<bool>> appended;
  std::size_t event_count = 0;
  for (std::size_t n = 0; n < finished + unfinished; ++n) {
    const bool whole = n < finished;
    // A meeting every few hours, the unfinished ones last.
    const core::Instant start = first_meeting + std::chrono::hours{3} * n;
    Meeting meeting(method, start);
    meeting.to_question_rounds();
    if (whole)
      meeting.to_the_end();
    const std::string id = server::new_session_id();
    std::vector<store::Secret> secrets{
        {std::string(server::join_secret_name), server::token_hash(server::new_token())},
        {server::participant_secret_name(fenna), server::token_hash("1." + server::new_token())},
        {server::participant_secret_name(server::beamer_viewer),
         server::token_hash("0." + server::new_token())}};
    std::string join_code;
    if (!whole) {
      join_code = std::to_string(100'000 + n - finished);
      secrets.push_back(
          {std::string(server::join_code_secret_name), join_code + ":" + server::new_token()});
    }
    auto created =
        events.create_session(store::NewSession{.session_id = id,
                                                .method_id = method->id,
                                                .title = "Intervisie",
                                                .created_at_ms = start.time_since_epoch().count(),
                                                .secrets = std::move(secrets),
                                                .join_code = join_code});
    if (!created) {
      std::cerr << "intervisie_fill_store: " << created.error().message << "\n";
      return 1;
    }
    event_count += meeting.events().size();
    auto done = std::make_shared<std::promise<bool>>();
    appended.push_back(done->get_future());
    events.append(id, 0, server::records_of(meeting.events()),
                  [done](store::AppendResult result) { done->set_value(result.has_value()); });
    // Many appends in flight, so the store commits them in groups.
    if (appended.size() >= 256) {
      for (auto& future : appended)
        if (!future.get()) {
          std::cerr << "intervisie_fill_store: an append failed\n";
          return 1;
        }
      appended.clear();
    }
  }
  for (auto& future : appended)
    if (!future.get()) {
      std::cerr << "intervisie_fill_store: an append failed\n";
      return 1;
    }
  events.close();
  stores->groups.reset();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "filled " << data_dir << ": " << finished << " finished and " << unfinished
            << " unfinished meetings, " << event_count << " events, in " << seconds << " s\n";
  return 0;
}
