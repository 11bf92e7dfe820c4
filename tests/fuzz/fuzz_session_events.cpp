// SPDX-License-Identifier: EUPL-1.2
// A session's history as a restart reads it back from the store (src/server/live/
// stored_events.cpp): one stored event's JSON per input line. A store's file is outside the
// process; a damaged or edited one must give an error, never a crash.
//   - Round trip: an event that reads writes JSON that reads back to an equal event.
//   - A history that reads is replayed, as a restart does, and every participant's view and
//     the shared screen's are written as JSON (state_json), as they are sent after a restart.
#include "core/session/engine.hpp"
#include "core/session/view.hpp"
#include "server/codec/event_json.hpp"
#include "server/codec/state_json.hpp"
#include "server/live/stored_events.hpp"
#include "support/fuzz_support.hpp"

#include <boost/json.hpp>

namespace {

using namespace intervisie;

void check_round_trip(const core::Event& event) {
  const boost::json::object written = server::event_to_json(event);
  const auto again = server::event_from_json(written);
  fuzz::require(again.has_value(), "a written event reads back", boost::json::serialize(written));
  fuzz::require(*again == event, "an event reads back equal", boost::json::serialize(written));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<store::StoredEvent> stored;
  std::uint64_t seq = 0;
  for (const std::string_view line : fuzz::split(fuzz::text_of(data, size), '\n'))
    stored.push_back(store::StoredEvent{++seq, "", std::string(line), 0});
  const auto history = server::history_of("s-1", stored);
  if (!history) {
    fuzz::explain(history.error());
    return 0;
  }
  for (const core::Event& event : history->events)
    check_round_trip(event);

  const core::SessionState& state = history->state;
  const core::Instant now = history->events.empty() ? core::Instant{} : history->events.back().at;
  // No participant has id 0: its view is the shared screen's.
  (void)server::shared_view_to_json(core::view(state, core::ParticipantId{}), now);
  for (const auto& participant : state.participants) {
    const auto abilities = server::abilities_of(state, participant.id, now, {});
    (void)server::state_to_json(core::view(state, participant.id), participant.id, now, &abilities);
  }
  return 0;
}
