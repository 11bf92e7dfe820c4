// A session as one participant sees it: everything a client needs to render the meeting.
// The caller passes a view already filtered for the viewer (core::view(state, viewer));
// this only writes it. Times are milliseconds: instants since the Unix epoch, durations
// as counts (negative once a step's planned time is over: the timer helps, it never forces).
#pragma once

#include "core/session/ids.hpp"
#include "core/session/permissions.hpp"
#include "core/session/session_state.hpp"

#include <boost/json.hpp>

namespace intervisie::server {

boost::json::object state_to_json(const core::SessionState& viewed_state,
                                  core::ParticipantId viewer, core::Instant now);

// What the viewer may send now: `may` (kinds on their own account) and `may_for` (by participant
// id, the kinds they may send on that person's behalf), by the commands' wire names.
void add_permissions(boost::json::object& state, const core::Permissions& permissions);

// The facilitator's `next_step`: {"ready":true} or {"ready":false,"missing":code,"confirm":bool}.
boost::json::object readiness_to_json(const core::StepReadiness& readiness);

} // namespace intervisie::server
