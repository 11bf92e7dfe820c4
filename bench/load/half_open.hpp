// SPDX-License-Identifier: EUPL-1.2
// Connections that go quiet, at three moments, as phones that lose their network or programs
// that open sockets and forget them do. Each is closed only by one of the server's timeouts:
// - nothing sent: connected, not a byte (the 30 s limit on reading a request head);
// - trickled head: part of a request head, then one more byte every 5 s and never the blank
//   line, the "slowloris" way to keep a reader waiting (the same 30 s: a deadline, not an idle
//   timer);
// - silent after upgrade: a participant's live connection that, once upgraded, never sends a
//   byte or answers a ping (the 300 s idle timeout, with a ping at 150 s). It sits in a quiet
//   session, and its kernel still takes the snapshot and the pings.
// A peer that vanishes without a FIN cannot be made on loopback without privileges (its kernel
// would stop acknowledging too); in a quiet session the server sees the same as of the third
// kind: a few bytes unanswered, then nothing.
#pragma once

#include "hostile_client.hpp"

#include <string>

namespace intervisie::load {

class HalfOpen final : public HostileClient {
public:
  enum class Variant { nothing_sent, trickled_head, silent_after_upgrade };
  static constexpr Variant variants[] = {Variant::nothing_sent, Variant::trickled_head,
                                         Variant::silent_after_upgrade};

  // `target`: the live path with a participant's token (for silent_after_upgrade).
  HalfOpen(HostileContext& context, Variant variant, std::string target);

  static std::string kind_of(Variant variant);
  static std::string expected_of(Variant variant);

protected:
  void act() override;
  bool on_received() override;

private:
  Variant variant_;
  std::string target_;
  bool upgraded_ = false;
};

} // namespace intervisie::load
