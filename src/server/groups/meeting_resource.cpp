// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/meeting_resource.hpp"

#include "server/auth/token.hpp"
#include "server/calendar/ics.hpp"
#include "server/codec/group_request_json.hpp"
#include "server/codec/request_body.hpp"
#include "server/groups/calendar_response.hpp"
#include "server/groups/group_views.hpp"
#include "server/groups/meeting_calendar.hpp"

namespace intervisie::server::meeting_resource {

namespace http = boost::beast::http;
namespace group = core::group;

namespace {

// Runs the command on the meeting's group; answers with the refusal, or the meeting's view.
void execute(GroupContext& context, const GroupCallPtr& call, const group::GroupCommand& command) {
  if (auto done = context.groups.execute(call->group_id, command, call->me()); !done)
    return call->refuse(done.error());
  answer_meeting_view(context, call, call->params["meeting"], http::status::ok);
}

// A change whose body the codec turns into the command: `decode(body, meeting_id)`.
template <class Decode>
void decoded(GroupContext& context, const GroupCallPtr& call, Decode decode) {
  auto command = decode(call->request.body(), call->params["meeting"]);
  if (!command)
    return call->refuse(command.error());
  execute(context, call, *command);
}

} // namespace

void schedule(GroupContext& context, const GroupCallPtr& call) {
  auto command = new_meeting_from_json(call->request.body());
  if (!command)
    return call->refuse(command.error());
  command->meeting_id = new_session_id();
  if (auto scheduled = context.groups.execute(call->group_id, *command, call->me()); !scheduled)
    return call->refuse(scheduled.error());
  answer_meeting_view(context, call, command->meeting_id, http::status::created);
}

void show(GroupContext& context, const GroupCallPtr& call) {
  answer_meeting_view(context, call, call->params["meeting"], http::status::ok,
                      Presenters::learned);
}

void calendar(GroupContext& context, const GroupCallPtr& call) {
  const std::string& meeting_id = call->params["meeting"];
  const group::Meeting& meeting = *call->group->find_meeting(meeting_id);
  call->answer(calendar_response(
      call->request,
      calendar::meeting_ics(meeting_event(*call->group, meeting,
                                          context.public_url + "/bijeenkomst/" + meeting_id,
                                          context.clock())),
      "intervisie-bijeenkomst.ics"));
}

void sign_up(GroupContext& context, const GroupCallPtr& call) {
  if (auto none = no_fields_from_json(call->request.body(), "signup"); !none)
    return call->refuse(none.error());
  const std::string& meeting_id = call->params["meeting"];
  // Signing up again after cancelling is withdrawing the cancellation: the rules differ.
  if (call->group->find_meeting(meeting_id)->has_cancelled(call->me()))
    return execute(context, call, group::cmd::WithdrawCancellation{meeting_id});
  execute(context, call, group::cmd::SignUp{meeting_id});
}

void cancel(GroupContext& context, const GroupCallPtr& call) {
  decoded(context, call, cancellation_from_json);
}

void call_off(GroupContext& context, const GroupCallPtr& call) {
  if (auto none = no_fields_from_json(call->request.body(), "call-off"); !none)
    return call->refuse(none.error());
  execute(context, call, group::cmd::CallOff{call->params["meeting"]});
}

void propose_dates(GroupContext& context, const GroupCallPtr& call) {
  decoded(context, call, proposal_from_json);
}

void answer_dates(GroupContext& context, const GroupCallPtr& call) {
  decoded(context, call, answers_from_json);
}

void choose_date(GroupContext& context, const GroupCallPtr& call) {
  decoded(context, call, choice_from_json);
}

void set_facilitator(GroupContext& context, const GroupCallPtr& call) {
  decoded(context, call, facilitator_from_json);
}

void record_follow_up(GroupContext& context, const GroupCallPtr& call) {
  decoded(context, call, follow_up_from_json);
}

} // namespace intervisie::server::meeting_resource
