// SPDX-License-Identifier: EUPL-1.2
// A method file (TOML): a facilitator may write their own, so its text is untrusted.
//   - A file that parses is written as the catalogue's JSON and read back by method_from_json
//     (how a stored session keeps its method): the method comes back equal.
//   - A meeting is created with it and its facilitator starts it and takes it through every
//     step, each view written as JSON: a strange but valid method must not break the engine.
#include "core/method/method_parser.hpp"
#include "core/session/engine.hpp"
#include "core/session/view.hpp"
#include "server/codec/method_from_json.hpp"
#include "server/codec/method_json.hpp"
#include "server/codec/state_json.hpp"
#include "support/fuzz_support.hpp"

#include <boost/json.hpp>

#include <chrono>

namespace {

using namespace intervisie;

void take_through(std::shared_ptr<const core::Method> method) {
  core::Instant now{std::chrono::milliseconds(1'767'261'600'000)};
  auto created = core::create_session(std::move(method), {"Intervisie", "Fenna", true}, now);
  if (!created)
    return;
  core::SessionState state;
  for (const auto& event : *created)
    core::apply(state, event);
  const core::ParticipantId facilitator = state.participants.front().id;
  const auto act = [&](core::CommandBody body) {
    now += std::chrono::minutes(1);
    auto events = core::decide(state, core::Command{facilitator, std::move(body)}, now);
    if (!events)
      return;
    for (const auto& event : *events)
      core::apply(state, event);
    const auto abilities = server::abilities_of(state, facilitator, now, {});
    (void)server::state_to_json(core::view(state, facilitator), facilitator, now, &abilities);
  };
  for (const char* name : {"Anna", "Bram", "Carmen"}) {
    now += std::chrono::seconds(5);
    if (auto joined =
            core::decide(state, core::Command{std::nullopt, core::command::Join{name}}, now))
      for (const auto& event : *joined)
        core::apply(state, event);
  }
  act(core::command::Start{});
  for (std::size_t step = 0; step <= state.method->steps.size(); ++step)
    act(core::command::NextStep{true});
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto parsed = core::parse_method_source(fuzz::text_of(data, size), "fuzz.toml");
  if (!parsed) {
    fuzz::require(!parsed.error().message.empty(), "a refused method file says why");
    return 0;
  }
  const boost::json::value written = server::to_json(parsed->method);
  const auto again = server::method_from_json(written);
  fuzz::require(again.has_value(), "a method's JSON reads back",
                again ? std::string()
                      : again.error().message + "\n" + boost::json::serialize(written));
  fuzz::require(*again == parsed->method, "a method reads back equal",
                boost::json::serialize(written));
  take_through(std::make_shared<const core::Method>(std::move(parsed->method)));
  return 0;
}
