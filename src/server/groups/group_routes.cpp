// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/group_routes.hpp"

#include "server/groups/calendar_feed.hpp"
#include "server/groups/case_resource.hpp"
#include "server/groups/group_call.hpp"
#include "server/groups/group_resource.hpp"
#include "server/groups/invitation_resource.hpp"
#include "server/groups/meeting_resource.hpp"
#include "server/http/route_table.hpp"

#include <boost/asio/post.hpp>

namespace intervisie::server {

namespace http = boost::beast::http;

namespace {

// Who may use a route; checked, in this order, before its handler runs.
enum class Access {
  link,           // whoever holds the link: the token in the path is the key
  logged_in,      // an account (401 without a login)
  group_member,   // a member of {group}; to anyone else it does not exist (404 group_unknown)
  meeting_member, // a member of the group that holds {meeting} (404 meeting_unknown)
};

struct GroupRoute {
  Access access;
  void (*handle)(GroupContext&, const GroupCallPtr&);
};

const RouteTable<GroupRoute>& routes() {
  using enum Access;
  using http::verb;
  namespace groups = group_resource;
  namespace invitations = invitation_resource;
  namespace meetings = meeting_resource;
  namespace cases = case_resource;
  static const RouteTable<GroupRoute> table{
      {verb::post, "/api/groups", {logged_in, groups::create}},
      {verb::get, "/api/groups/{group}", {group_member, groups::show}},
      {verb::post, "/api/groups/{group}/retention", {group_member, groups::set_retention}},
      {verb::post, "/api/groups/{group}/leave", {group_member, groups::leave}},
      {verb::post, "/api/groups/{group}/invitations", {group_member, invitations::create}},
      {verb::delete_,
       "/api/groups/{group}/invitations/{invitation}",
       {group_member, invitations::revoke}},
      {verb::post, "/api/groups/{group}/meetings", {group_member, meetings::schedule}},
      {verb::get, "/api/groups/{group}/cases/{case}/report", {group_member, cases::report}},
      {verb::delete_, "/api/groups/{group}/cases/{case}/content", {group_member, cases::forget}},

      {verb::get, "/api/invitations/{token}", {link, invitations::preview}},
      // The link first, then the login: accept() asks for it once the invitation is known.
      {verb::post, "/api/invitations/{token}/accept", {link, invitations::accept}},

      {verb::get, "/api/meetings/{meeting}", {meeting_member, meetings::show}},
      {verb::get, "/api/meetings/{meeting}/calendar.ics", {meeting_member, meetings::calendar}},
      {verb::post, "/api/meetings/{meeting}/signup", {meeting_member, meetings::sign_up}},
      {verb::post, "/api/meetings/{meeting}/cancel", {meeting_member, meetings::cancel}},
      {verb::post, "/api/meetings/{meeting}/call-off", {meeting_member, meetings::call_off}},
      {verb::post, "/api/meetings/{meeting}/proposals", {meeting_member, meetings::propose_dates}},
      {verb::post, "/api/meetings/{meeting}/answers", {meeting_member, meetings::answer_dates}},
      {verb::post, "/api/meetings/{meeting}/choice", {meeting_member, meetings::choose_date}},
      {verb::post,
       "/api/meetings/{meeting}/facilitator",
       {meeting_member, meetings::set_facilitator}},
      {verb::post,
       "/api/meetings/{meeting}/follow-ups",
       {meeting_member, meetings::record_follow_up}},
      {verb::post, "/api/meetings/{meeting}/cases", {meeting_member, cases::start}},
      {verb::post,
       "/api/meetings/{meeting}/cases/{case}/participants",
       {meeting_member, cases::join}},

      {verb::get, "/api/calendar/{account}/{feed}", {link, calendar_feed}},
  };
  return table;
}

// Checks the caller's access; true when the handler may run, otherwise it has answered.
bool admitted(GroupContext& context, Access access, GroupCall& call) {
  if (access == Access::link)
    return true;
  auto caller = context.authenticator.caller(call.request);
  if (!caller) {
    call.answer(std::move(caller.error()));
    return false;
  }
  call.caller = std::move(*caller);
  if (access == Access::group_member) {
    call.group_id = call.params["group"];
    call.group = context.groups.state(call.group_id);
    if (!call.group || !call.group->is_member(call.me())) {
      call.refuse(GroupRouteError::group_unknown);
      return false;
    }
  } else if (access == Access::meeting_member) {
    const std::string& meeting_id = call.params["meeting"];
    const auto group_id = context.groups.group_of_meeting(meeting_id);
    call.group = group_id ? context.groups.state(*group_id) : std::nullopt;
    if (!call.group || !call.group->is_member(call.me()) || !call.group->find_meeting(meeting_id)) {
      call.refuse(GroupRouteError::meeting_unknown);
      return false;
    }
    call.group_id = *group_id;
  }
  return true;
}

} // namespace

bool GroupRoutes::handle(Request& request, const std::vector<std::string>& segments,
                         const std::string&, Respond& respond) {
  auto found = routes().match(request.method(), segments);
  if (!found) {
    // Any other path under /api/calendar is a link that is not valid; the rest is not ours.
    if (segments.size() < 2 || segments[0] != "api" || segments[1] != "calendar")
      return false;
    respond(error_response(request, GroupRouteError::feed_unknown));
    return true;
  }
  auto call = std::make_shared<GroupCall>(
      GroupCall{std::move(request), std::move(found->params), std::move(respond), {}, {}, {}});
  boost::asio::post(context_.blocking, [this, route = *found->handler, call = std::move(call)] {
    if (admitted(context_, route.access, *call))
      route.handle(context_, call);
  });
  return true;
}

} // namespace intervisie::server
