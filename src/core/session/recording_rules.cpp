// SPDX-License-Identifier: EUPL-1.2
// Recording for someone else: the facilitator or the scribe types what that person said, only for
// people without their own device (or, for the facilitator, away from it now: a phone gone flat
// must not stop the round), and only what that person may do now.
#include "core/session/decision.hpp"

namespace intervisie::core::rules {

std::expected<Contributor, Refusal> contributor(const Context& context,
                                                std::optional<ParticipantId> on_behalf_of,
                                                Recording recording) {
  if (!on_behalf_of || *on_behalf_of == context.actor)
    return Contributor{context.actor, std::nullopt};
  if (!context.is_facilitator() && !context.is_scribe())
    return refuse(RefusalCode::not_allowed_to_record);
  const Participant* target = context.state.find_participant(*on_behalf_of);
  if (!target)
    return refuse(RefusalCode::unknown_participant);
  // The scribe's flip chart (Fresh Questioning) holds everyone's questions, phone or not.
  const bool flip_chart = recording.scribe_records_anyone && context.is_scribe();
  const bool for_someone_away =
      recording.while_away && context.is_facilitator() && context.away.contains(target->id);
  if (target->has_device && !flip_chart && !for_someone_away)
    return refuse(RefusalCode::has_own_device);
  return Contributor{*on_behalf_of, context.actor};
}

RefusalCode as_recorded(RefusalCode code, const Contributor& from) {
  return from.recorded_by && code == RefusalCode::not_your_turn ? RefusalCode::not_their_turn
                                                                : code;
}

} // namespace intervisie::core::rules
