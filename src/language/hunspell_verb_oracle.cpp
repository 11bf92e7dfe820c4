// SPDX-License-Identifier: EUPL-1.2
#include "language/hunspell_verb_oracle.hpp"

#include <hunspell.hxx>

#include <system_error>
#include <vector>

namespace intervisie::language {
namespace {

struct Tags {
  bool present = false;
  bool past = false;
};

// The tags of the analyses of `word` whose stem is `stem` (any stem when empty).
Tags tags_of(Hunspell& hunspell, const std::string& word, const std::string& stem = {}) {
  Tags tags;
  for (const std::string& analysis : hunspell.analyze(word)) {
    if (!stem.empty() && analysis.find("st:" + stem + " ") == std::string::npos &&
        !analysis.ends_with("st:" + stem))
      continue;
    if (analysis.find("ts:VB3") != std::string::npos)
      tags.present = true;
    if (analysis.find("ts:VBh") != std::string::npos)
      tags.past = true;
  }
  return tags;
}

} // namespace

std::expected<std::unique_ptr<HunspellVerbOracle>, std::string>
HunspellVerbOracle::open(const std::filesystem::path& dictionary) {
  const std::filesystem::path aff = std::filesystem::path(dictionary).concat(".aff");
  const std::filesystem::path dic = std::filesystem::path(dictionary).concat(".dic");
  std::error_code error;
  for (const auto& file : {aff, dic})
    if (!std::filesystem::is_regular_file(file, error))
      return std::unexpected("the Dutch dictionary " + file.string() +
                             " is missing (Debian package hunspell-nl)");
  auto hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  if (!hunspell->spell(std::string("werkt")))
    return std::unexpected("the dictionary " + dictionary.string() + " does not read as Dutch");
  return std::unique_ptr<HunspellVerbOracle>(new HunspellVerbOracle(std::move(hunspell)));
}

HunspellVerbOracle::HunspellVerbOracle(std::unique_ptr<Hunspell> hunspell)
    : hunspell_(std::move(hunspell)) {}

HunspellVerbOracle::~HunspellVerbOracle() = default;

core::coach::VerbReading HunspellVerbOracle::read(std::string_view word) const {
  core::coach::VerbReading reading;
  if (word.empty() || word.size() > 40)
    return reading;
  const std::string form(word);
  std::scoped_lock lock(mutex_);
  reading.known = hunspell_->spell(form);
  if (!reading.known)
    return reading;
  const Tags own = tags_of(*hunspell_, form);
  reading.present = own.present;
  reading.past = own.past;
  if (reading.is_verb())
    return reading;
  // A stem ("werk", "twijfel", "zet") is a verb when "-t", "-de" or "-te" make verb forms of it.
  for (const char* ending : {"t", "de", "te"}) {
    const Tags inflected = tags_of(*hunspell_, form + ending, form);
    if (inflected.present || inflected.past) {
      reading.present = true;
      break;
    }
  }
  return reading;
}

} // namespace intervisie::language
