// SPDX-License-Identifier: EUPL-1.2
// A group's meetings (docs/api.md 4): planning one, its view and calendar entry, signing up and
// cancelling, calling it off, finding a new date, its facilitator and the follow-up round.
// Handlers of the route table (group_routes.cpp), run on the blocking executor once the caller
// is known to be a member of the meeting's group; each change answers with the meeting's view.
#pragma once

#include "server/groups/group_call.hpp"
#include "server/groups/group_context.hpp"

namespace intervisie::server::meeting_resource {

void schedule(GroupContext& context, const GroupCallPtr& call); // POST /api/groups/{group}/meetings
void show(GroupContext& context, const GroupCallPtr& call);     // GET /api/meetings/{meeting}
void calendar(GroupContext& context, const GroupCallPtr& call); // GET …/calendar.ics
void sign_up(GroupContext& context, const GroupCallPtr& call);  // POST …/signup
void cancel(GroupContext& context, const GroupCallPtr& call);   // POST …/cancel
void call_off(GroupContext& context, const GroupCallPtr& call); // POST …/call-off
void propose_dates(GroupContext& context, const GroupCallPtr& call);    // POST …/proposals
void answer_dates(GroupContext& context, const GroupCallPtr& call);     // POST …/answers
void choose_date(GroupContext& context, const GroupCallPtr& call);      // POST …/choice
void set_facilitator(GroupContext& context, const GroupCallPtr& call);  // POST …/facilitator
void record_follow_up(GroupContext& context, const GroupCallPtr& call); // POST …/follow-ups

} // namespace intervisie::server::meeting_resource
