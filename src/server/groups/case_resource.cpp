// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/case_resource.hpp"

#include "core/report/presenter_record.hpp"
#include "server/codec/group_request_json.hpp"
#include "server/codec/report_json.hpp"
#include "server/codec/request_body.hpp"
#include "server/groups/group_views.hpp"
#include "server/live/created_session_json.hpp"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>
#include <spdlog/spdlog.h>

namespace intervisie::server::case_resource {

namespace http = boost::beast::http;
namespace group = core::group;
namespace json = boost::json;
using Code = group::GroupRefusalCode;

namespace {

// The place the caller held in the case `{case}` of the group, when they presented it;
// otherwise answers (case_unknown, or `not_yours`) and gives none. Call once the group has
// learned its presenters.
std::optional<core::ParticipantId> presenters_place(GroupContext& context, const GroupCall& call,
                                                    GroupRouteError not_yours) {
  const auto state = context.groups.state(call.group_id);
  const std::string& session_id = call.params["case"];
  const group::Case* treated = state ? state->find_case(session_id) : nullptr;
  if (treated == nullptr) {
    call.refuse(group::GroupRefusal{Code::case_unknown});
    return std::nullopt;
  }
  const auto place = context.seats.place_of(session_id, call.me());
  if (!treated->presenter || *treated->presenter != call.me() || !place) {
    call.refuse(not_yours);
    return std::nullopt;
  }
  return core::ParticipantId{*place};
}

} // namespace

void start(GroupContext& context, const GroupCallPtr& call) {
  auto wanted = new_case_from_json(call->request.body());
  if (!wanted)
    return call->refuse(wanted.error());
  if (context.catalogue.find(wanted->method) == nullptr)
    return call->refuse(UnknownMethod{wanted->method});
  const std::string meeting_id = call->params["meeting"];
  // Ask the group first, so no live session is made for a case the rules do not allow.
  if (auto allowed = context.groups.check(
          call->group_id, group::cmd::StartCase{meeting_id, "check", wanted->method}, call->me());
      !allowed)
    return call->refuse(allowed.error());
  const auto state = context.groups.state(call->group_id);
  if (wanted->title.empty())
    wanted->title = state->name;
  const std::string name = state->find_member(call->me())->display_name;
  context.sessions.create(
      NewSessionRequest{wanted->method, wanted->title, name, wanted->facilitator_takes_turns},
      [&context, call, meeting_id, method = wanted->method,
       then = context.back_to_blocking()](std::expected<CreatedSession, AdmissionError> created) {
        boost::asio::post(then, [&context, call, meeting_id, method, created = std::move(created)] {
          if (!created)
            return call->refuse(created.error());
          if (auto started = context.groups.execute(
                  call->group_id, group::cmd::StartCase{meeting_id, created->session_id, method},
                  call->me());
              !started)
            return call->refuse(started.error());
          if (!context.seats.record({created->session_id, created->facilitator.value, call->me()}))
            return call->refuse(GroupRouteError::store_unreachable);
          call->answer_json(http::status::created,
                            created_session_json(*created, context.public_url));
        });
      });
}

void join(GroupContext& context, const GroupCallPtr& call) {
  if (auto none = no_fields_from_json(call->request.body(), "cases"); !none)
    return call->refuse(none.error());
  const std::string& meeting_id = call->params["meeting"];
  const std::string session_id = call->params["case"];
  const group::GroupState& state = *call->group;
  const group::Case* treated = state.find_case(session_id);
  auto live = treated != nullptr && treated->meeting == meeting_id
                  ? context.sessions.find_blocking(session_id)
                  : nullptr;
  if (!live)
    return call->refuse(group::GroupRefusal{Code::case_unknown});
  const std::string name = state.find_member(call->me())->display_name;
  auto seated = [&context, call, session_id, then = context.back_to_blocking()](
                    std::expected<Admission, AdmissionError> admission) {
    boost::asio::post(then, [&context, call, session_id, admission = std::move(admission)] {
      if (!admission)
        return call->refuse(admission.error());
      if (!context.seats.record({session_id, admission->participant.value, call->me()}))
        return call->refuse(GroupRouteError::store_unreachable);
      call->answer_json(http::status::created,
                        json::object{{"session_id", session_id},
                                     {"participant_id", admission->participant.value},
                                     {"token", admission->token},
                                     {"live_url", "/api/sessions/" + session_id + "/live"}});
    });
  };
  // Coming back needs no one to vouch: the account is the proof (a proven return).
  auto returned = [seated](std::expected<ReturnTicket, AdmissionError> ticket) {
    if (!ticket)
      return seated(std::unexpected(ticket.error()));
    seated(Admission{ticket->participant, ticket->token});
  };
  // A member who already has a seat in this session takes it back, on this device, at once.
  if (const auto place = context.seats.place_of(session_id, call->me()))
    return live->request_return(core::ParticipantId{*place}, true, returned);
  // A member whom the facilitator added by name (no device) takes over that place likewise.
  live->admit(name,
              [live, name, seated, returned](std::expected<Admission, AdmissionError> admission) {
                if (!admission && admission.error().is(core::RefusalCode::place_without_device))
                  return live->claim_place(name, true, returned);
                seated(std::move(admission));
              });
}

void report(GroupContext& context, const GroupCallPtr& call) {
  learn_presenters(context, call->group_id, [&context, call] {
    const auto place = presenters_place(context, *call, GroupRouteError::report_not_yours);
    if (!place)
      return;
    const std::string& session_id = call->params["case"];
    if (context.sessions.erased(session_id))
      return call->refuse(GroupRouteError::case_erased);
    auto live = context.sessions.find_blocking(session_id);
    if (!live)
      return call->refuse(group::GroupRefusal{Code::case_unknown});
    answer_report(call, *live, *place, context.retention);
  });
}

void forget(GroupContext& context, const GroupCallPtr& call) {
  learn_presenters(context, call->group_id, [&context, call] {
    const auto place = presenters_place(context, *call, GroupRouteError::forget_not_yours);
    if (!place)
      return;
    const std::string& session_id = call->params["case"];
    if (context.sessions.erased(session_id))
      return call->answer_json(http::status::ok, json::object{{"erased", true}});
    auto live = context.sessions.find_blocking(session_id);
    if (!live)
      return call->refuse(group::GroupRefusal{Code::case_unknown});
    erase_when_finished(context, call, *live, *place);
  });
}

void answer_report(GroupCallPtr call, LiveSession& live, core::ParticipantId presenter,
                   const Retention* retention) {
  const auto language = call->request.target().find("lang=en") != std::string_view::npos
                            ? Language::en
                            : Language::nl;
  live.read_state([call = std::move(call), presenter, language, retention,
                   session_id = live.id()](const core::SessionState& session) {
    auto record = core::presenter_record(session, presenter);
    if (!record)
      return call->refuse(GroupRouteError::report_not_ready);
    std::optional<std::int64_t> kept_until;
    if (retention != nullptr && record->finished_at)
      kept_until =
          retention->kept_until_ms(session_id, record->finished_at->time_since_epoch().count());
    call->answer_json(http::status::ok, record_to_json(*record, language, kept_until));
  });
}

void erase_when_finished(GroupContext& context, GroupCallPtr call, LiveSession& live,
                         core::ParticipantId presenter) {
  live.read_state([&context, call = std::move(call), presenter, session_id = live.id(),
                   then = context.back_to_blocking()](const core::SessionState& session) {
    if (!core::presenter_record(session, presenter))
      return call->refuse(GroupRouteError::forget_too_early);
    boost::asio::post(then, [&context, call, session_id] {
      if (auto erased = context.sessions.erase(session_id, context.now_ms()); !erased) {
        spdlog::error("{}", erased.error());
        return call->refuse(GroupRouteError::erase_failed);
      }
      call->answer_json(http::status::ok, json::object{{"erased", true}});
    });
  });
}

} // namespace intervisie::server::case_resource
