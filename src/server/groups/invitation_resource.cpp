// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/invitation_resource.hpp"

#include "server/auth/token.hpp"
#include "server/codec/group_request_json.hpp"
#include "server/codec/request_body.hpp"
#include "server/groups/group_json.hpp"
#include "server/groups/group_views.hpp"

#include <boost/json.hpp>

namespace intervisie::server::invitation_resource {

namespace http = boost::beast::http;
namespace group = core::group;
namespace json = boost::json;
using Code = group::GroupRefusalCode;

namespace {

std::int64_t millis(core::Instant instant) {
  return instant.time_since_epoch().count();
}

// The invitation the link's token leads to, with its group; otherwise answers and gives none.
struct HeldInvitation {
  store::InvitationLink link;
  group::GroupState state;
  const group::Invitation& invitation() const { return *state.find_invitation(link.invitation_id); }
};

std::optional<HeldInvitation> held_invitation(GroupContext& context, const GroupCallPtr& call) {
  auto link = context.store.invitation_link(token_hash(call->params["token"]));
  if (!link) {
    call->refuse(GroupRouteError::store_unreachable);
    return std::nullopt;
  }
  auto state = *link ? context.groups.state((*link)->group_id) : std::nullopt;
  if (!state || state->find_invitation((*link)->invitation_id) == nullptr) {
    call->refuse(group::GroupRefusal{Code::invitation_unknown});
    return std::nullopt;
  }
  return HeldInvitation{std::move(**link), std::move(*state)};
}

} // namespace

void create(GroupContext& context, const GroupCallPtr& call) {
  const auto days = invitation_days_from_json(call->request.body());
  if (!days)
    return call->refuse(days.error());
  const std::string token = new_token();
  const std::string invitation_id = new_session_id();
  std::optional<core::Instant> expires_at;
  if (*days > 0)
    expires_at = context.clock() + std::chrono::days{*days};
  if (auto made = context.groups.execute(
          call->group_id, group::cmd::CreateInvitation{invitation_id, expires_at}, call->me());
      !made)
    return call->refuse(made.error());
  if (!context.store.put_invitation_link(token_hash(token), {call->group_id, invitation_id}))
    return call->refuse(GroupRouteError::store_unreachable);
  const auto after = context.groups.state(call->group_id);
  const group::Invitation* invitation = after->find_invitation(invitation_id);
  call->answer_json(http::status::created,
                    json::object{{"invitation_id", invitation_id},
                                 {"token", token},
                                 {"url", context.public_url + "/uitnodiging/" + token},
                                 {"expires_at", millis(invitation->expires_at)}});
}

void revoke(GroupContext& context, const GroupCallPtr& call) {
  if (auto none = no_fields_from_json(call->request.body(), "revocation"); !none)
    return call->refuse(none.error());
  if (auto revoked = context.groups.execute(
          call->group_id, group::cmd::RevokeInvitation{call->params["invitation"]}, call->me());
      !revoked)
    return call->refuse(revoked.error());
  answer_group_view(context, call, http::status::ok);
}

void preview(GroupContext& context, const GroupCallPtr& call) {
  const auto held = held_invitation(context, call);
  if (!held)
    return;
  const group::GroupState& state = held->state;
  const group::Invitation& invitation = held->invitation();
  switch (invitation.status(context.clock())) {
  case group::InvitationStatus::used:
    return call->refuse(group::GroupRefusal{Code::invitation_used});
  case group::InvitationStatus::revoked:
    return call->refuse(group::GroupRefusal{Code::invitation_revoked});
  case group::InvitationStatus::expired:
    return call->refuse(group::GroupRefusal{Code::invitation_expired});
  case group::InvitationStatus::open:
    break;
  }
  json::object view = group_view(held->link.group_id, state, "", context.clock(), {});
  // Before joining, the invitee sees what they would join, not who is in it or what happened.
  json::object shown{{"group", json::object{{"name", state.name},
                                            {"member_count", state.members.size()},
                                            {"max_members", view["max_members"]},
                                            {"notice", view["notice"]}}},
                     {"invited_by", state.display_name(invitation.invited_by).value_or("")},
                     {"expires_at", millis(invitation.expires_at)},
                     {"ground_rules", view["ground_rules"]},
                     {"conditions", view["conditions"]}};
  call->answer_json(http::status::ok, shown);
}

void accept(GroupContext& context, const GroupCallPtr& call) {
  const auto held = held_invitation(context, call);
  if (!held)
    return;
  // The link first, then the login: an unknown link says so to anyone.
  auto caller = context.authenticator.caller(call->request);
  if (!caller)
    return call->answer(std::move(caller.error()));
  call->caller = std::move(*caller);
  auto accepted = acceptance_from_json(call->request.body(), held->link.invitation_id);
  if (!accepted)
    return call->refuse(accepted.error());
  if (accepted->display_name.empty())
    accepted->display_name = call->caller->account.display_name;
  if (auto joined = context.groups.execute(held->link.group_id, *accepted, call->me()); !joined)
    return call->refuse(joined.error());
  call->group_id = held->link.group_id;
  answer_group_view(context, call, http::status::ok);
}

} // namespace intervisie::server::invitation_resource
