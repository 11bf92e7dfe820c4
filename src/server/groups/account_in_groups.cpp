// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/account_in_groups.hpp"

#include "server/groups/calendar_feed.hpp"
#include "server/groups/case_sessions.hpp"
#include "server/groups/group_json.hpp"

#include <boost/json.hpp>

#include <utility>
#include <vector>

namespace intervisie::server {

namespace json = boost::json;

json::object AccountInGroups::about(const store::Account& account) {
  json::array groups;
  for (const std::string& id : context_.groups.groups_of(account.id))
    groups.push_back(group_summary(id, *context_.groups.state(id)));
  return json::object{{"groups", std::move(groups)},
                      {"calendar_feed_url", calendar_feed_url(account)}};
}

std::string AccountInGroups::calendar_feed_url(const store::Account& account) {
  return server::calendar_feed_url(context_, account);
}

json::object AccountInGroups::exported(const store::Account& account) {
  json::array groups;
  for (const std::string& id : context_.groups.groups_of(account.id))
    groups.push_back(member_export(id, *context_.groups.state(id), account.id));
  return json::object{{"groups", std::move(groups)}};
}

void AccountInGroups::erase(const store::Account& account, Erased done) {
  if (auto erased = context_.groups.erase(account.id); !erased)
    return done(erased);
  auto places = context_.seats.places_of(account.id);
  std::vector<std::string> sessions;
  for (const auto& place : places)
    sessions.push_back(place.first);
  // Which of its places presented its case: the sessions say, each on its own strand.
  read_case_sessions(
      context_.sessions, sessions, context_.back_to_blocking(),
      [this, account_id = account.id, places = std::move(places),
       done = std::move(done)](const CaseSessionReads& reads) {
        // Its places in live sessions end with it: its tokens answer 401 from now on. A case it
        // presented is its own story: it is erased whole, as "Vergeet deze casus" would.
        const std::int64_t now = context_.now_ms();
        for (const auto& [session_id, participant] : places) {
          const auto read = reads.find(session_id);
          const auto live =
              read != reads.end() ? context_.sessions.find_blocking(session_id) : nullptr;
          if (!live)
            continue;
          if (read->second.presenter && read->second.presenter->value == participant) {
            if (auto erased = context_.sessions.erase(session_id, now); !erased)
              return done(erased);
          } else {
            if (auto ended = live->end_place(core::ParticipantId{participant}); !ended)
              return done(std::unexpected(ended.error()));
            // Their words go too, and their name: in the others' cases they become "oud-lid".
            if (auto erased = context_.sessions.erase_participant(session_id,
                                                                  core::ParticipantId{participant});
                !erased)
              return done(erased);
          }
        }
        if (auto forgotten = context_.seats.forget(account_id); !forgotten)
          return done(std::unexpected(forgotten.error().message));
        done({});
      });
}

} // namespace intervisie::server
