// SPDX-License-Identifier: EUPL-1.2
// A group's history as the server reads it back from the store (group_event_from_stored): one
// stored event's JSON per input line.
//   - Round trip: an event that reads writes JSON that reads back to an equal event, and the
//     row the store would keep reads back to it too.
//   - A history that reads is replayed into the group's state, as loading a group does.
#include "core/group/engine.hpp"
#include "server/codec/group_event_json.hpp"
#include "support/fuzz_support.hpp"

#include <boost/json.hpp>

namespace {

using namespace intervisie;

void check_round_trip(const core::group::GroupEvent& event) {
  const boost::json::object written = server::group_event_to_json(event);
  const auto again = server::group_event_from_json(written);
  fuzz::require(again.has_value(), "a written group event reads back",
                boost::json::serialize(written));
  fuzz::require(*again == event, "a group event reads back equal", boost::json::serialize(written));
  const store::NewEvent row = server::stored_group_event(event);
  const auto from_row =
      server::group_event_from_stored(store::StoredEvent{1, row.kind, row.payload, row.at_ms});
  fuzz::require(from_row.has_value() && *from_row == event, "a stored group event reads back",
                row.payload);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<core::group::GroupEvent> history;
  std::uint64_t seq = 0;
  for (const std::string_view line : fuzz::split(fuzz::text_of(data, size), '\n')) {
    auto event =
        server::group_event_from_stored(store::StoredEvent{++seq, "", std::string(line), 0});
    if (!event) {
      fuzz::explain(event.error().message);
      return 0;
    }
    check_round_trip(*event);
    history.push_back(std::move(*event));
  }
  (void)core::group::replay(history);
  return 0;
}
