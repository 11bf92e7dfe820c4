// SPDX-License-Identifier: EUPL-1.2
// Clients that send more than the server reads, five ways, each refused on its own terms
// (docs/protocol.md 3.3, HttpLimits):
// - ws message: a participant's live connection sends one 100 KiB text frame (over 64 KiB):
//   close 1009;
// - ws fragments: 68 KiB as seventeen 4 KiB fragments, each small, together too big: close 1009;
// - ws claimed length: a frame header that claims 4 GiB, then 16 bytes: close 1009 at once;
// - http head: a request head of 16 KiB (over 8 KiB): 413;
// - http body: POST /api/sessions with a 1 MiB body (over 16 KiB), all of it sent: 413.
// After the answer the client does not close: it keeps sending a byte every 250 ms, and sees
// when the server lets go of the connection.
#pragma once

#include "hostile_client.hpp"

#include <string>

namespace intervisie::load {

class Oversized final : public HostileClient {
public:
  enum class Variant { ws_message, ws_fragments, ws_claimed_length, http_head, http_body };
  static constexpr Variant variants[] = {Variant::ws_message, Variant::ws_fragments,
                                         Variant::ws_claimed_length, Variant::http_head,
                                         Variant::http_body};

  // `target`: the live path with a participant's token (for the WebSocket variants).
  Oversized(HostileContext& context, Variant variant, std::string target);

  static std::string kind_of(Variant variant);
  static std::string expected_of(Variant variant);
  static bool is_websocket(Variant variant);

protected:
  void act() override;
  bool on_received() override;

private:
  std::string too_much() const; // the act's bytes

  Variant variant_;
  std::string target_;
  std::size_t head_ = 0; // the 101 head's length, once the upgrade is through
};

} // namespace intervisie::load
