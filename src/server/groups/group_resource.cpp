// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/group_resource.hpp"

#include "server/auth/token.hpp"
#include "server/codec/group_request_json.hpp"
#include "server/codec/request_body.hpp"
#include "server/groups/group_views.hpp"

#include <boost/json.hpp>

namespace intervisie::server::group_resource {

namespace http = boost::beast::http;
namespace group = core::group;

void create(GroupContext& context, const GroupCallPtr& call) {
  auto command = new_group_from_json(call->request.body());
  if (!command)
    return call->refuse(command.error());
  if (command->display_name.empty())
    command->display_name = call->caller->account.display_name;
  const std::string group_id = new_session_id();
  if (auto created = context.groups.create(group_id, *command, call->me()); !created)
    return call->refuse(created.error());
  call->group_id = group_id;
  answer_group_view(context, call, http::status::created);
}

void show(GroupContext& context, const GroupCallPtr& call) {
  answer_group_view(context, call, http::status::ok, Presenters::learned);
}

void set_retention(GroupContext& context, const GroupCallPtr& call) {
  const auto command = retention_from_json(call->request.body());
  if (!command)
    return call->refuse(command.error());
  if (auto set = context.groups.execute(call->group_id, *command, call->me()); !set)
    return call->refuse(set.error());
  answer_group_view(context, call, http::status::ok);
}

void leave(GroupContext& context, const GroupCallPtr& call) {
  if (auto none = no_fields_from_json(call->request.body(), "leave"); !none)
    return call->refuse(none.error());
  if (auto left = context.groups.execute(call->group_id, group::cmd::Leave{}, call->me()); !left)
    return call->refuse(left.error());
  call->answer_json(http::status::ok, boost::json::object{{"left", call->group_id}});
}

} // namespace intervisie::server::group_resource
