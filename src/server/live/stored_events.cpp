// SPDX-License-Identifier: EUPL-1.2
#include "server/live/stored_events.hpp"

#include "core/session/history_check.hpp"
#include "server/codec/event_json.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace intervisie::server {

std::vector<store::NewEvent> records_of(const core::Events& events) {
  std::vector<store::NewEvent> records;
  records.reserve(events.size());
  for (const core::Event& event : events)
    records.push_back(store::NewEvent{
        .kind = std::string(core::kind_name(event.body)),
        .payload = boost::json::serialize(event_to_json(event)),
        .at_ms = event.at.time_since_epoch().count(),
        .finishes_session = std::holds_alternative<core::event::SessionFinished>(event.body)});
  return records;
}

DurableHistory history_of(core::Events first_events) {
  DurableHistory history;
  for (const core::Event& event : first_events)
    core::apply(history.state, event);
  history.events = std::move(first_events);
  return history;
}

std::expected<DurableHistory, std::string>
history_of(const std::string& session_id, const std::vector<store::StoredEvent>& stored) {
  DurableHistory history;
  history.events.reserve(stored.size());
  // Folded as it is read, so an event that does not fit the state before it is refused here,
  // not folded into a state that breaks (core/session/history_check.hpp).
  for (const store::StoredEvent& record : stored) {
    const std::string where = "session " + session_id + ", event " + std::to_string(record.seq);
    boost::system::error_code parse_error;
    const boost::json::value json = boost::json::parse(record.payload, parse_error);
    if (parse_error)
      return std::unexpected(where + ": " + parse_error.message());
    auto event = event_from_json(json);
    if (!event)
      return std::unexpected(where + ": " + event.error().message);
    if (auto fit = core::fits(history.state, *event); !fit)
      return std::unexpected(where + ": " + fit.error());
    core::apply(history.state, *event);
    history.events.push_back(std::move(*event));
  }
  return history;
}

} // namespace intervisie::server
