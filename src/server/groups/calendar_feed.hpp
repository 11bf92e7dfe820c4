// SPDX-License-Identifier: EUPL-1.2
// A member's calendar feed (docs/api.md 5): GET /api/calendar/{account}/{key}.ics, every
// meeting of their groups, for a calendar app to subscribe to. The link is the key (FeedKeys):
// no cookie, and a wrong or old key is `feed_unknown`, as is any other path under
// /api/calendar. Handler of the route table (group_routes.cpp), run on the blocking executor.
#pragma once

#include "server/groups/group_call.hpp"
#include "server/groups/group_context.hpp"

namespace intervisie::server {

void calendar_feed(GroupContext& context, const GroupCallPtr& call);

// The feed's link for an account, with the key of its current feed generation.
std::string calendar_feed_url(GroupContext& context, const store::Account& account);

} // namespace intervisie::server
