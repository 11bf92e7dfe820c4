// SPDX-License-Identifier: EUPL-1.2
// One request on its way through a group route, from the network thread to its answer. The
// route and every continuation it leaves behind share it (GroupCallPtr): whatever answers last
// owns the request, its path and its reply, so nothing is ever read through a reference to a
// request that has gone.
#pragma once

#include "core/group/group_state.hpp"
#include "server/accounts/authenticator.hpp"
#include "server/groups/group_errors.hpp"
#include "server/http/json_body.hpp"
#include "server/http/responses.hpp"
#include "server/http/route_table.hpp"
#include "server/http/routes.hpp"
#include "server/http/session_access.hpp"

#include <boost/json/object.hpp>

#include <memory>
#include <optional>
#include <string>

namespace intervisie::server {

struct GroupCall {
  Request request;
  PathParams params; // what the route's pattern matched: "group", "meeting", "case", …
  Routes::Respond respond;
  std::optional<Caller> caller; // for routes that need a login, once checked
  std::string group_id;         // for the routes of a group or of one of its meetings
  // The group as it was when the caller's membership was checked.
  std::optional<core::group::GroupState> group;

  const core::group::AccountId& me() const { return caller->account.id; }

  void answer(Response response) const { respond(std::move(response)); }
  void answer_json(boost::beast::http::status status, const boost::json::object& body) const;
  // Answers with the error's own response: error_response for its type (group_errors.hpp,
  // AdmissionError in session_access.hpp, CodecError in json_body.hpp).
  template <class Error> void refuse(const Error& error) const {
    answer(error_response(request, error));
  }
};

using GroupCallPtr = std::shared_ptr<GroupCall>;

} // namespace intervisie::server
