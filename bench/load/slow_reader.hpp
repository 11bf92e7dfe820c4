// SPDX-License-Identifier: EUPL-1.2
// A participant's live connection that reads for a while (0 to 30 s, at random) and then stops,
// as a phone that goes into a tunnel: its receive window is a few KiB. It answers nothing but
// sends an unsolicited pong every 2 s (allowed, RFC 6455 5.5.3), so the server's idle timeout
// never ends it: only the bounded write queue can. The first pong after the server dropped it
// is reset, which is how it learns when. Then it comes back, and does it again.
#pragma once

#include "hostile_client.hpp"

#include <string>

namespace intervisie::load {

class SlowReader final : public HostileClient {
public:
  // `target`: the live path with a participant's token.
  SlowReader(HostileContext& context, std::string target);

  static constexpr const char* kind = "slow reader";

protected:
  void act() override;
  bool on_received() override;
  int receive_buffer() const override { return 4096; }
  void on_released() override;

private:
  std::string target_;
  bool upgraded_ = false;
  Clock::time_point stop_reading_at_;
};

} // namespace intervisie::load
