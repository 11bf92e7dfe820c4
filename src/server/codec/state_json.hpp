// A session as one participant sees it: everything a client needs to render the meeting.
// The caller passes a view already filtered for the viewer (core::view(state, viewer));
// this only writes it. Times are milliseconds: instants since the Unix epoch, durations
// as counts (negative once a step's planned time is over: the timer helps, it never forces).
#pragma once

#include "core/session/ids.hpp"
#include "core/session/session_state.hpp"

#include <boost/json.hpp>

namespace intervisie::server {

boost::json::object state_to_json(const core::SessionState& viewed_state,
                                  core::ParticipantId viewer, core::Instant now);

} // namespace intervisie::server
