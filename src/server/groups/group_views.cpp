// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/group_views.hpp"

#include "server/groups/case_sessions.hpp"
#include "server/groups/group_json.hpp"

#include <boost/json.hpp>

namespace intervisie::server {

namespace group = core::group;
namespace json = boost::json;

namespace {

std::vector<std::string> without_presenter(const group::GroupState& state) {
  std::vector<std::string> sessions;
  for (const group::Case& treated : state.cases)
    if (!treated.presenter)
      sessions.push_back(treated.session);
  return sessions;
}

// For each case whose presenter the group does not know and whose session does: the member
// who sat in that place. A refusal (the member left meanwhile) only means it stays unknown.
void record_presenters(GroupContext& context, const std::string& group_id,
                       const CaseSessionReads& reads) {
  const auto state = context.groups.state(group_id);
  if (!state)
    return;
  for (const group::Case& treated : state->cases) {
    if (treated.presenter)
      continue;
    const auto read = reads.find(treated.session);
    if (read == reads.end() || !read->second.presenter)
      continue;
    if (auto account = context.seats.account_at(treated.session, read->second.presenter->value))
      (void)context.groups.execute(group_id, group::cmd::RecordPresenter{treated.session, *account},
                                   treated.facilitator);
  }
}

// Asks the sessions of the group's recent cases (and, to learn presenters, of those without
// one), then runs `then` on the blocking executor with their answers and the time they were
// asked for.
void with_case_sessions(GroupContext& context, const std::string& group_id, Presenters presenters,
                        std::function<void(const CaseSessionReads&, core::Instant)> then) {
  const core::Instant now = context.clock();
  std::vector<std::string> asked;
  if (const auto state = context.groups.state(group_id)) {
    asked = recent_case_sessions(*state, now);
    if (presenters == Presenters::learned)
      for (std::string& session : without_presenter(*state))
        asked.push_back(std::move(session));
  }
  read_case_sessions(
      context.sessions, asked, context.back_to_blocking(),
      [&context, group_id, presenters, now, then = std::move(then)](const CaseSessionReads& reads) {
        if (presenters == Presenters::learned)
          record_presenters(context, group_id, reads);
        then(reads, now);
      });
}

// Marks each case of a view that has had its content erased, and adds the group's retention.
void add_erasure_facts(const GroupContext& context, json::object& view,
                       const group::GroupState& state, bool group_itself) {
  if (auto* cases = view.if_contains("cases"); cases && cases->is_array())
    for (json::value& seen : cases->get_array())
      if (auto* one = seen.if_object())
        if (const auto* id = one->if_contains("session_id"); id && id->is_string())
          (*one)["erased"] = context.sessions.erased(std::string{id->get_string()});
  if (group_itself) {
    view["retention_days"] = state.retention_days.value_or(
        context.retention != nullptr ? context.retention->server_days() : 30);
    view["retention_is_default"] = !state.retention_days.has_value();
  }
}

} // namespace

void answer_group_view(GroupContext& context, GroupCallPtr call, boost::beast::http::status status,
                       Presenters presenters) {
  const std::string group_id = call->group_id;
  with_case_sessions(
      context, group_id, presenters,
      [&context, call = std::move(call), status](const CaseSessionReads& reads, core::Instant now) {
        const auto state = context.groups.state(call->group_id);
        if (!state)
          return call->refuse(GroupRouteError::group_unknown);
        json::object view = group_view(call->group_id, *state, call->me(), now,
                                       live_case_sessions(*state, reads, now));
        add_erasure_facts(context, view, *state, true);
        call->answer_json(status, view);
      });
}

void answer_meeting_view(GroupContext& context, GroupCallPtr call, std::string meeting_id,
                         boost::beast::http::status status, Presenters presenters) {
  const std::string group_id = call->group_id;
  with_case_sessions(context, group_id, presenters,
                     [&context, call = std::move(call), meeting_id = std::move(meeting_id),
                      status](const CaseSessionReads& reads, core::Instant now) {
                       const auto state = context.groups.state(call->group_id);
                       const group::Meeting* meeting =
                           state ? state->find_meeting(meeting_id) : nullptr;
                       if (meeting == nullptr)
                         return call->refuse(GroupRouteError::meeting_unknown);
                       json::object view =
                           meeting_view(call->group_id, *state, *meeting, call->me(), now,
                                        live_case_sessions(*state, reads, now));
                       add_erasure_facts(context, view, *state, false);
                       call->answer_json(status, view);
                     });
}

void learn_presenters(GroupContext& context, const std::string& group_id,
                      std::function<void()> then) {
  const auto state = context.groups.state(group_id);
  read_case_sessions(context.sessions,
                     state ? without_presenter(*state) : std::vector<std::string>{},
                     context.back_to_blocking(),
                     [&context, group_id, then = std::move(then)](const CaseSessionReads& reads) {
                       record_presenters(context, group_id, reads);
                       then();
                     });
}

} // namespace intervisie::server
