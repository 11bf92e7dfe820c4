// SPDX-License-Identifier: EUPL-1.2
// Two names are one person's when the people in the room would read them alike.
#include "core/text/person_name.hpp"

#include <gtest/gtest.h>

namespace intervisie::core {
namespace {

TEST(PersonName, CaseAndSpacingDoNotMakeAnotherPerson) {
  EXPECT_TRUE(same_person_name("Anna", "anna"));
  EXPECT_TRUE(same_person_name("Anna", "ANNA"));
  EXPECT_TRUE(same_person_name("Anna de Vries", "anna  de vries"));
  EXPECT_TRUE(same_person_name("Özlem", "ÖZLEM")) << "beyond ASCII too";
  EXPECT_TRUE(same_person_name("Straße", "STRASSE")) << "full case folding";
}

TEST(PersonName, ALookAlikeIsTheSameName) {
  EXPECT_TRUE(same_person_name("Anna", "\xD0\x90nna")) << "a Cyrillic capital A";
  EXPECT_TRUE(same_person_name("Anna", "Ann\xD0\xB0")) << "a Cyrillic small a";
  EXPECT_TRUE(same_person_name("Anna", "\xEF\xBC\xA1nna")) << "a full-width A";
  EXPECT_TRUE(same_person_name("Anna", "An\xE2\x80\x8Bna")) << "a zero-width space";
  EXPECT_TRUE(same_person_name("Bram", "Br\xC9\x91m")) << "a Latin alpha";
}

TEST(PersonName, DifferentNamesStayDifferent) {
  EXPECT_FALSE(same_person_name("Anna", "Anne"));
  EXPECT_FALSE(same_person_name("Anna", "Hanna"));
  EXPECT_FALSE(same_person_name("José", "Jose")) << "an accent is part of a name";
  EXPECT_FALSE(same_person_name("Daan", "Dana"));
}

TEST(PersonName, InvisibleAndReorderingCharactersAreFormatCharacters) {
  EXPECT_FALSE(has_format_character("Anna"));
  EXPECT_FALSE(has_format_character("Zoë van 't Hof"));
  EXPECT_TRUE(has_format_character("An\xE2\x80\x8Bna")) << "zero-width space";
  EXPECT_TRUE(has_format_character("An\xE2\x80\x8Dna")) << "zero-width joiner";
  EXPECT_TRUE(has_format_character("\xE2\x80\xAEnnA")) << "right-to-left override";
  EXPECT_TRUE(has_format_character("Anna\xE2\x81\xA6")) << "left-to-right isolate";
  EXPECT_TRUE(has_format_character("\xEF\xBB\xBF"
                                   "Anna"))
      << "a byte order mark";
}

} // namespace
} // namespace intervisie::core
