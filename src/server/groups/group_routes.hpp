// SPDX-License-Identifier: EUPL-1.2
// The group routes (docs/api.md 3-5): groups, invitations, meetings, cases and calendars. One
// table in group_routes.cpp lists every route: its method and path, who may use it, and its
// handler in the file of its resource (group_, invitation_, meeting_, case_resource.cpp,
// calendar_feed.cpp). Every route answers only members of the group concerned; to anyone else
// a group, meeting or case does not exist (404), so not even its existence leaks.
//
// The route is matched on the network thread; the rest runs on `blocking`, never on the
// network threads. What a live session must tell is asked on its strand, and the answer is
// given from that continuation: no thread waits for a session.
#pragma once

#include "server/groups/group_context.hpp"
#include "server/http/routes.hpp"

namespace intervisie::server {

class GroupRoutes final : public Routes {
public:
  // `context` must outlive the routes, and every request they take.
  explicit GroupRoutes(GroupContext& context) : context_{context} {}

  bool handle(Request& request, const std::vector<std::string>& segments,
              const std::string& client_address, Respond& respond) override;

private:
  GroupContext& context_;
};

} // namespace intervisie::server
