// SPDX-License-Identifier: EUPL-1.2
// What a member sees of their group and its meetings, as JSON. Only members are ever shown
// any of it (group_routes.cpp checks that first); even they see a case's content only when it is
// their own: the others see that it was treated, when, how and by whom.
#pragma once

#include "core/group/group_state.hpp"

#include <boost/json/object.hpp>

#include <set>
#include <string>

namespace intervisie::server {

// For lists (GET /api/me): id, name, how many members, the small-group notice.
boost::json::object group_summary(const std::string& group_id,
                                  const core::group::GroupState& state);

// `live_sessions`: the cases whose live session members can take their place in now; each
// case in a view says so (`live`).
boost::json::object group_view(const std::string& group_id, const core::group::GroupState& state,
                               const core::group::AccountId& viewer, core::Instant now,
                               const std::set<std::string>& live_sessions);

boost::json::object meeting_view(const std::string& group_id, const core::group::GroupState& state,
                                 const core::group::Meeting& meeting,
                                 const core::group::AccountId& viewer, core::Instant now,
                                 const std::set<std::string>& live_sessions);

// A member's own trace in a group, for the data export: membership, sign-ups, cancellations
// with reasons, answers, the cases they brought in with their follow-up notes.
boost::json::object member_export(const std::string& group_id, const core::group::GroupState& state,
                                  const core::group::AccountId& member);

} // namespace intervisie::server
