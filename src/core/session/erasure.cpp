// SPDX-License-Identifier: EUPL-1.2
#include "core/session/erasure.hpp"
#include "core/overloaded.hpp"

#include <map>

namespace intervisie::core {

std::vector<Event> erase_participant(std::vector<Event> history, ParticipantId participant) {
  // Question and advice ids are given in order of asking and giving (apply.cpp).
  std::map<std::uint32_t, ParticipantId> askers;
  std::map<std::uint32_t, ParticipantId> advisers;
  std::uint32_t advice_given = 0;
  const auto by_them = [&](ParticipantId author, const std::optional<ParticipantId>& recorded_by) {
    return author == participant && (!recorded_by || *recorded_by == participant);
  };
  for (Event& event : history) {
    std::visit(Overloaded{
                   [&](event::ParticipantJoined& e) {
                     if (e.participant == participant)
                       e.name = erased_participant_name;
                   },
                   [&](event::ParticipantAdded& e) {
                     if (e.participant == participant)
                       e.name = erased_participant_name;
                   },
                   [&](event::DisturbanceRaised& e) {
                     if (event.actor == participant)
                       e.text.clear();
                   },
                   [&](event::IssueProposed& e) {
                     if (by_them(e.owner, e.recorded_by))
                       e.text.clear();
                   },
                   [&](event::QuestionAsked& e) {
                     askers[e.question.value] = e.asker;
                     if (by_them(e.asker, e.recorded_by))
                       e.text.clear();
                   },
                   [&](event::ObservationAdded& e) {
                     if (by_them(e.author, e.recorded_by))
                       e.text.clear();
                   },
                   [&](event::AdviceGiven& e) {
                     advisers[++advice_given] = e.adviser;
                     if (by_them(e.adviser, e.recorded_by))
                       e.text.clear();
                   },
                   [&](event::DraftWritten& e) {
                     if (e.author == participant)
                       e.text.clear();
                   },
                   [&](event::AdviceShared& e) {
                     if (e.adviser == participant) {
                       e.draft.clear();
                       e.essence.clear();
                     }
                   },
                   [&](event::ClosingRemarkMade& e) {
                     if (by_them(e.author, e.recorded_by))
                       e.text.clear();
                   },
                   [&](event::NoteAdded& e) {
                     if (e.author == participant)
                       e.text.clear();
                   },
                   [&](event::KeyPointNoted& e) {
                     const auto& speakers = e.question ? askers : advisers;
                     const auto speaker = speakers.find(e.question ? e.question->value
                                                        : e.advice ? e.advice->value
                                                                   : 0);
                     const bool theirs =
                         speaker != speakers.end() && speaker->second == participant;
                     const bool noted_by_them =
                         e.recorded_by ? *e.recorded_by == participant : theirs;
                     if (theirs || noted_by_them)
                       e.text.clear();
                   },
                   [](auto&) {},
               },
               event.body);
  }
  return history;
}

} // namespace intervisie::core
