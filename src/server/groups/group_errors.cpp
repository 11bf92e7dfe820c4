// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/group_errors.hpp"

#include <boost/json.hpp>

namespace intervisie::server {

namespace http = boost::beast::http;
namespace json = boost::json;
using Code = core::group::GroupRefusalCode;

std::string_view to_string(GroupRouteError error) {
  switch (error) {
  case GroupRouteError::group_unknown:
    return "group_unknown";
  case GroupRouteError::meeting_unknown:
    return "meeting_unknown";
  case GroupRouteError::feed_unknown:
    return "feed_unknown";
  case GroupRouteError::store_unreachable:
  case GroupRouteError::erase_failed:
    return "storage_failed";
  case GroupRouteError::report_not_yours:
  case GroupRouteError::forget_not_yours:
    return "not_presenter";
  case GroupRouteError::case_erased:
    return "case_erased";
  case GroupRouteError::report_not_ready:
  case GroupRouteError::forget_too_early:
    return "session_not_finished";
  }
  return "storage_failed";
}

std::string_view message_en(GroupRouteError error) {
  switch (error) {
  case GroupRouteError::group_unknown:
    return "There is no group here that you are a member of.";
  case GroupRouteError::meeting_unknown:
    return "There is no meeting here in a group of yours.";
  case GroupRouteError::feed_unknown:
    return "This calendar link is not valid.";
  case GroupRouteError::store_unreachable:
    return "The store cannot be reached now; nothing was changed. Try again.";
  case GroupRouteError::report_not_yours:
    return "Only the member who brought in a case reads what was said.";
  case GroupRouteError::forget_not_yours:
    return "Only the member who brought in a case can erase it.";
  case GroupRouteError::case_erased:
    return "The content of this case has been erased; the facts stay in the history.";
  case GroupRouteError::report_not_ready:
    return "The record is ready when the session has ended.";
  case GroupRouteError::forget_too_early:
    return "A case can be erased once the session has ended.";
  case GroupRouteError::erase_failed:
    return "The server could not erase this case; try again.";
  }
  return "";
}

http::status status_of(GroupRouteError error) {
  switch (error) {
  case GroupRouteError::group_unknown:
  case GroupRouteError::meeting_unknown:
  case GroupRouteError::feed_unknown:
    return http::status::not_found;
  case GroupRouteError::store_unreachable:
    return http::status::service_unavailable;
  case GroupRouteError::report_not_yours:
  case GroupRouteError::forget_not_yours:
    return http::status::forbidden;
  case GroupRouteError::case_erased:
    return http::status::gone;
  case GroupRouteError::report_not_ready:
  case GroupRouteError::forget_too_early:
    return http::status::conflict;
  case GroupRouteError::erase_failed:
    return http::status::internal_server_error;
  }
  return http::status::internal_server_error;
}

Response error_response(const Request& request, GroupRouteError error) {
  return error_response(request, status_of(error), to_string(error), message_en(error));
}

http::status status_of(const UnknownMethod&) {
  return http::status::unprocessable_entity;
}

Response error_response(const Request& request, const UnknownMethod& error) {
  return error_response(request, status_of(error), "unknown_method",
                        "There is no method " + error.method + ".");
}

http::status status_of(Code code) {
  switch (code) {
  case Code::no_group:
  case Code::not_member:
  case Code::meeting_unknown:
  case Code::case_unknown:
  case Code::invitation_unknown:
    return http::status::not_found;
  case Code::not_rescheduler:
  case Code::not_facilitator:
  case Code::not_scheduler_or_facilitator:
    return http::status::forbidden;
  case Code::group_full:
  case Code::group_exists:
  case Code::already_member:
  case Code::name_taken:
  case Code::invitation_used:
  case Code::invitation_expired:
  case Code::invitation_revoked:
  case Code::duplicate_invitation:
  case Code::duplicate_meeting:
  case Code::duplicate_case:
  case Code::meeting_started:
  case Code::meeting_called_off:
  case Code::already_signed_up:
  case Code::already_cancelled:
  case Code::not_cancelled:
  case Code::not_needing_new_date:
  case Code::awaiting_new_date:
  case Code::no_proposal:
  case Code::already_facilitator:
  case Code::not_meeting_time:
  case Code::presenter_already_recorded:
  case Code::follow_up_not_due:
  case Code::follow_up_already_recorded:
    return http::status::conflict;
  default:
    return http::status::unprocessable_entity;
  }
}

Response error_response(const Request& request, const core::group::GroupRefusal& refusal) {
  json::object body{{"code", core::group::to_string(refusal.code)},
                    {"message", core::group::message_en(refusal.code)},
                    {"message_nl", core::group::message_nl(refusal.code)}};
  if (!refusal.field.empty())
    body["field"] = refusal.field;
  return json_response(request, status_of(refusal.code), json::serialize(body));
}

http::status status_of(const GroupFailure& failure) {
  if (const auto* refusal = failure.refusal())
    return status_of(refusal->code);
  return http::status::service_unavailable;
}

Response error_response(const Request& request, const GroupFailure& failure) {
  if (const auto* refusal = failure.refusal())
    return error_response(request, *refusal);
  return error_response(request, status_of(failure), "storage_failed",
                        "The change could not be stored; nothing was changed. Try again.");
}

} // namespace intervisie::server
