// SPDX-License-Identifier: EUPL-1.2
// A group's cases, each treated in a live session (docs/api.md 4): the meeting's facilitator
// starts one, members take their place in it, and only the member who presented it reads its
// record or erases its content. Handlers of the route table (group_routes.cpp), run on the
// blocking executor once the caller's access has been checked.
//
// What the live session must answer is asked on its strand, and the route answers from that
// continuation, which owns the call (GroupCallPtr): no thread waits for a session, and a
// session that answers late still finds everything it answers with.
#pragma once

#include "core/session/ids.hpp"
#include "server/groups/group_call.hpp"
#include "server/groups/group_context.hpp"
#include "server/live/live_session.hpp"
#include "server/retention/retention.hpp"

namespace intervisie::server::case_resource {

void start(GroupContext& context, const GroupCallPtr& call); // POST /api/meetings/{meeting}/cases
void join(GroupContext& context, const GroupCallPtr& call);  // POST …/cases/{case}/participants
void report(GroupContext& context,
            const GroupCallPtr& call); // GET /api/groups/{group}/cases/{case}/report
void forget(GroupContext& context, const GroupCallPtr& call); // DELETE …/cases/{case}/content

// The continuations of report and forget, once the caller is known to have presented the case
// from `presenter`'s place in `live`.
// The presenter's record (`?lang=en`: its texts in English), once the session has ended.
void answer_report(GroupCallPtr call, LiveSession& live, core::ParticipantId presenter,
                   const Retention* retention);
// Erases the case's content, once its session has ended; the erasure runs on the blocking
// executor.
void erase_when_finished(GroupContext& context, GroupCallPtr call, LiveSession& live,
                         core::ParticipantId presenter);

} // namespace intervisie::server::case_resource
