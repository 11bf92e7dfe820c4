// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/case_sessions.hpp"

#include <boost/asio/post.hpp>

#include <memory>
#include <mutex>
#include <utility>

namespace intervisie::server {
namespace {

// The answers so far, shared by every session's reader; the last one to answer hands them on.
struct Gathering {
  std::mutex mutex;
  CaseSessionReads reads;
  std::size_t waiting = 0;
  boost::asio::any_io_executor then;
  std::function<void(CaseSessionReads)> done;

  void hand_on(const std::shared_ptr<Gathering>& self) {
    boost::asio::post(then, [self] { self->done(std::move(self->reads)); });
  }
};

} // namespace

void read_case_sessions(SessionRegistry& sessions, const std::vector<std::string>& session_ids,
                        boost::asio::any_io_executor then,
                        std::function<void(CaseSessionReads)> done) {
  std::vector<std::shared_ptr<LiveSession>> found;
  for (const std::string& id : session_ids)
    if (auto live = sessions.find_blocking(id))
      found.push_back(std::move(live));
  auto gathering = std::make_shared<Gathering>();
  gathering->waiting = found.size();
  gathering->then = std::move(then);
  gathering->done = std::move(done);
  if (found.empty())
    return gathering->hand_on(gathering);
  for (const auto& live : found)
    live->read_state([gathering, id = live->id()](const core::SessionState& state) {
      bool last = false;
      {
        const std::scoped_lock lock(gathering->mutex);
        gathering->reads[id] = CaseSession{state.presenter, state.phase == core::Phase::finished};
        last = --gathering->waiting == 0;
      }
      if (last)
        gathering->hand_on(gathering);
    });
}

std::vector<std::string> recent_case_sessions(const core::group::GroupState& state,
                                              core::Instant now) {
  std::vector<std::string> recent;
  for (const core::group::Case& treated : state.cases)
    if (now - treated.started_at <= live_case_horizon)
      recent.push_back(treated.session);
  return recent;
}

std::set<std::string> live_case_sessions(const core::group::GroupState& state,
                                         const CaseSessionReads& reads, core::Instant now) {
  std::set<std::string> live;
  for (const std::string& session : recent_case_sessions(state, now))
    if (const auto read = reads.find(session); read != reads.end() && !read->second.finished)
      live.insert(session);
  return live;
}

} // namespace intervisie::server
