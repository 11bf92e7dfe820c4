// SPDX-License-Identifier: EUPL-1.2
// The account routes: sign up, log in, log out (here or everywhere), who am I, download my
// data, delete my account. Work that blocks (Argon2id, the store) runs on `blocking`, never on
// the network threads.
#pragma once

#include "server/accounts/account_groups.hpp"
#include "server/accounts/authenticator.hpp"
#include "server/accounts/password_hash.hpp"
#include "server/http/rate_limiter.hpp"
#include "server/http/responses.hpp"
#include "server/http/routes.hpp"
#include "store/account_store.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <functional>
#include <future>
#include <string>

namespace intervisie::server {

struct AccountConfig {
  PasswordCost password_cost = PasswordCost::interactive;
  std::chrono::seconds login_lifetime = std::chrono::hours{24 * 30};
  // Per client address; per e-mail address the limit is half, so one account is not guessed
  // from many addresses at the full rate.
  std::size_t logins_per_minute = 20;
  std::size_t accounts_per_minute = 10; // per client address
};

class AccountApi final : public Routes {
public:
  using Clock = std::function<core::Instant()>;

  AccountApi(store::AccountStore& accounts, AccountGroups& groups,
             const Authenticator& authenticator, AccountConfig config, bool secure_cookies,
             Clock clock, boost::asio::any_io_executor blocking);

  // Takes the request when it is an account route; false otherwise (nothing was answered).
  bool handle(Request& request, const std::vector<std::string>& segments,
              const std::string& client_address, Respond& respond) override;

private:
  Response sign_up(const Request& request, const std::string& client_address);
  Response log_in(const Request& request, const std::string& client_address);
  Response log_out(const Request& request);
  Response me(const Request& request);
  Response new_calendar_feed(const Request& request);
  // A new calendar feed key: the old feed link stops working (a leaked link carries call links).
  // The account as it is after, or nothing when the store failed.
  std::optional<store::Account> rotate_feed(store::Account account);
  Response export_data(const Request& request);
  // Answers through `respond`, later: erasing from the groups asks their cases' sessions.
  void delete_account(const Request& request, const Respond& respond);

  // The response of a new login: the account, its CSRF token, and the cookie.
  Response logged_in(const Request& request, const store::Account& account,
                     boost::beast::http::status status);

  store::AccountStore& accounts_;
  AccountGroups& groups_;
  const Authenticator& authenticator_;
  AccountConfig config_;
  bool secure_cookies_;
  Clock clock_;
  boost::asio::any_io_executor blocking_;
  RateLimiter logins_by_address_;
  RateLimiter failed_logins_; // per e-mail address and client address together
  RateLimiter accounts_by_address_;
  // Checked when the e-mail address is unknown, so both failures take as long. Made on a
  // thread of its own: hashing takes a fifth of a second, which a starting server need not wait.
  std::shared_future<std::string> decoy_hash_;
};

// The account as the API shows it to its owner.
boost::json::object account_json(const store::Account& account);

} // namespace intervisie::server
