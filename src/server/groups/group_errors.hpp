// SPDX-License-Identifier: EUPL-1.2
// How the group routes say no. Each kind of error is its own type, and each type has one
// function for its HTTP status and one for its response: routes choose by value, never by a
// wire code. The codes and messages are the ones docs/api.md documents.
#pragma once

#include "core/group/refusal.hpp"
#include "server/groups/group_registry.hpp"
#include "server/http/responses.hpp"

#include <boost/beast/http/status.hpp>

#include <string>
#include <string_view>

namespace intervisie::server {

// What the routes themselves refuse, before or beside the group's rules.
enum class GroupRouteError {
  group_unknown,     // not a group of the caller's (404, whether it exists or not)
  meeting_unknown,   // not a meeting of a group of the caller's (404)
  feed_unknown,      // a calendar feed link that is not (or no longer) valid (404)
  store_unreachable, // the store could not be read or written (503 storage_failed)
  report_not_yours,  // the record of a case someone else presented (403 not_presenter)
  forget_not_yours,  // erasing a case someone else presented (403 not_presenter)
  case_erased,       // the case's content is gone (410)
  report_not_ready,  // the record before the session ended (409 session_not_finished)
  forget_too_early,  // erasing before the session ended (409 session_not_finished)
  erase_failed,      // the erasure could not be stored (500 storage_failed)
};

// The wire code, e.g. "not_presenter"; several errors may share one.
std::string_view to_string(GroupRouteError error);
std::string_view message_en(GroupRouteError error);
boost::beast::http::status status_of(GroupRouteError error);
Response error_response(const Request& request, GroupRouteError error);

// A case names a method the catalogue does not have (422 unknown_method).
struct UnknownMethod {
  std::string method;
};
boost::beast::http::status status_of(const UnknownMethod& error);
Response error_response(const Request& request, const UnknownMethod& error);

// The group's rules said no. Refusals about things a person cannot see are "not found"; about
// timing or someone else's state, conflicts; about who may do it, forbidden; the rest, a
// request that cannot be done as given (422). The body adds `message_nl` and `field`.
boost::beast::http::status status_of(core::group::GroupRefusalCode code);
Response error_response(const Request& request, const core::group::GroupRefusal& refusal);

// The rules said no, or the store failed (503 storage_failed).
boost::beast::http::status status_of(const GroupFailure& failure);
Response error_response(const Request& request, const GroupFailure& failure);

} // namespace intervisie::server
