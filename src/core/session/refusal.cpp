// SPDX-License-Identifier: EUPL-1.2
#include "core/session/refusal.hpp"

namespace intervisie::core {
namespace {

struct RefusalText {
  std::string_view code;
  std::string_view nl;
  std::string_view en;
};

// One entry per RefusalCode, in the order of the enum.
constexpr RefusalText refusal_texts[] = {
    {"unknown_participant", "Deze deelnemer hoort niet bij deze sessie.",
     "This participant is not part of this session."},
    {"not_allowed_for_role", "Dat past niet bij jouw rol in deze sessie.",
     "That is not for your role in this session."},
    {"not_your_turn", "Je bent nu niet aan de beurt; bewaar het voor je volgende beurt.",
     "It is not your turn now; keep it for your next turn."},
    {"not_their_turn", "Die persoon is nu niet aan de beurt.",
     "That person does not hold the turn now."},
    {"presenter_listens", "In deze stap luistert de inbrenger alleen.",
     "In this step the presenter only listens."},
    {"not_started", "De sessie is nog niet begonnen.", "The session has not started yet."},
    {"already_started", "De sessie is al begonnen.", "The session has already started."},
    {"session_finished", "Deze sessie is afgerond.", "This session has finished."},
    {"wrong_step", "Dat hoort niet bij deze stap.", "That does not belong to this step."},
    {"step_not_complete", "Deze stap is nog niet af; daarna kan de volgende beginnen.",
     "This step is not done yet; the next one can begin after that."},
    {"step_rule_not_met",
     "De afspraak van deze stap is nog niet rond. Bevestig als je toch verder wilt.",
     "This step's rule is not met yet. Confirm if you want to move on anyway."},
    {"disturbance_open", "Er is een storing; die gaat eerst voor.",
     "There is a disturbance; it comes first."},
    {"no_disturbance", "Er is geen storing om op te lossen.",
     "There is no disturbance to resolve."},
    {"session_paused", "De sessie staat op pauze.", "The session is paused."},
    {"already_paused", "De sessie staat al op pauze.", "The session is already paused."},
    {"not_paused", "De sessie staat niet op pauze.", "The session is not paused."},
    {"group_full", "Deze groep is vol: maximaal 8 mensen.",
     "This group is full: 8 people at most."},
    {"name_taken", "Die naam is al in gebruik in deze sessie; kies een andere.",
     "That name is already used in this session; pick another."},
    {"name_too_long", "Die naam is te lang (hooguit 60 tekens).",
     "That name is too long (60 characters at most)."},
    {"too_few_participants", "Voor een sessie zijn minstens twee mensen nodig.",
     "A session needs at least two people."},
    {"no_advisers", "Er is nog niemand die vragen kan stellen of adviseren.",
     "There is nobody yet who can ask questions or give advice."},
    {"presenter_required", "Kies eerst wie de casus inbrengt.",
     "First choose who brings the case."},
    {"scribe_required", "Wijs eerst een flappenschrijver aan.", "First assign a scribe."},
    {"no_scribe_in_method", "Deze werkvorm kent geen flappenschrijver.",
     "This method has no scribe."},
    {"facilitator_cannot_present",
     "De begeleider kan niet ook inbrenger zijn; geef de begeleiding eerst door.",
     "The facilitator cannot also present; hand over the facilitation first."},
    {"scribe_cannot_present", "De inbrenger kan niet ook flappenschrijver zijn.",
     "The presenter cannot also be the scribe."},
    {"already_facilitator", "Die persoon begeleidt al.", "That person already facilitates."},
    {"presenter_already_chosen", "De inbrenger staat al vast voor deze casus.",
     "The presenter of this case is already set."},
    {"text_empty", "Er staat nog niets in.", "There is nothing in it yet."},
    {"text_too_long", "Die tekst is te lang (hooguit 4000 tekens).",
     "That text is too long (4000 characters at most)."},
    {"invalid_text", "Die tekst bevat tekens die we niet kunnen lezen.",
     "That text contains characters we cannot read."},
    {"title_required", "Geef de sessie een titel.", "Give the session a title."},
    {"title_too_long", "Die titel is te lang (hooguit 200 tekens).",
     "That title is too long (200 characters at most)."},
    {"unknown_candidate", "Dat vraagstuk staat niet op de flap.",
     "That issue is not on the flip chart."},
    {"issue_withdrawn", "Dat vraagstuk is teruggetrokken.", "That issue has been withdrawn."},
    {"issue_already_chosen", "Er is al een vraagstuk gekozen.",
     "An issue has already been chosen."},
    {"no_votes", "Er is nog niet gestemd; kies zelf of laat eerst stemmen.",
     "Nobody has voted yet; choose yourself or let people vote first."},
    {"vote_tied", "De stemmen staken; kies zelf een van de koplopers.",
     "The vote is tied; choose one of the leaders yourself."},
    {"statement_required", "Het vraagstuk is nog niet benoemd.",
     "The issue has not been named yet."},
    {"answer_pending", "De inbrenger reageert eerst op de vraag die er ligt.",
     "The presenter first responds to the question on the table."},
    {"no_question_pending", "Er ligt geen vraag.", "There is no question on the table."},
    {"unknown_question", "Die vraag bestaat niet.", "That question does not exist."},
    {"question_declined_before",
     "De inbrenger heeft deze vraag al afgewezen; die grens respecteren we.",
     "The presenter declined this question before; we respect that boundary."},
    {"question_declined", "Deze vraag is afgewezen en krijgt geen waardering.",
     "This question was declined and gets no rating."},
    {"rounds_closed", "De rondes van deze stap zijn afgesloten.",
     "The rounds of this step are closed."},
    {"rounds_in_progress", "Geef de begeleiding door als de rondes van deze stap klaar zijn.",
     "Hand over the facilitation once the rounds of this step are done."},
    {"preparation_running", "Eerst even de bedenktijd; daarna om de beurt.",
     "First the time to think; then in turn."},
    {"not_preparing", "Er loopt nu geen bedenktijd.", "There is no time to think running now."},
    {"gossip_still_open", "Het rondje roddelen loopt nog.", "The gossip round is still going."},
    {"gossip_closed", "Het rondje roddelen is al afgesloten.", "The gossip round is closed."},
    {"already_shared", "Dit advies is al gedeeld.", "This advice has already been shared."},
    {"nothing_to_share", "Er is geen advies om te delen; pas als je niets hebt.",
     "There is no advice to share; pass if you have none."},
    {"time_out_of_range", "Zo kan de tijd van deze stap niet worden.",
     "The step's time cannot be set like that."},
    {"setting_unchanged", "Zo staat het al ingesteld.", "That is already the setting."},
    {"not_allowed_to_record", "Alleen de begeleider of de notulist noteert voor een ander.",
     "Only the facilitator or the scribe records for someone else."},
    {"has_own_device", "Die persoon doet mee met een eigen apparaat en typt zelf.",
     "That person takes part on their own device and types for themselves."},
    {"no_place_to_claim", "Er is geen plek zonder apparaat met die naam.",
     "There is no place without a device under that name."},
    {"place_without_device",
     "Iemand met deze naam doet al mee zonder apparaat. Ben jij dat? Neem dan je plek over.",
     "Someone with this name already takes part without a device. Is that you? Then take over "
     "your place."},
    {"wrong_target", "Kies één vraag of één advies om de kern bij te noteren.",
     "Choose one question or one piece of advice to note the key point for."},
    {"unknown_advice", "Dat advies bestaat niet.", "That advice does not exist."},
    {"already_written", "Dit staat er al in woorden; een kern is voor wat hardop is gezegd.",
     "This is already in writing; a key point is for what was said out loud."},
    {"key_point_too_long", "Een kern is één regel van hooguit 300 tekens.",
     "A key point is one line of at most 300 characters."},
    {"unknown_request", "Dat verzoek om terug te komen ligt er niet (meer).",
     "That request to come back is not (or no longer) open."},
    {"issue_not_chosen", "Kies eerst samen een vraagstuk.", "First choose an issue together."},
    {"reframe_undecided", "De inbrenger kiest eerst: het vraagstuk opnieuw benoemen of zo laten.",
     "The presenter first chooses: reframe the issue or keep it."},
    {"rounds_still_open", "De vragenrondes lopen nog; sluit ze af of ga toch verder.",
     "The question rounds are still open; close them or move on anyway."},
    {"reflection_missing", "De inbrenger heeft nog niet gereflecteerd.",
     "The presenter has not reflected yet."},
    {"turns_remaining", "Nog niet iedereen is aan de beurt geweest.",
     "Not everyone has had their turn yet."},
    {"drafts_missing", "Nog niet iedereen heeft een advies geschreven.",
     "Not everyone has written their advice yet."},
    {"reaction_missing", "De inbrenger heeft nog niet gereageerd.",
     "The presenter has not reacted yet."},
    {"closing_remarks_missing", "Nog niet iedereen heeft iets gezegd bij het afronden.",
     "Not everyone has had their say in the closing yet."},
};

static_assert(std::size(refusal_texts) ==
              static_cast<std::size_t>(RefusalCode::closing_remarks_missing) + 1);

const RefusalText& text_of(RefusalCode code) {
  return refusal_texts[static_cast<std::size_t>(code)];
}

} // namespace

std::string_view to_string(RefusalCode code) {
  return text_of(code).code;
}
std::string_view message_nl(RefusalCode code) {
  return text_of(code).nl;
}
std::string_view message_en(RefusalCode code) {
  return text_of(code).en;
}

} // namespace intervisie::core
