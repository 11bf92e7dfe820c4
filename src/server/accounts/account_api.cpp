// SPDX-License-Identifier: EUPL-1.2
#include "server/accounts/account_api.hpp"

#include "core/account/account_rules.hpp"
#include "server/accounts/login_cookie.hpp"
#include "server/auth/token.hpp"
#include "server/codec/account_request_json.hpp"
#include "server/http/json_body.hpp"
#include "server/http/session_access.hpp"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>

namespace intervisie::server {

namespace http = boost::beast::http;

namespace {

std::int64_t millis(core::Instant instant) {
  return instant.time_since_epoch().count();
}

Response storage_failed(const Request& request) {
  return error_response(request, http::status::service_unavailable, "storage_failed",
                        "The store cannot be reached now; nothing was changed. Try again.");
}

Response problem(const Request& request, core::account::AccountProblem problem) {
  return error_response(request, http::status::unprocessable_entity,
                        core::account::to_string(problem), core::account::explain(problem));
}

} // namespace

boost::json::object account_json(const store::Account& account) {
  return {{"id", account.id},
          {"email", account.email},
          {"display_name", account.display_name},
          {"created_at", account.created_at_ms}};
}

AccountApi::AccountApi(store::AccountStore& accounts, AccountGroups& groups,
                       const Authenticator& authenticator, AccountConfig config,
                       bool secure_cookies, Clock clock, boost::asio::any_io_executor blocking)
    : accounts_{accounts}, groups_{groups}, authenticator_{authenticator}, config_{config},
      secure_cookies_{secure_cookies}, clock_{std::move(clock)}, blocking_{std::move(blocking)},
      logins_by_address_{config.logins_per_minute}, failed_logins_{std::max<std::size_t>(
                                                        1, config.logins_per_minute / 2)},
      accounts_by_address_{config.accounts_per_minute},
      decoy_hash_{std::async(std::launch::async, [cost = config.password_cost] {
        return hash_password(new_token(), cost).value_or("");
      })} {}

bool AccountApi::handle(Request& request, const std::vector<std::string>& segments,
                        const std::string& client_address, Respond& respond) {
  using Route = Response (AccountApi::*)(const Request&);
  const auto method = request.method();
  Route route = nullptr;
  bool with_address = false;
  if (segments == std::vector<std::string>{"api", "accounts"} && method == http::verb::post) {
    with_address = true;
  } else if (segments == std::vector<std::string>{"api", "login"} && method == http::verb::post) {
    with_address = true;
  } else if (segments == std::vector<std::string>{"api", "logout"} && method == http::verb::post) {
    route = &AccountApi::log_out;
  } else if (segments == std::vector<std::string>{"api", "me"} && method == http::verb::get) {
    route = &AccountApi::me;
  } else if (segments == std::vector<std::string>{"api", "me", "calendar-feed"} &&
             method == http::verb::post) {
    route = &AccountApi::new_calendar_feed;
  } else if (segments == std::vector<std::string>{"api", "me"} && method == http::verb::delete_) {
    boost::asio::post(blocking_,
                      [this, request = std::move(request), respond = std::move(respond)] {
                        delete_account(request, respond);
                      });
    return true;
  } else if (segments == std::vector<std::string>{"api", "me", "export"} &&
             method == http::verb::get) {
    route = &AccountApi::export_data;
  } else {
    return false;
  }
  const bool signing_up = segments[1] == "accounts";
  boost::asio::post(blocking_, [this, route, with_address, signing_up, client_address,
                                request = std::move(request), respond = std::move(respond)] {
    if (with_address)
      respond(signing_up ? sign_up(request, client_address) : log_in(request, client_address));
    else
      respond((this->*route)(request));
  });
  return true;
}

Response AccountApi::sign_up(const Request& request, const std::string& client_address) {
  if (auto allowed = authenticator_.page_allowed(request); !allowed)
    return std::move(allowed.error());
  if (!accounts_by_address_.allow(client_address, clock_()))
    return error_response(request, http::status::too_many_requests, "rate_limited",
                          "Too many new accounts from this address; wait a minute.");
  const auto body = new_account_from_json(request.body());
  if (!body)
    return bad_body(request, body.error());

  auto email = core::account::normalized_email(body->email);
  if (!email)
    return problem(request, email.error());
  auto name = core::account::display_name(body->display_name);
  if (!name)
    return problem(request, name.error());
  if (auto strong = core::account::check_password(body->password, *email); !strong)
    return problem(request, strong.error());
  auto hash = hash_password(body->password, config_.password_cost);
  if (!hash)
    return error_response(request, http::status::service_unavailable, "busy",
                          "The server is too busy to secure a password now; try again.");

  store::Account account{new_session_id(), std::move(*email), std::move(*name),
                         std::move(*hash), millis(clock_()),  0};
  if (auto created = accounts_.create_account(account); !created)
    return created.error().code == store::StoreErrorCode::conflict
               ? error_response(request, http::status::conflict, "email_taken",
                                "This e-mail address already has an account; log in instead.")
               : storage_failed(request);
  return logged_in(request, account, http::status::created);
}

Response AccountApi::log_in(const Request& request, const std::string& client_address) {
  if (auto allowed = authenticator_.page_allowed(request); !allowed)
    return std::move(allowed.error());
  const auto body = login_from_json(request.body());
  if (!body)
    return bad_body(request, body.error());
  const std::string& password = body->password;
  const auto now = clock_();
  const std::string email = core::account::normalized_email(body->email).value_or(body->email);
  // Wrong passwords are counted per e-mail address *and* client address: whoever knows someone's
  // address cannot lock its owner out by failing on purpose from elsewhere.
  const std::string attempt = email + '\n' + client_address;
  if (!logins_by_address_.allow(client_address, now) || !failed_logins_.within(attempt, now))
    return error_response(request, http::status::too_many_requests, "rate_limited",
                          "Too many login attempts; wait a minute and try again.");
  auto account = accounts_.account_by_email(email);
  if (!account)
    return storage_failed(request);
  const bool matches = *account ? password_matches((*account)->password_hash, password)
                                : (password_matches(decoy_hash_.get(), password), false);
  if (!matches) {
    failed_logins_.count(attempt, now);
    return error_response(request, http::status::unauthorized, "login_failed",
                          "This e-mail address and password do not match an account.");
  }
  return logged_in(request, **account, http::status::ok);
}

Response AccountApi::logged_in(const Request& request, const store::Account& account,
                               http::status status) {
  const std::string token = new_token();
  const auto now = clock_();
  store::Login login{
      token_hash(token), account.id, new_token(), millis(now),
      millis(now + std::chrono::duration_cast<core::Duration>(config_.login_lifetime))};
  if (auto added = accounts_.add_login(login); !added)
    return storage_failed(request);
  Response response =
      json_response(request, status,
                    boost::json::serialize(boost::json::object{{"account", account_json(account)},
                                                               {"csrf_token", login.csrf_token}}));
  response.set(http::field::set_cookie,
               login_cookie(token, config_.login_lifetime, secure_cookies_));
  return response;
}

Response AccountApi::log_out(const Request& request) {
  auto caller = authenticator_.caller(request);
  if (!caller)
    return std::move(caller.error());
  const auto everywhere_asked = logout_everywhere_from_json(request.body());
  if (!everywhere_asked)
    return bad_body(request, everywhere_asked.error());
  const bool everywhere = *everywhere_asked;
  auto removed = everywhere ? accounts_.remove_logins(caller->account.id)
                            : accounts_.remove_login(caller->login.token_hash);
  if (!removed)
    return storage_failed(request);
  // Everywhere means every way in: the calendar feed link too.
  if (everywhere && !rotate_feed(caller->account))
    return storage_failed(request);
  Response response = json_response(request, http::status::ok,
                                    boost::json::serialize(boost::json::object{
                                        {"logged_out", everywhere ? "everywhere" : "here"}}));
  response.set(http::field::set_cookie, logout_cookie(secure_cookies_));
  return response;
}

Response AccountApi::me(const Request& request) {
  auto caller = authenticator_.caller(request);
  if (!caller)
    return std::move(caller.error());
  boost::json::object about = groups_.about(caller->account);
  about["account"] = account_json(caller->account);
  about["csrf_token"] = caller->login.csrf_token;
  return json_response(request, http::status::ok, boost::json::serialize(about));
}

std::optional<store::Account> AccountApi::rotate_feed(store::Account account) {
  ++account.feed_generation;
  if (!accounts_.update_account(account))
    return std::nullopt;
  return account;
}

Response AccountApi::new_calendar_feed(const Request& request) {
  auto caller = authenticator_.caller(request);
  if (!caller)
    return std::move(caller.error());
  if (auto refused = fields_refused(request, "calendar feed"))
    return std::move(*refused);
  const auto account = rotate_feed(caller->account);
  if (!account)
    return storage_failed(request);
  return json_response(request, http::status::ok,
                       boost::json::serialize(boost::json::object{
                           {"calendar_feed_url", groups_.calendar_feed_url(*account)}}));
}

Response AccountApi::export_data(const Request& request) {
  auto caller = authenticator_.caller(request);
  if (!caller)
    return std::move(caller.error());
  boost::json::object data = groups_.exported(caller->account);
  data["account"] = account_json(caller->account);
  data["exported_at"] = millis(clock_());
  Response response = json_response(request, http::status::ok, boost::json::serialize(data));
  response.set(http::field::content_disposition,
               "attachment; filename=\"intervisie-mijn-gegevens.json\"");
  return response;
}

void AccountApi::delete_account(const Request& request, const Respond& respond) {
  auto caller = authenticator_.caller(request);
  if (!caller)
    return respond(std::move(caller.error()));
  const auto password = account_deletion_from_json(request.body());
  if (!password)
    return respond(bad_body(request, password.error()));
  // The password again: a forgotten open laptop must not be enough to erase someone.
  if (!password_matches(caller->account.password_hash, *password))
    return respond(
        error_response(request, http::status::forbidden, "password_wrong",
                       "This is not the password of this account; nothing was deleted."));
  groups_.erase(caller->account, [this, head = head_of(request), account_id = caller->account.id,
                                  respond](std::expected<void, std::string> erased) {
    if (!erased)
      return respond(
          error_response(head, http::status::service_unavailable, "storage_failed",
                         "The account could not be erased from its groups: " + erased.error()));
    if (auto deleted = accounts_.delete_account(account_id); !deleted)
      return respond(storage_failed(head));
    Response response = json_response(
        head, http::status::ok, boost::json::serialize(boost::json::object{{"deleted", true}}));
    response.set(http::field::set_cookie, logout_cookie(secure_cookies_));
    respond(std::move(response));
  });
}

} // namespace intervisie::server
