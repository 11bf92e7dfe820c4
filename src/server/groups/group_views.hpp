// SPDX-License-Identifier: EUPL-1.2
// A group's and a meeting's view as the answer to a route: what the caller sees now, with
// which cases are live (their sessions are asked on their own strands) and which have had
// their content erased. The answer is made in a continuation on the blocking executor once the
// sessions have said; nothing waits for them.
#pragma once

#include "server/groups/group_call.hpp"
#include "server/groups/group_context.hpp"

#include <boost/beast/http/status.hpp>

#include <functional>
#include <string>

namespace intervisie::server {

// Whether a view first records the presenters that the cases' live sessions know and the group
// does not yet (a GET of the view: the presenter is chosen in the session, not over HTTP).
enum class Presenters { as_known, learned };

// `call` has its group_id and caller set.
void answer_group_view(GroupContext& context, GroupCallPtr call, boost::beast::http::status status,
                       Presenters presenters = Presenters::as_known);
void answer_meeting_view(GroupContext& context, GroupCallPtr call, std::string meeting_id,
                         boost::beast::http::status status,
                         Presenters presenters = Presenters::as_known);

// Records the presenters the sessions of the group's cases know and the group does not yet;
// then runs `then` on the blocking executor.
void learn_presenters(GroupContext& context, const std::string& group_id,
                      std::function<void()> then);

} // namespace intervisie::server
