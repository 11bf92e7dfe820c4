// SPDX-License-Identifier: EUPL-1.2
// What the routes read from a query string (docs/protocol.md 3.1, docs/api.md): the live
// connection's token and subscription, the report's language, the QR code's text.
#include "server/http/query_params.hpp"

#include <boost/url/parse.hpp>

#include <gtest/gtest.h>

namespace intervisie::server {
namespace {

// Each reads the parameters of `target` (its url_view lives until the call returns).
auto live(std::string_view target) {
  return live_query(boost::urls::parse_origin_form(target).value().params());
}
Language report(std::string_view target) {
  return report_language(boost::urls::parse_origin_form(target).value().params());
}
std::string qr(std::string_view target) {
  return qr_text(boost::urls::parse_origin_form(target).value().params());
}

TEST(LiveQuery, ATokenASinceALanguageAndAStream) {
  const auto query = live("/live?token=1.a%2Bb&since=12&lang=en&stream=patches");
  ASSERT_TRUE(query);
  EXPECT_EQ(query->token, "1.a+b");
  EXPECT_EQ(query->subscription.since, 12u);
  EXPECT_EQ(query->subscription.language, Language::en);
  EXPECT_EQ(query->subscription.stream, Stream::patches);
}

TEST(LiveQuery, NothingGivenIsDutchEventsFromTheStartWithoutAToken) {
  const auto query = live("/live");
  ASSERT_TRUE(query);
  EXPECT_EQ(*query, LiveQuery{});
}

TEST(LiveQuery, SinceIsASequenceNumberAndNothingElse) {
  for (const char* target : {"/live?since=-1", "/live?since=1e3", "/live?since=", "/live?since=1x",
                             "/live?since=18446744073709551616"})
    EXPECT_EQ(live(target).error(), QueryProblem::bad_since) << target;
  EXPECT_EQ(to_string(QueryProblem::bad_since), "bad_since");
  EXPECT_EQ(explain(QueryProblem::bad_since), "since must be a sequence number (0 or more).");
}

TEST(LiveQuery, TheStreamIsEventsSnapshotsOrPatches) {
  EXPECT_EQ(live("/live?stream=snapshots")->subscription.stream, Stream::snapshots);
  EXPECT_EQ(live("/live?stream=everything").error(), QueryProblem::bad_stream);
  EXPECT_EQ(explain(QueryProblem::bad_stream), "stream must be events, snapshots or patches.");
}

TEST(LiveQuery, AParameterGivenTwiceCountsAsTheLastOne) {
  const auto query = live("/live?lang=en&lang=fr&since=3&since=4&token=a&token=b");
  ASSERT_TRUE(query);
  EXPECT_EQ(query->subscription.language, Language::nl);
  EXPECT_EQ(query->subscription.since, 4u);
  EXPECT_EQ(query->token, "b");
}

TEST(LiveQuery, APlusInTheQueryIsASpaceAndAPercentTwoBIsAPlus) {
  EXPECT_EQ(live("/live?token=a+b")->token, "a b");
  EXPECT_EQ(live("/live?token=a%2Bb")->token, "a+b");
}

TEST(ReportQuery, TheReportIsInEnglishWhenAskedElseInDutch) {
  EXPECT_EQ(report("/report?lang=en"), Language::en);
  EXPECT_EQ(report("/report?lang=nl"), Language::nl);
  EXPECT_EQ(report("/report"), Language::nl);
}

TEST(QrQuery, TheTextIsDecodedAndEmptyWhenNotGiven) {
  EXPECT_EQ(qr("/api/qr.svg?text=https%3A%2F%2Fexample.nl%2Fjoin"), "https://example.nl/join");
  EXPECT_EQ(qr("/api/qr.svg"), "");
}

} // namespace
} // namespace intervisie::server
