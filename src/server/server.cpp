// SPDX-License-Identifier: EUPL-1.2
#include "server/server.hpp"

#include "server/accounts/account_api.hpp"
#include "server/accounts/authenticator.hpp"
#include "server/auth/token.hpp"
#include "server/groups/account_in_groups.hpp"
#include "server/groups/feed_keys.hpp"
#include "server/groups/group_case_members.hpp"
#include "server/groups/group_context.hpp"
#include "server/groups/group_registry.hpp"
#include "server/groups/group_routes.hpp"
#include "server/groups/session_seats.hpp"
#include "server/http/api.hpp"
#include "server/http/join_code_api.hpp"
#include "server/http/listener.hpp"
#include "server/http/return_api.hpp"
#include "server/http/static_site.hpp"
#include "server/live/session_registry.hpp"
#include "server/retention/forget_api.hpp"
#include "server/retention/purge.hpp"
#include "server/retention/retention.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include <spdlog/spdlog.h>

namespace intervisie::server {
namespace {

core::Instant system_now() {
  return std::chrono::time_point_cast<core::Duration>(std::chrono::system_clock::now());
}

class RunningServer final : public Server {
public:
  RunningServer(ServerPorts ports, StaticSite site, const ServerOptions& options)
      : group_store_(std::move(ports.database)), sealing_(std::move(ports.sealing)),
        store_(std::move(ports.events)), sealed_groups_(std::move(ports.groups)),
        shared_store_(ports.shared), catalogue_(std::move(ports.methods)), site_(std::move(site)),
        dictionary_(std::move(ports.dictionary)), coach_(*dictionary_),
        registry_(io_.get_executor(), blocking_.get_executor(), *store_, catalogue_, system_now,
                  &coach_),
        api_(registry_, catalogue_, api_config(options), system_now, site_, &coach_),
        origins_{options.public_url, options.allowed_origins},
        authenticator_(*group_store_, system_now, origins_), groups_(*sealed_groups_, system_now),
        seats_(*sealed_groups_),
        feed_keys_(*group_store_), group_context_{.authenticator = authenticator_,
                                                  .groups = groups_,
                                                  .seats = seats_,
                                                  .store = *sealed_groups_,
                                                  .accounts = *group_store_,
                                                  .sessions = registry_,
                                                  .catalogue = catalogue_,
                                                  .feed_keys = feed_keys_,
                                                  .clock = system_now,
                                                  .blocking = blocking_.get_executor(),
                                                  .public_url = options.public_url},
        group_routes_(group_context_), account_groups_(group_context_),
        account_api_(*group_store_, account_groups_, authenticator_, account_config(options),
                     options.public_url.starts_with("https://"), system_now,
                     blocking_.get_executor()),
        return_api_(registry_, system_now),
        join_code_api_(registry_, system_now, options.public_url, blocking_.get_executor()),
        case_members_(groups_, seats_), retention_(options.retention_days),
        forget_api_(registry_, system_now, blocking_.get_executor()) {
    retention_.set_group_days([this](const std::string& session_id) -> std::optional<int> {
      const auto group = groups_.group_of_session(session_id);
      const auto state = group ? groups_.state(*group) : std::nullopt;
      return state ? state->retention_days : std::nullopt;
    });
    api_.set_retention(&retention_);
    group_context_.retention = &retention_;
    api_.add_routes(forget_api_);
    api_.set_case_members(&case_members_);
    return_api_.set_case_members(&case_members_);
    api_.add_routes(account_api_);
    api_.add_routes(group_routes_);
    api_.add_routes(return_api_);
    api_.add_routes(join_code_api_);
    if (shared_store_)
      join_code_api_.share_failures([this](std::int64_t window_start_ms,
                                           std::int64_t by) -> std::optional<std::int64_t> {
        auto counted = group_store_->count_in_window("failed_join_codes", window_start_ms, by);
        if (!counted)
          spdlog::error("the cluster's count of failed join codes: {}", counted.error().message);
        return counted ? std::optional{*counted} : std::nullopt;
      });
  }

  std::expected<void, std::string> listen(const ServerOptions& options) {
    // Sessions in a shared store may be served by other nodes: each is claimed here only when
    // a connection reaches it.
    if (!shared_store_) {
      const auto started = std::chrono::steady_clock::now();
      auto restored = registry_.restore_unfinished();
      if (!restored)
        return std::unexpected("could not restore the sessions: " + restored.error());
      restored_ = *restored;
      spdlog::info("restored {} unfinished sessions in {} ms", restored_,
                   std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::steady_clock::now() - started)
                       .count());
    }
    if (auto loaded = groups_.load(); !loaded)
      return std::unexpected(loaded.error());
    boost::system::error_code error;
    const auto address = boost::asio::ip::make_address(options.host, error);
    if (error)
      return std::unexpected("not an address to listen on: " + options.host);
    try {
      listener_ = std::make_shared<Listener>(
          io_, boost::asio::ip::tcp::endpoint{address, options.port}, api_,
          HttpLimits{.connections_per_address = options.connections_per_address,
                     .trusted_proxies = options.trusted_proxies},
          WebSocketLimits{});
    } catch (const boost::system::system_error& failure) {
      return std::unexpected("cannot listen on " + options.host + ":" +
                             std::to_string(options.port) + ": " + failure.code().message());
    }
    if (options.public_url.empty()) {
      const std::string url = "http://localhost:" + std::to_string(listener_->port());
      api_.set_public_url(url);
      group_context_.public_url = url;
      join_code_api_.set_public_url(url);
      origins_.public_url = url;
    }
    listener_->run();
    purge_now(); // what expired while the server was down goes first
    eviction_ = Eviction{std::chrono::seconds{options.evict_finished_after_seconds},
                         std::chrono::seconds{options.evict_unfinished_after_seconds}};
    evict_later();
    const unsigned threads =
        options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    for (unsigned i = 0; i < threads; ++i)
      threads_.emplace_back([this] { io_.run(); });
    return {};
  }

  std::uint16_t port() const override { return listener_->port(); }
  std::size_t restored_sessions() const override { return restored_; }

  void handle_signals() override {
    signals_ = std::make_unique<boost::asio::signal_set>(io_, SIGINT, SIGTERM);
    signals_->async_wait([this](boost::system::error_code error, int) {
      // stop() waits for the store to flush; an io thread must not block on that, and a
      // detached thread could outlive the server, so the stopper is joined in wait().
      if (!error)
        stopper_ = std::thread([this] { stop(); });
    });
  }

  void wait() override {
    for (std::thread& thread : threads_)
      if (thread.joinable())
        thread.join();
    // Assigned by an io thread before it called io_.stop(), so visible after the joins above.
    if (stopper_.joinable())
      stopper_.join();
  }

  void stop() override {
    std::call_once(stopped_, [this] {
      listener_->stop();
      purge_timer_.cancel();
      evict_timer_.cancel();
      blocking_.join(); // the last account and group requests finish their writes
      store_->close();  // every append already made is durable and answered before this returns
      work_guard_.reset();
      io_.stop();
    });
  }

  ~RunningServer() override {
    stop();
    wait();
  }

private:
  // Erases what the retention no longer keeps, on the blocking threads; then again in a day.
  void purge_now() {
    boost::asio::post(blocking_, [this] {
      const auto now =
          std::chrono::duration_cast<std::chrono::milliseconds>(system_now().time_since_epoch())
              .count();
      auto purged = purge(*store_, retention_, now, [this, now](const std::string& session_id) {
        return registry_.erase(session_id, now);
      });
      if (!purged)
        spdlog::error("retention: {}", purged.error());
      else if (purged->erased > 0 || !purged->failures.empty())
        spdlog::info("retention: erased the content of {} finished sessions{}", purged->erased,
                     purged->failures.empty() ? "" : "; failed: " + purged->failures.front());
    });
    purge_timer_.expires_after(std::chrono::hours{24});
    purge_timer_.async_wait([this](boost::system::error_code error) {
      if (!error)
        purge_now();
    });
  }

  // Sessions nobody uses leave memory (SessionRegistry::evict_unused), checked every minute,
  // or more often when they may leave sooner. On the blocking threads: a session's history is
  // freed there, not on a network thread.
  void evict_later() {
    const auto every = std::clamp<std::chrono::milliseconds>(
        std::min(eviction_.finished_after, eviction_.unfinished_after) / 2, std::chrono::seconds{1},
        std::chrono::minutes{1});
    evict_timer_.expires_after(every);
    evict_timer_.async_wait([this](boost::system::error_code error) {
      if (error)
        return;
      boost::asio::post(blocking_, [this] {
        if (const auto evicted = registry_.evict_unused(system_now(), eviction_); evicted > 0)
          spdlog::info("{} unused sessions left memory; {} are in memory", evicted,
                       registry_.in_memory());
      });
      evict_later();
    });
  }

  static AccountConfig account_config(const ServerOptions& options) {
    AccountConfig config;
    if (options.minimal_password_cost)
      config.password_cost = PasswordCost::minimal;
    return config;
  }

  static ApiConfig api_config(const ServerOptions& options) {
    return ApiConfig{options.public_url, options.sessions_per_minute, options.allowed_origins};
  }

  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_guard_{
      io_.get_executor()};
  // Argon2id, the group store and loading or creating a session block: two threads keep the
  // network threads free and bound the memory of concurrent password hashes (64 MiB each).
  boost::asio::thread_pool blocking_{2};
  // In this order: the sealed stores use the key ring, which keeps its keys in groups.db.
  std::unique_ptr<store::GroupsDatabase> group_store_;
  std::shared_ptr<void> sealing_;
  std::unique_ptr<store::EventStore> store_;
  std::unique_ptr<store::GroupStore> sealed_groups_;
  bool shared_store_;
  core::Catalogue catalogue_;
  StaticSite site_;
  std::unique_ptr<core::coach::VerbOracle> dictionary_;
  core::coach::Coach coach_;
  SessionRegistry registry_;
  Api api_;
  OriginPolicy origins_;
  Authenticator authenticator_;
  GroupRegistry groups_;
  SessionSeats seats_;
  FeedKeys feed_keys_;
  GroupContext group_context_;
  GroupRoutes group_routes_;
  AccountInGroups account_groups_;
  AccountApi account_api_;
  ReturnApi return_api_;
  JoinCodeApi join_code_api_;
  GroupCaseMembers case_members_;
  Retention retention_;
  ForgetApi forget_api_;
  boost::asio::steady_timer purge_timer_{io_};
  Eviction eviction_;
  boost::asio::steady_timer evict_timer_{io_};
  std::shared_ptr<Listener> listener_;
  std::unique_ptr<boost::asio::signal_set> signals_;
  std::vector<std::thread> threads_;
  std::thread stopper_;
  std::size_t restored_ = 0;
  std::once_flag stopped_;
};

} // namespace

std::expected<std::unique_ptr<Server>, std::string> Server::start(const ServerOptions& options,
                                                                  ServerPorts ports) {
  init_crypto();
  StaticSite site;
  if (!options.web_dir.empty()) {
    auto loaded = StaticSite::load(options.web_dir);
    if (!loaded)
      return std::unexpected("the web app cannot be served: " + loaded.error());
    site = std::move(*loaded);
  }
  auto server = std::make_unique<RunningServer>(std::move(ports), std::move(site), options);
  if (auto listening = server->listen(options); !listening)
    return std::unexpected(listening.error());
  return server;
}

} // namespace intervisie::server
