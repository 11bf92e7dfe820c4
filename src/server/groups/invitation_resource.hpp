// SPDX-License-Identifier: EUPL-1.2
// A group's invitations (docs/api.md 3): a member makes or revokes one; whoever holds its link
// sees what they are invited to and, logged in, accepts the ground rules and joins. The link's
// token is the key: an unknown one is `invitation_unknown`, whether logged in or not. Handlers
// of the route table (group_routes.cpp), run on the blocking executor.
#pragma once

#include "server/groups/group_call.hpp"
#include "server/groups/group_context.hpp"

namespace intervisie::server::invitation_resource {

void create(GroupContext& context,
            const GroupCallPtr& call); // POST /api/groups/{group}/invitations
void revoke(GroupContext& context, const GroupCallPtr& call); // DELETE …/invitations/{invitation}
void preview(GroupContext& context, const GroupCallPtr& call); // GET /api/invitations/{token}
void accept(GroupContext& context, const GroupCallPtr& call);  // POST …/{token}/accept

} // namespace intervisie::server::invitation_resource
