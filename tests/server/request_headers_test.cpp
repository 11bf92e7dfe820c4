// SPDX-License-Identifier: EUPL-1.2
// The headers the server reads itself: whom a request speaks for behind a trusted proxy
// (X-Real-IP), and the bearer token of the Authorization header.
#include "server/http/bearer_token.hpp"
#include "server/http/client_address.hpp"

#include <gtest/gtest.h>

namespace intervisie::server {
namespace {

namespace http = boost::beast::http;

const std::vector<std::string> proxies{"10.0.0.2"};

Request with(std::string_view name, std::string_view value) {
  Request request{http::verb::get, "/", 11};
  request.insert(name, value);
  return request;
}

TEST(ClientAddress, ATrustedProxyNamesTheClientByItsAddress) {
  EXPECT_EQ(client_address(with("X-Real-IP", "192.0.2.1"), "10.0.0.2", proxies), "192.0.2.1");
  EXPECT_EQ(client_address(with("X-Real-IP", "2001:db8::1"), "10.0.0.2", proxies), "2001:db8::1");
}

TEST(ClientAddress, WhatIsNotAnAddressLeavesTheProxysOwn) {
  for (const char* claimed : {"", "unknown", "192.0.2.1, 10.0.0.9", "999.1.1.1", "192.0.2.1:80"})
    EXPECT_EQ(client_address(with("X-Real-IP", claimed), "10.0.0.2", proxies), "10.0.0.2")
        << claimed;
  EXPECT_EQ(client_address(Request{}, "10.0.0.2", proxies), "10.0.0.2");
}

TEST(ClientAddress, AnyoneElsesXRealIpIsIgnored) {
  EXPECT_EQ(client_address(with("X-Real-IP", "192.0.2.1"), "198.51.100.4", proxies),
            "198.51.100.4");
  EXPECT_EQ(client_address(with("X-Real-IP", "192.0.2.1"), "10.0.0.2", {}), "10.0.0.2");
}

TEST(BearerToken, TheTokenIsWhatFollowsBearer) {
  EXPECT_EQ(bearer_token(with("Authorization", "Bearer 1.aH0G9")), "1.aH0G9");
  EXPECT_EQ(bearer_token(with("Authorization", "Basic YTpi")), "");
  EXPECT_EQ(bearer_token(with("Authorization", "bearer 1.a")), "");
  EXPECT_EQ(bearer_token(Request{}), "");
}

} // namespace
} // namespace intervisie::server
