// SPDX-License-Identifier: EUPL-1.2
// Accounts, as a person meets them: signing up logs you in, a weak password is explained, a
// login needs the right password and is rationed, every change carries the page's CSRF token,
// logging out works here or everywhere, and your data is yours to download and to delete.
#include "support/account_client.hpp"
#include "support/server_process.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <sqlite3.h>

namespace intervisie::server::testing {
namespace {

constexpr const char* good_password = "de fietsenstalling bij school";

std::string code_of(const HttpResponse& response) {
  return std::string(response.json().at("code").as_string());
}

TEST(Accounts, SigningUpLogsYouInWithAnHttpOnlyStrictCookie) {
  ServerProcess server;
  AccountClient anna{server.port()};
  const auto created = anna.sign_up(unique_email("anna"), good_password, "Anna");
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string set_cookie = created.header("Set-Cookie");
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos) << set_cookie;
  EXPECT_FALSE(anna.csrf_token().empty());

  const auto me = anna.get("/api/me");
  ASSERT_EQ(me.status, 200u) << me.body;
  EXPECT_EQ(me.json().at("account").at("display_name"), "Anna");
  EXPECT_EQ(me.json().at("groups").as_array().size(), 0u);
}

TEST(Accounts, AWeakPasswordIsExplainedAndCreatesNothing) {
  ServerProcess server;
  const std::string email = unique_email("bram");
  struct Case {
    std::string password;
    std::string code;
  };
  for (const Case& weak :
       {Case{"kort", "password_too_short"}, Case{"Wachtwoord123", "password_too_common"},
        Case{"aaaaaaaaaaaaaaa", "password_too_common"},
        Case{"ik ben " + email, "password_contains_email"}}) {
    AccountClient bram{server.port()};
    const auto refused = bram.sign_up(email, weak.password, "Bram");
    EXPECT_EQ(refused.status, 422u) << weak.password;
    EXPECT_EQ(code_of(refused), weak.code) << weak.password;
    EXPECT_FALSE(std::string(refused.json().at("message").as_string()).empty());
    EXPECT_TRUE(login_cookie_of(refused).empty());
  }
  AccountClient bram{server.port()};
  EXPECT_EQ(bram.log_in(email, "kort").status, 401u);
  EXPECT_EQ(bram.sign_up("geen-adres", good_password, "Bram").status, 422u);
  EXPECT_EQ(code_of(bram.sign_up(unique_email("bram"), good_password, "  ")), "name_empty");
  EXPECT_EQ(code_of(bram.sign_up(unique_email("bram"), good_password, std::string(61, 'x'))),
            "name_too_long");
}

TEST(Accounts, OneAccountPerAddressWhateverItsCapitals) {
  ServerProcess server;
  AccountClient first{server.port()};
  ASSERT_EQ(first.sign_up("Carla.Jansen@Example.nl", good_password, "Carla").status, 201u);
  AccountClient second{server.port()};
  const auto taken = second.sign_up("carla.jansen@example.NL ", good_password, "Carla");
  EXPECT_EQ(taken.status, 409u);
  EXPECT_EQ(code_of(taken), "email_taken");
  EXPECT_EQ(second.log_in("CARLA.JANSEN@example.nl", good_password).status, 200u);
}

TEST(Accounts, AWrongPasswordAndAnUnknownAddressFailAlike) {
  ServerProcess server;
  const std::string email = unique_email("daan");
  AccountClient daan{server.port()};
  ASSERT_EQ(daan.sign_up(email, good_password, "Daan").status, 201u);
  AccountClient stranger{server.port()};
  const auto wrong = stranger.log_in(email, "iets anders dan dat");
  const auto unknown = stranger.log_in(unique_email("niemand"), good_password);
  EXPECT_EQ(wrong.status, 401u);
  EXPECT_EQ(unknown.status, 401u);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(stranger.get("/api/me").status, 401u);
}

TEST(Accounts, LoginAttemptsAreRationedPerAddress) {
  ServerProcess server;
  const std::string email = unique_email("eva");
  AccountClient eva{server.port()};
  ASSERT_EQ(eva.sign_up(email, good_password, "Eva").status, 201u);
  AccountClient guesser{server.port()};
  unsigned last = 0;
  for (int attempt = 0; attempt < 12 && last != 429u; ++attempt)
    last = guesser.log_in(email, "gok nummer " + std::to_string(attempt)).status;
  EXPECT_EQ(last, 429u) << "guessing went on without a limit";
  const auto even_right = guesser.log_in(email, good_password);
  EXPECT_EQ(even_right.status, 429u);
  EXPECT_EQ(code_of(even_right), "rate_limited");
}

// A login from another client address (127.0.0.2: the loopback network is all this machine's),
// as raw HTTP: the status only.
unsigned log_in_from_elsewhere(std::uint16_t port, const std::string& email,
                               const std::string& password) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.open(boost::asio::ip::tcp::v4());
  socket.bind({boost::asio::ip::make_address("127.0.0.2"), 0});
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  const std::string body =
      boost::json::serialize(boost::json::object{{"email", email}, {"password", password}});
  const std::string request = "POST /api/login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                              "Content-Type: application/json\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body;
  boost::asio::write(socket, boost::asio::buffer(request));
  std::string answer;
  boost::system::error_code error;
  boost::asio::read(socket, boost::asio::dynamic_buffer(answer), error);
  return answer.size() > 12 ? static_cast<unsigned>(std::stoi(answer.substr(9, 3))) : 0u;
}

TEST(Accounts, WrongPasswordsFromElsewhereNeverLockTheOwnerOut) {
  ServerProcess server;
  const std::string email = unique_email("fleur");
  AccountClient fleur{server.port()};
  ASSERT_EQ(fleur.sign_up(email, good_password, "Fleur").status, 201u);
  unsigned last = 0;
  for (int attempt = 0; attempt < 15 && last != 429u; ++attempt)
    last = log_in_from_elsewhere(server.port(), email, "gok " + std::to_string(attempt));
  EXPECT_EQ(last, 429u) << "the one who guesses is stopped";
  EXPECT_EQ(log_in_from_elsewhere(server.port(), email, good_password), 429u)
      << "even with the right password, from where the guessing came";
  AccountClient at_home{server.port()};
  EXPECT_EQ(at_home.log_in(email, good_password).status, 200u) << "Fleur herself logs in";
}

TEST(Accounts, LoggingInRightDoesNotCountAsAFailure) {
  ServerProcess server;
  const std::string email = unique_email("gijs");
  AccountClient gijs{server.port()};
  ASSERT_EQ(gijs.sign_up(email, good_password, "Gijs").status, 201u);
  for (int time = 0; time < 12; ++time)
    ASSERT_EQ(AccountClient{server.port()}.log_in(email, good_password).status, 200u)
        << "login " << time + 1;
}

// DNS rebinding: a page on a name that the attacker points at this server sends its own name as
// Host and Origin alike. Only the public URL (and its loopback names) and --allowed-origin count.
TEST(Accounts, APageUnderAnotherNameForThisServerMayNotLogIn) {
  ServerProcess server;
  const std::string email = unique_email("hanna");
  ASSERT_EQ(AccountClient{server.port()}.sign_up(email, good_password, "Hanna").status, 201u);
  const std::string body =
      boost::json::serialize(boost::json::object{{"email", email}, {"password", good_password}});
  const std::string rebound = "rebound.example:" + std::to_string(server.port());
  const HttpResponse refused = http_request(server.port(), "POST", "/api/login", body,
                                            {{"Host", rebound}, {"Origin", "http://" + rebound}});
  EXPECT_EQ(refused.status, 403u) << refused.body;
  EXPECT_EQ(code_of(refused), "bad_origin");
  for (const std::string own : {"http://localhost:", "http://127.0.0.1:"}) {
    const HttpResponse page = http_request(server.port(), "POST", "/api/login", body,
                                           {{"Origin", own + std::to_string(server.port())}});
    EXPECT_EQ(page.status, 200u) << own << ": " << page.body;
  }
}

TEST(Accounts, EveryChangeNeedsTheCsrfTokenOfThisLogin) {
  ServerProcess server;
  AccountClient frank{server.port()};
  ASSERT_EQ(frank.sign_up(unique_email("frank"), good_password, "Frank").status, 201u);
  const auto without = frank.send("POST", "/api/logout", "{}", {});
  EXPECT_EQ(without.status, 403u);
  EXPECT_EQ(code_of(without), "csrf_failed");
  const auto wrong = frank.send("POST", "/api/logout", "{}", {{"X-CSRF-Token", "geraden"}});
  EXPECT_EQ(code_of(wrong), "csrf_failed");
  const auto foreign = frank.send(
      "POST", "/api/logout", "{}",
      {{"X-CSRF-Token", frank.csrf_token()}, {"Origin", "https://kwaadwillend.example"}});
  EXPECT_EQ(foreign.status, 403u);
  EXPECT_EQ(code_of(foreign), "bad_origin");
  EXPECT_EQ(frank.get("/api/me").status, 200u) << "a refused logout logged out";
  EXPECT_EQ(frank.post("/api/logout").status, 200u);
  EXPECT_EQ(frank.get("/api/me").status, 401u);
}

TEST(Accounts, AnotherSitesPageCannotSignUpOrLogIn) {
  ServerProcess server;
  const auto body = boost::json::serialize(boost::json::object{
      {"email", unique_email("gijs")}, {"password", good_password}, {"display_name", "Gijs"}});
  const auto refused = http_request(server.port(), "POST", "/api/accounts", body,
                                    {{"Origin", "https://kwaadwillend.example"}});
  EXPECT_EQ(refused.status, 403u);
  EXPECT_EQ(code_of(refused), "bad_origin");
}

TEST(Accounts, LoggingOutEverywhereEndsEveryLogin) {
  ServerProcess server;
  const std::string email = unique_email("hanna");
  AccountClient laptop{server.port()};
  ASSERT_EQ(laptop.sign_up(email, good_password, "Hanna").status, 201u);
  AccountClient phone{server.port()};
  AccountClient tablet{server.port()};
  ASSERT_EQ(phone.log_in(email, good_password).status, 200u);
  ASSERT_EQ(tablet.log_in(email, good_password).status, 200u);

  EXPECT_EQ(phone.post("/api/logout").status, 200u);
  EXPECT_EQ(phone.get("/api/me").status, 401u);
  EXPECT_EQ(laptop.get("/api/me").status, 200u) << "logging out here ended another login";

  const auto everywhere = tablet.post("/api/logout", {{"everywhere", true}});
  EXPECT_EQ(everywhere.status, 200u);
  EXPECT_EQ(laptop.get("/api/me").status, 401u);
  EXPECT_EQ(tablet.get("/api/me").status, 401u);
}

TEST(Accounts, PasswordsAreKeptOnlyAsArgon2idHashes) {
  ServerProcess server;
  AccountClient ilse{server.port()};
  ASSERT_EQ(ilse.sign_up(unique_email("ilse"), good_password, "Ilse").status, 201u);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2((server.data_dir() / "groups.db").c_str(), &db, SQLITE_OPEN_READONLY,
                            nullptr),
            SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT password_hash FROM accounts", -1, &statement, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  const std::string hash = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  sqlite3_finalize(statement);
  sqlite3_close(db);
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  EXPECT_EQ(hash.find(good_password), std::string::npos);
}

TEST(Accounts, AnAccountSurvivesAKill) {
  ServerProcess server;
  const std::string email = unique_email("jan");
  AccountClient jan{server.port()};
  ASSERT_EQ(jan.sign_up(email, good_password, "Jan").status, 201u);
  server.kill(9);
  server.restart();
  jan.set_port(server.port());
  EXPECT_EQ(jan.get("/api/me").status, 200u) << "the login was lost";
  AccountClient again{server.port()};
  EXPECT_EQ(again.log_in(email, good_password).status, 200u) << "the account was lost";
}

TEST(Accounts, DeletingYourAccountNeedsYourPasswordAndEndsIt) {
  ServerProcess server;
  const std::string email = unique_email("kees");
  AccountClient kees{server.port()};
  ASSERT_EQ(kees.sign_up(email, good_password, "Kees").status, 201u);
  const auto refused = kees.del("/api/me", {{"password", "niet mijn wachtwoord"}});
  EXPECT_EQ(refused.status, 403u);
  EXPECT_EQ(code_of(refused), "password_wrong");
  EXPECT_EQ(kees.get("/api/me").status, 200u);

  EXPECT_EQ(kees.del("/api/me", {{"password", good_password}}).status, 200u);
  EXPECT_EQ(kees.get("/api/me").status, 401u);
  AccountClient again{server.port()};
  EXPECT_EQ(again.log_in(email, good_password).status, 401u);
  EXPECT_EQ(again.sign_up(email, good_password, "Kees").status, 201u) << "the address stayed taken";
}

TEST(Accounts, YourDataDownloadsAsOneJsonFile) {
  ServerProcess server;
  AccountClient lies{server.port()};
  ASSERT_EQ(lies.sign_up(unique_email("lies"), good_password, "Lies").status, 201u);
  const auto exported = lies.get("/api/me/export");
  ASSERT_EQ(exported.status, 200u);
  EXPECT_NE(exported.header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(exported.json().at("account").at("display_name"), "Lies");
  EXPECT_TRUE(exported.json().as_object().contains("groups"));
  EXPECT_EQ(exported.body.find("argon2"), std::string::npos) << "the hash left the server";
}

} // namespace
} // namespace intervisie::server::testing
