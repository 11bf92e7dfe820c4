// SPDX-License-Identifier: EUPL-1.2
// A group's history as the server reads it back from the store (group_event_from_stored): one
// stored event's JSON per input line.
//   - Round trip: an event that reads writes JSON that reads back to an equal event, and the
//     row the store would keep reads back to it too.
//   - A history that reads is folded as loading a group folds it (GroupRegistry::adopt): each
//     event checked against the group before it (core::group::fits), and refused with a reason
//     when it does not fit. A history that fits folds into a group that does not contradict
//     itself: every member, invitation, meeting and case once, date answers one per proposed date.
#include "core/group/engine.hpp"
#include "core/group/history_check.hpp"
#include "server/codec/group_event_json.hpp"
#include "support/fuzz_support.hpp"

#include <boost/json.hpp>

#include <set>

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

template <class Item, class Key> bool each_once(const std::vector<Item>& items, Key key) {
  std::set<std::string> seen;
  for (const Item& item : items)
    if (!seen.insert(item.*key).second)
      return false;
  return true;
}

void check_group(const core::group::GroupState& state) {
  using namespace core::group;
  fuzz::require(each_once(state.members, &Member::account), "every member once");
  fuzz::require(each_once(state.invitations, &Invitation::id), "every invitation once");
  fuzz::require(each_once(state.meetings, &Meeting::id), "every meeting once");
  fuzz::require(each_once(state.cases, &Case::session), "every case once");
  for (const Meeting& meeting : state.meetings)
    if (meeting.proposal)
      for (const auto& [member, suits] : meeting.proposal->answers)
        fuzz::require(suits.size() == meeting.proposal->dates.size(),
                      "date answers are one per proposed date", meeting.id);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<core::group::GroupEvent> history;
  core::group::GroupState state;
  std::uint64_t seq = 0;
  for (const std::string_view line : fuzz::split(fuzz::text_of(data, size), '\n')) {
    auto event =
        server::group_event_from_stored(store::StoredEvent{++seq, "", std::string(line), 0});
    if (!event) {
      fuzz::explain(event.error().message);
      return 0;
    }
    check_round_trip(*event);
    if (auto fit = core::group::fits(state, *event); !fit) {
      fuzz::require(!fit.error().empty(), "a history that does not fit is refused with a reason");
      fuzz::explain(fit.error());
      return 0;
    }
    core::group::apply(state, *event);
    history.push_back(std::move(*event));
  }
  check_group(state);
  fuzz::require(core::group::replay(history) == state, "a history replays to the group it folded");
  return 0;
}
