// SPDX-License-Identifier: EUPL-1.2
// The HTTP API of DESIGN.md: health, the method catalogue, creating and joining sessions, and
// authorizing the upgrade to a live connection.
#pragma once

#include "core/method/catalogue.hpp"
#include "server/http/case_members.hpp"
#include "server/http/rate_limiter.hpp"
#include "server/http/responses.hpp"
#include "server/http/routes.hpp"
#include "server/http/static_site.hpp"
#include "server/live/session_registry.hpp"
#include "server/retention/retention.hpp"

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace intervisie::server {

struct ApiConfig {
  std::string public_url;                   // where people reach this server, for join links
  std::size_t sessions_per_minute = 30;     // per client address
  std::vector<std::string> allowed_origins; // besides the server's own
  // Hints while typing: a group behind one NAT address types together, a few calls a second.
  std::size_t coach_checks_per_minute = 3000;
};

// Where a live connection goes, once its token has been checked.
struct LiveTarget {
  std::shared_ptr<LiveSession> live;
  Seat seat;
  Subscription subscription;
};

class Api {
public:
  using Respond = std::function<void(Response)>;

  // `site` is the web app; it must outlive the Api (it may be empty: API only).
  // `coach` checks texts for POST /api/coach; null: that route answers 503.
  Api(SessionRegistry& registry, const core::Catalogue& catalogue, ApiConfig config,
      LiveSession::Clock clock, const StaticSite& site, const core::coach::Coach* coach = nullptr);

  // More routes (accounts, groups), asked in order before the Api's own; they must outlive it.
  // Call before the first request.
  void add_routes(Routes& routes) { more_routes_.push_back(&routes); }

  // Set once the port is known, before the first request.
  void set_public_url(std::string url) { config_.public_url = std::move(url); }
  // Who may not join a group's case by typing a name (set once, before the first request).
  void set_case_members(const CaseMembers* members) { case_members_ = members; }
  // How long records are kept, for the record's `kept_until` (set once, before the first request).
  void set_retention(const Retention* retention) { retention_ = retention; }

  // Answers a plain request; `respond` may run later, on another thread.
  void handle(Request request, const std::string& client_address, Respond respond);

  // For a WebSocket upgrade: the session and participant, or the response that refuses it, to
  // `done`: at once, or on a blocking thread once the session is loaded from the store.
  using Authorized = std::function<void(std::expected<LiveTarget, Response>)>;
  void authorize_live(const Request& request, Authorized done);

private:
  // What an upgrade asks for, read from its target; the session not looked up yet.
  struct AskedLiveTarget {
    std::string session_id;
    std::string token;
    Subscription subscription;
  };
  std::expected<AskedLiveTarget, Response> live_target(const Request& request) const;
  static void answer_invitation(LiveSession& live, const Request& head, Respond respond);
  void answer_report(LiveSession& live, const Request& head, core::ParticipantId reader,
                     Language language, Respond respond);

  void create_session(const Request& request, const std::string& client_address, Respond respond);
  void join_session(const Request& request, const std::string& session_id, Respond respond);
  void report(const Request& request, const std::string& session_id, Respond respond);
  void invitation(const Request& request, const std::string& session_id, Respond respond);
  Response qr_code(const Request& request) const;
  Response coach(const Request& request, const std::string& client_address);
  Response page(const Request& request, std::string_view path) const;
  bool origin_allowed(const Request& request) const;

  SessionRegistry& registry_;
  std::string catalogue_json_; // serialised once: it never changes while the server runs
  ApiConfig config_;
  LiveSession::Clock clock_;
  RateLimiter session_creation_;
  const StaticSite& site_;
  const core::coach::Coach* coach_;
  RateLimiter coach_checks_;
  std::vector<Routes*> more_routes_;
  const CaseMembers* case_members_ = nullptr;
  const Retention* retention_ = nullptr;
};

} // namespace intervisie::server
