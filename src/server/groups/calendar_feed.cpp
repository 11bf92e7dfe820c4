// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/calendar_feed.hpp"

#include "server/auth/token.hpp"
#include "server/calendar/ics.hpp"
#include "server/groups/calendar_response.hpp"
#include "server/groups/meeting_calendar.hpp"

namespace intervisie::server {

void calendar_feed(GroupContext& context, const GroupCallPtr& call) {
  const std::string& file = call->params["feed"];
  if (!file.ends_with(".ics"))
    return call->refuse(GroupRouteError::feed_unknown);
  auto account = context.accounts.account(call->params["account"]);
  if (!account)
    return call->refuse(GroupRouteError::store_unreachable);
  const std::string given = file.substr(0, file.size() - 4);
  // An unknown account costs what a known one costs: a key is made either way.
  const std::string expected =
      *account ? context.feed_keys.key_of(**account) : context.feed_keys.key_of(store::Account{});
  if (!*account || expected.empty() || !same_secret(given, expected))
    return call->refuse(GroupRouteError::feed_unknown);
  std::vector<calendar::CalendarEvent> events;
  for (const std::string& group_id : context.groups.groups_of((*account)->id)) {
    const auto state = context.groups.state(group_id);
    for (const core::group::Meeting& meeting : state->meetings)
      events.push_back(meeting_event(
          *state, meeting, context.public_url + "/bijeenkomst/" + meeting.id, context.clock()));
  }
  call->answer(calendar_response(call->request, calendar::calendar_feed("Intervisie", events),
                                 "intervisie.ics"));
}

std::string calendar_feed_url(GroupContext& context, const store::Account& account) {
  return context.public_url + "/api/calendar/" + account.id + "/" +
         context.feed_keys.key_of(account) + ".ics";
}

} // namespace intervisie::server
