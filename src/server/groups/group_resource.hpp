// SPDX-License-Identifier: EUPL-1.2
// The group itself (docs/api.md 3): making one, its view, how long it keeps its cases, leaving
// it. Handlers of the route table (group_routes.cpp), run on the blocking executor once the
// caller's access has been checked.
#pragma once

#include "server/groups/group_call.hpp"
#include "server/groups/group_context.hpp"

namespace intervisie::server::group_resource {

void create(GroupContext& context, const GroupCallPtr& call);        // POST /api/groups
void show(GroupContext& context, const GroupCallPtr& call);          // GET /api/groups/{group}
void set_retention(GroupContext& context, const GroupCallPtr& call); // POST …/retention
void leave(GroupContext& context, const GroupCallPtr& call);         // POST …/leave

} // namespace intervisie::server::group_resource
