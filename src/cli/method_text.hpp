// SPDX-License-Identifier: EUPL-1.2
// Methods as a person reads them in a terminal: the list, and one method's card.
#pragma once

#include "core/method/catalogue.hpp"
#include "core/method/method.hpp"

#include <string>

namespace intervisie::cli {

enum class Language { nl, en };

// One line per method (id, name, steps, minutes) with its purpose beneath.
std::string describe_catalogue(const core::Catalogue& catalogue, Language language);

// The facilitator's card: numbered steps with minutes, who speaks and listens, the rule,
// the instruction, and where a branch leads.
std::string describe_method(const core::Method& method, Language language);

} // namespace intervisie::cli
