// SPDX-License-Identifier: EUPL-1.2
// What one client may hold open: a share of the server's connections per address, and a few live
// sockets per place. Beyond that it is turned away, and the others go on as before.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace intervisie::server::testing {
namespace {

namespace asio = boost::asio;

std::unique_ptr<asio::ip::tcp::socket> idle_connection(asio::io_context& io, std::uint16_t port) {
  auto socket = std::make_unique<asio::ip::tcp::socket>(io);
  socket->connect({asio::ip::make_address("127.0.0.1"), port});
  return socket;
}

// What the server answers to a plain request on this socket; "" when it closed without a word.
std::string ask_health(asio::ip::tcp::socket& socket) {
  boost::system::error_code error;
  asio::write(socket,
              asio::buffer(std::string("GET /healthz HTTP/1.1\r\nHost: x\r\n"
                                       "Connection: close\r\n\r\n")),
              error);
  std::string answer;
  asio::read(socket, asio::dynamic_buffer(answer), error);
  return answer;
}

TEST(ConnectionCaps, OneAddressHoldsOnlyItsShareOfConnections) {
  ServerProcess server({"--connections-per-address", "20"});
  asio::io_context io;
  std::vector<std::unique_ptr<asio::ip::tcp::socket>> held;
  for (int i = 0; i < 20; ++i)
    held.push_back(idle_connection(io, server.port()));
  // Accepted in the order they came: the twenty-first finds the twenty before it.
  auto one_too_many = idle_connection(io, server.port());
  EXPECT_EQ(ask_health(*one_too_many), "") << "turned away at the door";

  held.front()->close();
  held.erase(held.begin());
  std::string answer;
  for (int attempt = 0; attempt < 100 && !answer.starts_with("HTTP/1.1 200"); ++attempt) {
    if (attempt > 0) // the server learns of the close when it reads
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    auto again = idle_connection(io, server.port());
    answer = ask_health(*again);
  }
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200")) << "a place freed is a place to use: " << answer;
}

TEST(ConnectionCaps, APlaceIsOpenOnAFewScreensNotOnHundreds) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter"});
  const Member& pieter = m.named("Pieter");
  std::vector<std::unique_ptr<WsClient>> screens;
  for (int i = 0; i < 8; ++i) {
    screens.push_back(WsClient::connect(server.port(), live_target(m.session_id, pieter.token)));
    screens.back()->wait_for([](const Json& message) { return type_of(message) == "snapshot"; },
                             "a snapshot");
  }
  auto ninth = WsClient::connect(server.port(), live_target(m.session_id, pieter.token));
  const Json refused = ninth->wait_for(
      [](const Json& message) { return type_of(message) == "error"; }, "the refusal");
  EXPECT_EQ(field(refused, "code"), Json("too_many_connections"));
  EXPECT_TRUE(ninth->wait_closed().has_value());

  screens.front()->close();
  screens.erase(screens.begin());
  bool in = false;
  for (int attempt = 0; attempt < 100 && !in; ++attempt) {
    if (attempt > 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    auto again = WsClient::connect(server.port(), live_target(m.session_id, pieter.token));
    const Json first = again->wait_for(
        [](const Json& message) { return type_of(message) != "presence"; }, "a first message");
    in = type_of(first) == "snapshot";
  }
  EXPECT_TRUE(in) << "a screen closed is a screen to open";
  m.connect(m.named("Fenna"));
  EXPECT_EQ(field(field(m.state(m.named("Fenna")), "you"), "id"), Json(m.named("Fenna").id))
      << "other places are not touched";
}

} // namespace
} // namespace intervisie::server::testing
