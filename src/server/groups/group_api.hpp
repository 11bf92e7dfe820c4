// SPDX-License-Identifier: EUPL-1.2
// The group routes: groups, invitations, meetings (sign up, cancel, a new date), facilitators,
// cases in live sessions, follow-up, history and calendars. Every route answers only members
// of the group concerned; to anyone else a group, meeting or case does not exist (404), so
// not even its existence leaks. Work runs on `blocking`, never on the network threads.
#pragma once

#include "core/method/catalogue.hpp"
#include "server/accounts/account_groups.hpp"
#include "server/accounts/authenticator.hpp"
#include "server/groups/group_registry.hpp"
#include "server/groups/session_seats.hpp"
#include "server/http/routes.hpp"
#include "server/live/session_registry.hpp"
#include "server/retention/retention.hpp"
#include "store/account_store.hpp"

#include <boost/asio/any_io_executor.hpp>

namespace intervisie::server {

class GroupApi final : public Routes, public AccountGroups {
public:
  using Clock = std::function<core::Instant()>;

  GroupApi(GroupRegistry& groups, SessionSeats& seats, store::GroupStore& store,
           store::AccountStore& accounts, const Authenticator& authenticator,
           SessionRegistry& sessions, const core::Catalogue& catalogue, std::string public_url,
           Clock clock, boost::asio::any_io_executor blocking);

  void set_public_url(std::string url) { public_url_ = std::move(url); }
  // How long records are kept (set once, before the first request).
  void set_retention(const Retention* retention) { retention_ = retention; }

  bool handle(Request& request, const std::vector<std::string>& segments,
              const std::string& client_address, Respond& respond) override;

  boost::json::object about(const store::Account& account) override;
  std::string calendar_feed_url(const store::Account& account) override;
  boost::json::object exported(const store::Account& account) override;
  std::expected<void, std::string> erase(const store::Account& account) override;

  // The secret part of an account's calendar feed link (keyed BLAKE2b of its id and generation).
  std::string feed_key(const store::Account& account);

private:
  struct Call; // one request on its way through a route

  void route(Call& call);
  void group_routes(Call& call, const std::string& group_id);
  void meeting_routes(Call& call, const std::string& meeting_id);
  void invitation_routes(Call& call, const std::string& token);
  void calendar_feed(Call& call);

  void start_case(Call& call, const std::string& group_id, const std::string& meeting_id);
  void join_case(Call& call, const std::string& group_id, const std::string& meeting_id,
                 const std::string& session_id);
  // The place the caller held in a case of the group they presented; otherwise answers
  // (case_unknown, or not_presenter with this message) and gives none.
  std::optional<std::uint32_t> presenters_place(Call& call, const std::string& group_id,
                                                const std::string& session_id,
                                                std::string_view not_presenter);
  void case_report(Call& call, const std::string& group_id, const std::string& session_id);
  // "Vergeet deze casus" from the group: the member who presented it erases its content.
  void forget_case(Call& call, const std::string& group_id, const std::string& session_id);

  // Cases whose live session has chosen its presenter learn which member that is.
  void learn_presenters(const std::string& group_id);

  // The group's and a meeting's view as `viewer` sees them now, saying which cases are live.
  boost::json::object group_view_for(const std::string& group_id, const std::string& viewer);
  boost::json::object meeting_view_for(const std::string& group_id, const std::string& meeting_id,
                                       const std::string& viewer);

  // Marks each case of a view that has had its content erased, and adds the group's retention.
  void add_erasure_facts(boost::json::object& view, const core::group::GroupState& state,
                         bool group_itself) const;

  GroupRegistry& groups_;
  SessionSeats& seats_;
  store::GroupStore& store_;
  store::AccountStore& accounts_;
  const Authenticator& authenticator_;
  SessionRegistry& sessions_;
  const core::Catalogue& catalogue_;
  const Retention* retention_ = nullptr;
  std::string public_url_;
  Clock clock_;
  boost::asio::any_io_executor blocking_;
  std::string feed_secret_; // loaded on first use
  std::mutex feed_secret_mutex_;
};

} // namespace intervisie::server
