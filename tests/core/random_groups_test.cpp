// SPDX-License-Identifier: EUPL-1.2
// Thousands of random group histories: random accounts (mostly members) send random commands
// (mostly ones that could make sense, some that make none) at random moments. After every
// command the group's invariants must hold and every event must fit the history before it
// (history_check); at the end, erasing a member must leave no trace of their name. Seeds are fixed
// so a failure reproduces: INTERVISIE_RANDOM_SEED=<seed> runs that one group and prints every
// command.
#include "group_driver.hpp"

#include "core/group/erasure.hpp"
#include "core/group/follow_up.hpp"
#include "core/group/history_check.hpp"
#include "core/group/participation.hpp"
#include "core/group/rotation.hpp"

#include <array>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <set>

namespace intervisie::core::group::testing {
namespace {

constexpr std::uint32_t first_seed = 20260001;
constexpr std::uint32_t group_count = 3000;
constexpr std::size_t commands_per_group = 250;

constexpr std::array<std::string_view, 18> command_names{"create_group",
                                                         "create_invitation",
                                                         "revoke_invitation",
                                                         "accept_invitation",
                                                         "leave",
                                                         "schedule_meeting",
                                                         "call_off",
                                                         "sign_up",
                                                         "cancel",
                                                         "withdraw_cancellation",
                                                         "propose_dates",
                                                         "answer_dates",
                                                         "choose_date",
                                                         "set_facilitator",
                                                         "start_case",
                                                         "record_presenter",
                                                         "record_follow_up",
                                                         "set_retention"};
static_assert(command_names.size() == std::variant_size_v<GroupCommand>);

// No name is part of another, nor of any text below, so a name found is a name left behind.
const std::array<std::string, 11> account_names{"Aafke", "Bouke",   "Cor",    "Dirkje",
                                                "Eelco", "Froukje", "Gerrit", "Hiske",
                                                "Ids",   "Jikke",   "Klaas"};
const std::vector<std::string> reasons{
    "", "Ziek.", "Op reis.", "Vergadering op het werk.", std::string(501, 'r'), "\xC3"};
const std::vector<std::string> notes{"", "Het gesprek is gevoerd.", std::string(1001, 'n'),
                                     "Nog niet aan toegekomen."};

struct Stats {
  std::map<std::string_view, std::size_t> event_kinds; // how often each kind happened
  std::set<GroupRefusalCode> refusals;
  std::size_t commands = 0;
  std::size_t accepted = 0;
  std::size_t most_members = 0;
  int failed_groups = 0;
};

class RandomGroup {
public:
  RandomGroup(std::uint32_t seed, Stats& stats, bool verbose)
      : seed_(seed), engine_(seed), stats_(stats), verbose_(verbose) {}

  void run() {
    send(account(0), cmd::CreateGroup{"Groep Noord", {"Telefoons gaan weg."}, account_names[0]});
    for (std::size_t i = 0; i < commands_per_group && !failed_; ++i) {
      pass_time();
      AccountId actor = some_actor();
      GroupCommand command = some_command(actor);
      send(actor, std::move(command));
    }
    if (!failed_)
      check_replay();
    if (!failed_)
      check_erasure();
    if (failed_)
      ++stats_.failed_groups;
  }

private:
  // --- chance ---------------------------------------------------------------------------------
  bool chance(double p) { return std::bernoulli_distribution(p)(engine_); }
  std::size_t index(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(engine_);
  }
  int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(engine_); }
  template <class T> const T& one_of(const std::vector<T>& items) {
    return items[index(items.size())];
  }

  static AccountId account(std::size_t i) { return "account-" + std::to_string(i); }
  std::size_t account_number(const AccountId& id) const {
    return static_cast<std::size_t>(std::stoul(id.substr(8)));
  }

  // --- time -----------------------------------------------------------------------------------
  void pass_time() {
    const int roll = between(0, 99);
    if (roll < 70)
      now_ += std::chrono::minutes{between(1, 30)};
    else if (roll < 88)
      now_ += std::chrono::hours{between(1, 6)};
    else if (roll < 94) {
      // To a meeting's start, so cases and follow-ups get their moment.
      std::optional<Instant> next;
      for (const Meeting& meeting : state_.meetings)
        if (meeting.starts_at > now_ && (!next || meeting.starts_at < *next))
          next = meeting.starts_at;
      if (next)
        now_ = *next + std::chrono::minutes{between(-30, 90)};
      now_ += 1min;
    } else
      now_ += std::chrono::days{between(1, 3)};
  }

  Instant some_future() { return now_ + std::chrono::hours{between(1, 24 * 21)}; }

  // --- who and what ---------------------------------------------------------------------------
  AccountId some_actor() {
    if (!state_.members.empty() && chance(0.9))
      return one_of(state_.members).account;
    return account(index(account_names.size()));
  }

  AccountId some_member() {
    if (!state_.members.empty() && chance(0.9))
      return one_of(state_.members).account;
    return account(index(account_names.size()));
  }

  template <class Wanted> MeetingId some_meeting(Wanted wanted) {
    std::vector<MeetingId> matching;
    for (const Meeting& meeting : state_.meetings)
      if (wanted(meeting))
        matching.push_back(meeting.id);
    if (!matching.empty() && chance(0.85))
      return one_of(matching);
    if (!state_.meetings.empty() && chance(0.9))
      return one_of(state_.meetings).id;
    return "meeting-" + std::to_string(meetings_made_ + 1);
  }
  MeetingId some_meeting() {
    return some_meeting([&](const Meeting& meeting) { return meeting.to_come(now_); });
  }

  InvitationId some_invitation(bool open) {
    std::vector<InvitationId> matching;
    for (const Invitation& invitation : state_.invitations)
      if (!open || invitation.status(now_) == InvitationStatus::open)
        matching.push_back(invitation.id);
    if (!matching.empty() && chance(0.9))
      return one_of(matching);
    return "invitation-" + std::to_string(invitations_made_ + (chance(0.5) ? 1 : 0));
  }

  SessionId some_case(bool with_presenter) {
    std::vector<SessionId> matching;
    for (const Case& treated : state_.cases)
      if (!with_presenter || treated.presenter)
        matching.push_back(treated.session);
    if (!matching.empty() && chance(0.9))
      return one_of(matching);
    return "session-" + std::to_string(cases_made_ + 7);
  }

  std::vector<Instant> some_dates() {
    std::vector<Instant> dates(static_cast<std::size_t>(between(chance(0.05) ? 0 : 1, 5)));
    for (Instant& date : dates)
      date = chance(0.97) ? some_future() : now_ - 1h;
    if (chance(0.03) && !dates.empty())
      dates.push_back(dates.front());
    return dates;
  }

  GroupCommand some_command(AccountId& actor) {
    const int roll = between(0, 109);
    if (roll < 1)
      return cmd::CreateGroup{"Nog een groep", {}, "Iemand"};
    if (roll < 8) {
      ++invitations_made_;
      std::optional<Instant> expires;
      if (chance(0.3))
        expires = now_ + std::chrono::days{between(-1, 40)};
      return cmd::CreateInvitation{"invitation-" + std::to_string(invitations_made_), expires};
    }
    if (roll < 10)
      return cmd::RevokeInvitation{some_invitation(false)};
    if (roll < 22) {
      std::vector<AccountId> outside;
      for (std::size_t i = 0; i < account_names.size(); ++i)
        if (!state_.is_member(account(i)))
          outside.push_back(account(i));
      if (!outside.empty() && chance(0.9))
        actor = one_of(outside);
      std::string name = account_names[account_number(actor)];
      if (chance(0.05)) // a bad name, or the name of someone in the group
        name = one_of(std::vector<std::string>{"", "\x01", std::string(61, 'x')});
      else if (chance(0.03) && !state_.members.empty())
        name = one_of(state_.members).display_name;
      return cmd::AcceptInvitation{some_invitation(true), name, chance(0.93)};
    }
    if (roll < 25) // leaving now and then, not so often that groups never fill up
      // The last members stay, so a group lives on: a group nobody is in can do nothing.
      return chance(0.4) && state_.members.size() > 2 ? GroupCommand{cmd::Leave{}}
                                                      : GroupCommand{cmd::SignUp{some_meeting()}};
    if (roll < 33) {
      ++meetings_made_;
      static const std::vector<int> lengths{20, 30, 90, 120, 120, 480, 500};
      std::string place = chance(0.7) ? "De Linde" : "";
      std::string link = chance(0.4) ? "https://meet.example/groep" : (chance(0.05) ? "zoom" : "");
      return cmd::ScheduleMeeting{"meeting-" + std::to_string(meetings_made_),
                                  chance(0.95) ? some_future() : now_ - 1h, one_of(lengths), place,
                                  link};
    }
    if (roll < 35)
      return cmd::CallOff{some_meeting()};
    if (roll < 47)
      return cmd::SignUp{some_meeting()};
    if (roll < 60)
      return cmd::Cancel{some_meeting(), one_of(reasons)};
    if (roll < 66)
      return cmd::WithdrawCancellation{
          some_meeting([&](const Meeting& meeting) { return meeting.has_cancelled(actor); })};
    const MeetingId waiting = some_meeting(
        [](const Meeting& meeting) { return meeting.status == MeetingStatus::needs_new_date; });
    const Meeting* found = state_.find_meeting(waiting);
    const auto as_rescheduler = [&] {
      if (found && found->rescheduler && chance(0.85))
        actor = *found->rescheduler;
    };
    if (roll < 73) {
      as_rescheduler();
      return cmd::ProposeDates{waiting, some_dates()};
    }
    if (roll < 82) {
      std::size_t count = found && found->proposal ? found->proposal->dates.size() : 1;
      if (chance(0.05))
        count += 1;
      std::vector<bool> suits(count);
      for (std::size_t i = 0; i < count; ++i)
        suits[i] = chance(0.6);
      return cmd::AnswerDates{waiting, suits};
    }
    if (roll < 86) {
      as_rescheduler();
      const std::size_t count = found && found->proposal ? found->proposal->dates.size() : 1;
      return cmd::ChooseDate{waiting, index(count + (chance(0.1) ? 1 : 0))};
    }
    if (roll < 90)
      return cmd::SetFacilitator{some_meeting([](const Meeting&) { return true; }), some_member()};
    if (roll < 97) {
      const MeetingId meeting = some_meeting(
          [&](const Meeting& m) { return m.starts_at - 1h <= now_ && now_ <= m.ends_at() + 1h; });
      if (const Meeting* held = state_.find_meeting(meeting);
          held && held->facilitator && chance(0.8))
        actor = *held->facilitator;
      ++cases_made_;
      return cmd::StartCase{meeting, "session-" + std::to_string(cases_made_),
                            chance(0.5) ? "incident" : "balint"};
    }
    if (roll < 103)
      return cmd::RecordPresenter{some_case(false), some_member()};
    if (chance(0.1)) {
      static constexpr std::array days{0, 1, 14, 365, 366, -1};
      return cmd::SetRetention{days[index(days.size())]};
    }
    const SessionId session = some_case(true);
    MeetingId at = some_meeting([](const Meeting&) { return true; });
    if (const Case* treated = state_.find_case(session))
      if (const Meeting* next = next_meeting(state_, treated->meeting); next && chance(0.9)) {
        at = next->id;
        if (next->facilitator && chance(0.8))
          actor = *next->facilitator;
      }
    return cmd::RecordFollowUp{at, session, one_of(notes)};
  }

  // --- what must hold -------------------------------------------------------------------------
  void send(const AccountId& actor, GroupCommand command) {
    ++stats_.commands;
    const auto decided = decide(state_, command, actor, now_);
    if (verbose_)
      std::cout << "[" << history_.size() << "] " << command_names[command.index()] << " by "
                << actor << ": " << (decided ? "ok" : std::string(to_string(decided.error().code)))
                << "\n";
    if (!decided) {
      stats_.refusals.insert(decided.error().code);
      return;
    }
    ++stats_.accepted;
    for (const GroupEvent& event : *decided) {
      ++stats_.event_kinds[kind_name(event.body)];
      if (auto fit = fits(state_, event); !fit)
        fail("an event the engine made does not fit the history: " + fit.error());
      apply(state_, event);
      history_.push_back(event);
    }
    check_invariants(command_names[command.index()]);
  }

  void fail(const std::string& what) {
    if (!failed_)
      ADD_FAILURE() << "group seed " << seed_ << " after " << history_.size() << " events: " << what
                    << "\nreproduce: INTERVISIE_RANDOM_SEED=" << seed_
                    << " core_tests --gtest_filter='RandomGroups.*'";
    failed_ = true;
  }

  void check_invariants(std::string_view after) {
    const std::string where = " (after " + std::string(after) + ")";
    stats_.most_members = std::max(stats_.most_members, state_.members.size());
    if (state_.members.size() > max_members)
      fail("more than 8 members" + where);
    if (state_.version != history_.size())
      fail("version is not the number of events" + where);
    for (const Meeting& meeting : state_.meetings) {
      auto& last_sequence = sequences_[meeting.id];
      if (meeting.sequence < last_sequence)
        fail("sequence went down for " + meeting.id + where);
      last_sequence = meeting.sequence;
      if (meeting.status == MeetingStatus::needs_new_date) {
        if (!meeting.rescheduler || !state_.is_member(*meeting.rescheduler) ||
            !meeting.has_cancelled(*meeting.rescheduler))
          fail("needs_new_date without a rescheduler who is a member and cancelled" + where);
        if (meeting.cancellations.size() < 2)
          fail("needs_new_date with fewer than two cancellations" + where);
      }
      if (meeting.status == MeetingStatus::scheduled &&
          (meeting.rescheduler || meeting.proposal || meeting.cancellations.size() >= 2))
        fail("a scheduled meeting that still looks for a new date" + where);
      std::set<AccountId> signed_up(meeting.signed_up.begin(), meeting.signed_up.end());
      if (signed_up.size() != meeting.signed_up.size())
        fail("someone is signed up twice" + where);
      for (const Cancellation& cancellation : meeting.cancellations)
        if (signed_up.contains(cancellation.member))
          fail("signed up and cancelled at once" + where);
      if (meeting.proposal)
        for (const auto& [member, suits] : meeting.proposal->answers)
          if (suits.size() != meeting.proposal->dates.size())
            fail("an answer that does not fit the proposal" + where);
      if (meeting.to_come(now_)) {
        for (const AccountId& member : meeting.signed_up)
          if (!state_.is_member(member))
            fail("a former member is signed up for a meeting to come" + where);
        if (meeting.facilitator && !state_.is_member(*meeting.facilitator))
          fail("a former member facilitates a meeting to come" + where);
      }
      if (const auto suggested = suggest_facilitator(state_, meeting.id);
          suggested && !meeting.is_signed_up(*suggested))
        fail("suggested a facilitator who is not signed up" + where);
    }
    if (participation(state_, now_).size() != state_.members.size())
      fail("participation does not list every member" + where);
    if (history_.size() % 25 == 0)
      check_replay();
  }

  void check_replay() {
    if (replay(history_) != state_)
      fail("replay of the history differs from the folded state");
  }

  // Every name and free text the history carries.
  static bool history_mentions(const std::vector<GroupEvent>& events, std::string_view text) {
    const auto has = [&](const std::string& field) {
      return field.find(text) != std::string::npos;
    };
    for (const GroupEvent& e : events) {
      const bool found = std::visit(
          [&](const auto& body) {
            bool any = false;
            if constexpr (requires { body.display_name; })
              any = any || has(body.display_name);
            if constexpr (requires { body.reason; })
              any = any || has(body.reason);
            if constexpr (requires { body.note; })
              any = any || has(body.note);
            if constexpr (requires { body.place; })
              any = any || has(body.place);
            return any;
          },
          e.body);
      if (found)
        return true;
    }
    return false;
  }

  void check_erasure() {
    std::vector<AccountId> joined;
    for (const GroupEvent& e : history_)
      if (const auto* member = std::get_if<event::MemberJoined>(&e.body))
        joined.push_back(member->member);
    const AccountId erased = one_of(joined);
    const std::vector<GroupEvent> history = erase_member(history_, erased);
    if (history_mentions(history, account_names[account_number(erased)]))
      fail("the name of " + erased + " is still in the history after erasing");
    for (const GroupEvent& e : history)
      if (const auto* cancelled = std::get_if<event::Cancelled>(&e.body);
          cancelled && e.actor == erased && !cancelled->reason.empty())
        fail("a cancellation reason of " + erased + " is still there");
    GroupState state;
    for (const GroupEvent& e : history) {
      if (auto fit = fits(state, e); !fit)
        fail("the erased history does not fit: " + fit.error());
      apply(state, e);
    }
    if (state.version != state_.version || state.members.size() != state_.members.size() ||
        state.meetings.size() != state_.meetings.size() ||
        state.cases.size() != state_.cases.size())
      fail("the erased history tells a different story");
  }

  std::uint32_t seed_;
  std::mt19937 engine_;
  Stats& stats_;
  bool verbose_;
  Instant now_ = moment(0, 9);
  GroupState state_;
  std::vector<GroupEvent> history_;
  std::map<MeetingId, std::uint32_t> sequences_;
  int invitations_made_ = 0;
  int meetings_made_ = 0;
  int cases_made_ = 0;
  bool failed_ = false;
};

TEST(RandomGroups, InvariantsHoldAfterEveryCommand) {
  std::vector<std::uint32_t> seeds;
  bool verbose = false;
  if (const char* chosen = std::getenv("INTERVISIE_RANDOM_SEED")) {
    seeds.push_back(static_cast<std::uint32_t>(std::strtoul(chosen, nullptr, 10)));
    verbose = true;
  } else {
    for (std::uint32_t i = 0; i < group_count; ++i)
      seeds.push_back(first_seed + i);
  }
  Stats stats;
  for (const std::uint32_t seed : seeds)
    RandomGroup(seed, stats, verbose).run();

  std::cout << "random groups: " << seeds.size() << ", commands: " << stats.commands
            << " (accepted " << stats.accepted << "), distinct refusals: " << stats.refusals.size()
            << ", event kinds: " << stats.event_kinds.size() << " of "
            << std::variant_size_v<GroupEventBody> << ", most members: " << stats.most_members
            << "\n";
  for (const auto& [kind, count] : stats.event_kinds)
    std::cout << "  " << kind << ": " << count << "\n";
  EXPECT_EQ(stats.failed_groups, 0) << "groups that broke an invariant";
  if (!verbose) {
    // The generator must reach far enough to test what it claims to test.
    EXPECT_EQ(stats.event_kinds.size(), std::variant_size_v<GroupEventBody>);
    EXPECT_EQ(stats.most_members, max_members);
    EXPECT_TRUE(stats.refusals.contains(GroupRefusalCode::group_full));
  }
}

} // namespace
} // namespace intervisie::core::group::testing
