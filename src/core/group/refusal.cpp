// SPDX-License-Identifier: EUPL-1.2
#include "core/group/refusal.hpp"

#include <cstddef>
#include <iterator>

namespace intervisie::core::group {
namespace {

struct RefusalText {
  std::string_view code;
  std::string_view nl;
  std::string_view en;
};

// One entry per GroupRefusalCode, in the order of the enum.
constexpr RefusalText refusal_texts[] = {
    {"no_group", "Deze groep bestaat niet.", "This group does not exist."},
    {"group_exists", "Deze groep bestaat al.", "This group already exists."},
    {"not_member", "Dat kan alleen een lid van deze groep.",
     "Only a member of this group can do that."},
    {"bad_id", "Er ging iets mis met een kenmerk; probeer het opnieuw.",
     "Something went wrong with an identifier; please try again."},
    {"group_full", "De groep is vol: een intervisiegroep heeft hooguit 8 leden.",
     "The group is full: an intervision group has 8 members at most."},
    {"already_member", "Je bent al lid van deze groep.", "You are already a member of this group."},
    {"name_taken", "Iemand in de groep heeft die naam al; kies een andere.",
     "Someone in the group already has that name; choose another."},
    {"ground_rules_not_accepted",
     "Meedoen kan als je de spelregels en voorwaarden hebt gelezen en aanvaard.",
     "You can join once you have read and accepted the ground rules and conditions."},
    {"too_many_rules", "Een groep voegt hooguit 10 eigen spelregels toe.",
     "A group adds 10 rules of its own at most."},
    {"invitation_unknown", "Deze uitnodiging kennen we niet.", "We do not know this invitation."},
    {"invitation_used", "Deze uitnodiging is al gebruikt; vraag om een nieuwe.",
     "This invitation has been used; ask for a new one."},
    {"invitation_expired", "Deze uitnodiging is verlopen; vraag om een nieuwe.",
     "This invitation has expired; ask for a new one."},
    {"invitation_revoked", "Deze uitnodiging is ingetrokken.", "This invitation was revoked."},
    {"bad_expiry", "Een uitnodiging verloopt in de toekomst, binnen 30 dagen.",
     "An invitation expires in the future, within 30 days."},
    {"duplicate_invitation", "Deze uitnodiging bestaat al.", "This invitation already exists."},
    {"meeting_unknown", "Deze bijeenkomst kennen we niet.", "We do not know this meeting."},
    {"duplicate_meeting", "Deze bijeenkomst bestaat al.", "This meeting already exists."},
    {"meeting_started", "De bijeenkomst is al begonnen.", "The meeting has already started."},
    {"meeting_called_off", "Deze bijeenkomst gaat niet door.", "This meeting has been called off."},
    {"in_the_past", "Dat moment ligt al achter ons; kies een moment in de toekomst.",
     "That moment has passed; choose one in the future."},
    {"bad_length", "Een bijeenkomst duurt 30 minuten tot 8 uur.",
     "A meeting lasts from 30 minutes to 8 hours."},
    {"no_place", "Geef een plek of een videolink op.", "Give a place or a video link."},
    {"bad_link", "Een videolink begint met https:// of http://.",
     "A video link starts with https:// or http://."},
    {"already_signed_up", "Je bent al ingetekend.", "You have already signed up."},
    {"already_cancelled", "Je hebt al afgezegd.", "You have already cancelled."},
    {"not_cancelled", "Je hebt niet afgezegd.", "You have not cancelled."},
    {"not_scheduler_or_facilitator",
     "Alleen wie de bijeenkomst plande of hem begeleidt, kan hem laten vervallen.",
     "Only whoever scheduled the meeting or facilitates it can call it off."},
    {"not_needing_new_date", "Deze bijeenkomst heeft geen nieuwe datum nodig.",
     "This meeting does not need a new date."},
    {"awaiting_new_date", "Deze bijeenkomst wacht op een nieuwe datum.",
     "This meeting is waiting for a new date."},
    {"not_rescheduler", "De tweede die afzegde, regelt de nieuwe afspraak.",
     "The second to cancel arranges the new appointment."},
    {"bad_dates", "Stel 1 tot 5 verschillende data in de toekomst voor.",
     "Propose 1 to 5 different dates in the future."},
    {"no_proposal", "Er zijn nog geen nieuwe data voorgesteld.",
     "No new dates have been proposed yet."},
    {"bad_answers", "Geef voor elke voorgestelde datum aan of die past.",
     "Say for each proposed date whether it suits you."},
    {"bad_choice", "Kies een van de voorgestelde data.", "Choose one of the proposed dates."},
    {"member_unknown", "Die persoon is geen lid van deze groep.",
     "That person is not a member of this group."},
    {"already_facilitator", "Die persoon begeleidt deze bijeenkomst al.",
     "That person already facilitates this meeting."},
    {"not_facilitator", "Dat doet de begeleider van de bijeenkomst.",
     "The meeting's facilitator does that."},
    {"not_meeting_time", "Een casus begint van een uur voor tot een uur na de bijeenkomst.",
     "A case starts from an hour before until an hour after the meeting."},
    {"case_unknown", "Deze casus kennen we niet.", "We do not know this case."},
    {"duplicate_case", "Deze casus is al begonnen.", "This case has already started."},
    {"presenter_already_recorded", "De inbrenger van deze casus staat al vast.",
     "The presenter of this case is already recorded."},
    {"follow_up_not_due", "Voor deze casus staat nu geen terugblik open.",
     "There is no follow-up due for this case now."},
    {"follow_up_already_recorded", "De terugblik op deze casus is al gedaan.",
     "The follow-up of this case has already been done."},
    {"empty_text", "Er staat nog niets in.", "There is nothing in it yet."},
    {"text_too_long", "Die tekst is te lang.", "That text is too long."},
    {"bad_text", "Die tekst bevat tekens die we niet kunnen lezen.",
     "That text contains characters we cannot read."},
    {"bad_retention", "Een groep bewaart casussen 1 tot 365 dagen.",
     "A group keeps cases for 1 to 365 days."},
};

static_assert(std::size(refusal_texts) ==
              static_cast<std::size_t>(GroupRefusalCode::bad_retention) + 1);

const RefusalText& text_of(GroupRefusalCode code) {
  return refusal_texts[static_cast<std::size_t>(code)];
}

} // namespace

std::string_view to_string(GroupRefusalCode code) {
  return text_of(code).code;
}
std::string_view message_nl(GroupRefusalCode code) {
  return text_of(code).nl;
}
std::string_view message_en(GroupRefusalCode code) {
  return text_of(code).en;
}

} // namespace intervisie::core::group
