// SPDX-License-Identifier: EUPL-1.2
#include "half_open.hpp"

#include "hostile_wire.hpp"

namespace intervisie::load {

using namespace std::chrono_literals;

HalfOpen::HalfOpen(HostileContext& context, Variant variant, std::string target)
    : HostileClient(context, kind_of(variant)), variant_(variant), target_(std::move(target)) {}

std::string HalfOpen::kind_of(Variant variant) {
  switch (variant) {
  case Variant::nothing_sent:
    return "half-open: nothing sent";
  case Variant::trickled_head:
    return "half-open: trickled head";
  case Variant::silent_after_upgrade:
    return "half-open: silent after upgrade";
  }
  return "half-open";
}

std::string HalfOpen::expected_of(Variant variant) {
  return variant == Variant::silent_after_upgrade ? "closed at 300 s (idle timeout)"
                                                  : "closed at 30 s (request head deadline)";
}

void HalfOpen::act() {
  upgraded_ = false;
  switch (variant_) {
  case Variant::nothing_sent:
    break;
  case Variant::trickled_head:
    write("GET /api/methods HTTP/1.1\r\nHost: " + context().host + "\r\nX-Trickle: ");
    probe("a", 5s);
    break;
  case Variant::silent_after_upgrade:
    write(upgrade_request(context().host, target_));
    break;
  }
  read();
}

bool HalfOpen::on_received() {
  if (variant_ != Variant::silent_after_upgrade || upgraded_)
    return true;
  const auto head = head_length(received());
  if (!head)
    return true;
  const auto status = response_status(received());
  if (status != 101u) {
    answered("upgrade refused: HTTP " + (status ? std::to_string(*status) : "?"));
    return true;
  }
  upgraded_ = true;
  mark_act(); // from here on, silence
  return true;
}

} // namespace intervisie::load
