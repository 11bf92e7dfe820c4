// SPDX-License-Identifier: EUPL-1.2
// The live connection's messages (docs/protocol.md 5): the envelope and the command in it, then
// what the engine decides about the command in a real meeting.
//   - Every input line is one WebSocket message; an error is written as the server would.
//   - Round trip: a command read back from command_to_json writes the same JSON again.
//   - The commands that were read are decided, in order, by the participants of a Balint
//     meeting in turn (a join by the newcomer); the events are applied, and every participant's
//     view is taken, as the server does after each change.
#include "core/session/engine.hpp"
#include "core/session/view.hpp"
#include "server/codec/command_json.hpp"
#include "server/codec/envelope.hpp"
#include "server/codec/state_json.hpp"
#include "support/fuzz_support.hpp"

#include <boost/json.hpp>

#include <chrono>
#include <variant>

namespace {

using namespace intervisie;

// decode → encode → decode → encode: the second encoding equals the first.
void check_round_trip(const core::CommandBody& command) {
  const boost::json::object written = server::command_to_json(command);
  const auto again = server::command_from_json(written);
  fuzz::require(again.has_value(), "a written command reads back", boost::json::serialize(written));
  fuzz::require(server::command_to_json(*again) == written, "a command reads back the same",
                boost::json::serialize(written));
}

core::SessionState new_meeting(core::Instant now) {
  auto created =
      core::create_session(fuzz::shipped_method("balint"), {"Intervisie", "Fenna", true}, now);
  fuzz::require(created.has_value(), "a Balint meeting can be created");
  core::SessionState state;
  for (const auto& event : *created)
    core::apply(state, event);
  return state;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::text_of(data, size);
  core::Instant now{std::chrono::milliseconds(1'767'261'600'000)};
  core::SessionState state = new_meeting(now);
  std::size_t turn = 0;
  for (const std::string_view line : fuzz::split(input, '\n')) {
    auto message = server::parse_client_message(line);
    if (!message) {
      (void)server::server_message_error(message.error());
      continue;
    }
    (void)server::server_message_ack(message->id, 1);
    check_round_trip(message->command);

    core::Command command{std::nullopt, std::move(message->command)};
    const bool newcomer = std::holds_alternative<core::command::Join>(command.body) ||
                          std::holds_alternative<core::command::RequestReturn>(command.body);
    if (!newcomer && !state.participants.empty())
      command.actor = state.participants[turn++ % state.participants.size()].id;
    now += std::chrono::seconds(7);
    auto events = core::decide(state, command, now);
    if (!events)
      continue;
    for (const auto& event : *events)
      core::apply(state, event);
    for (const auto& participant : state.participants) {
      const core::SessionState viewed = core::view(state, participant.id);
      const auto abilities = server::abilities_of(state, participant.id, now, {});
      (void)server::state_to_json(viewed, participant.id, now, &abilities);
    }
  }
  return 0;
}
