// SPDX-License-Identifier: EUPL-1.2
// A session as one participant sees it: everything a client needs to render the meeting.
// The caller passes a view already filtered for the viewer (core::view(state, viewer));
// this only writes it. Times are milliseconds: instants since the Unix epoch, durations
// as counts (negative once a step's planned time is over: the timer helps, it never forces).
#pragma once

#include "core/session/allowed.hpp"
#include "core/session/ids.hpp"
#include "core/session/readiness.hpp"
#include "core/session/session_state.hpp"

#include <boost/json.hpp>

#include <map>
#include <optional>

namespace intervisie::server {

// What only a participant's own snapshot carries, never the shared screen's: what they may send
// now (core::allowed), on whose behalf, and for the facilitator whether they can move on.
struct ViewerAbilities {
  core::CommandKinds may;
  std::map<core::ParticipantId, core::CommandKinds> may_for; // only people with something
  std::optional<core::NextStepReadiness> next_step;          // the facilitator's alone
};

// The abilities of `viewer` in the full (unfiltered) state, as decide() judges them.
ViewerAbilities abilities_of(const core::SessionState& state, core::ParticipantId viewer,
                             core::Instant now, core::Away away);

// `abilities`: for a participant's snapshot ("may", "may_for", "next_step"); null for the
// shared screen's, which has none of them. It is shared_view_to_json with viewer_to_json's
// fields set in it.
boost::json::object state_to_json(const core::SessionState& viewed_state,
                                  core::ParticipantId viewer, core::Instant now,
                                  const ViewerAbilities* abilities = nullptr);

// What every viewer with the same cut of the state sees alike (core::ViewCut): all but the
// viewer's own fields, with "you" null in its place.
// `with_method`: false leaves "method" null, for a caller that keeps the outline apart (it does
// not change while a meeting runs).
boost::json::object shared_view_to_json(const core::SessionState& viewed_state, core::Instant now,
                                        bool with_method = true);
boost::json::value method_to_json(const core::SessionState& state);
// The items of the flip chart's lists, one at a time: what a patch adds or replaces.
boost::json::object question_to_json(const core::Question& question);
boost::json::object observation_to_json(const core::Observation& observation);
boost::json::object reflection_to_json(const core::Reflection& reflection);
boost::json::object advice_to_json(const core::Advice& given);
boost::json::object closing_remark_to_json(const core::ClosingRemark& remark);
boost::json::object note_to_json(const core::Note& note);
// The viewer's own fields: "you", and with `abilities` "may", "may_for" and "next_step".
boost::json::object viewer_to_json(const core::SessionState& state, core::ParticipantId viewer,
                                   const ViewerAbilities* abilities = nullptr);
// A whole view: the shared part with the viewer's own fields set in it.
void set_viewer_fields(boost::json::object& shared, boost::json::object own);

} // namespace intervisie::server
