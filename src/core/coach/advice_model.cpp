// SPDX-License-Identifier: EUPL-1.2
#include "core/coach/advice_model.hpp"

#include <algorithm>

namespace intervisie::core::coach {

const AdviceWeight* AdviceModel::find(std::uint64_t id) const {
  const auto found = std::ranges::lower_bound(weights, id, {}, &AdviceWeight::id);
  return found != weights.end() && found->id == id ? &*found : nullptr;
}

} // namespace intervisie::core::coach
