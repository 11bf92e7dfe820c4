// SPDX-License-Identifier: EUPL-1.2
// The coach's verb oracle, read from Debian's Dutch Hunspell dictionary (hunspell-nl, OpenTaal).
// Its affix file tags verb endings: "ts:VB3" for the present "-t", "ts:VBh1"/"ts:VBh" for the
// past "-de"/"-te". An inflected form shows its tag; a stem is a verb when its inflections are.
#pragma once

#include "core/coach/verb_lexicon.hpp"

#include <expected>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

class Hunspell;

namespace intervisie::language {

inline constexpr std::string_view default_dictionary = "/usr/share/hunspell/nl";

class HunspellVerbOracle final : public core::coach::VerbOracle {
public:
  // `dictionary` without extension: "<dictionary>.aff" and "<dictionary>.dic" must exist.
  static std::expected<std::unique_ptr<HunspellVerbOracle>, std::string>
  open(const std::filesystem::path& dictionary);

  ~HunspellVerbOracle() override;

  core::coach::VerbReading read(std::string_view word) const override;

private:
  explicit HunspellVerbOracle(std::unique_ptr<Hunspell> hunspell);

  // Hunspell keeps scratch state per call: one caller at a time.
  mutable std::mutex mutex_;
  std::unique_ptr<Hunspell> hunspell_;
};

} // namespace intervisie::language
