// SPDX-License-Identifier: EUPL-1.2
#include "core/coach/words.hpp"

#include <algorithm>

namespace intervisie::core::coach {
namespace {

bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

bool is_mark(char c) {
  return c == ',' || c == ':' || c == ';' || c == '?' || c == '!' || c == '.';
}

// Lowercases ASCII and the capital accented letters of Dutch (É, Ë, Ï, Ö, Ü, ...) in Latin-1
// Supplement; the rest of UTF-8 passes unchanged.
std::string lowercased(std::string_view word) {
  std::string out(word);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (is_ascii_upper(out[i])) {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97)
        out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

bool starts_with_capital(std::string_view word) {
  if (word.empty())
    return false;
  if (is_ascii_upper(word.front()))
    return true;
  return word.size() > 1 && static_cast<unsigned char>(word[0]) == 0xC3 &&
         static_cast<unsigned char>(word[1]) >= 0x80 && static_cast<unsigned char>(word[1]) <= 0x9E;
}

} // namespace

bool Word::is_letter_or_digit(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || u >= 0x80;
}

namespace {

enum class Glyph { letter, apostrophe, hyphen, mark, space };

struct Read {
  Glyph glyph;
  std::size_t length;
  char mark = 0;
};

// One character of UTF-8: U+0080..U+00BF (no-break space, guillemets, ...) and the general
// punctuation block U+2000..U+206F (curly quotes, dashes, the ellipsis) are not letters.
Read read_at(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    if (Word::is_letter_or_digit(text[i]))
      return {Glyph::letter, 1};
    if (text[i] == '\'')
      return {Glyph::apostrophe, 1};
    if (text[i] == '-')
      return {Glyph::hyphen, 1};
    if (is_mark(text[i]))
      return {Glyph::mark, 1, text[i]};
    return {Glyph::space, 1};
  }
  const auto next = [&](std::size_t k) {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u;
  };
  if (c == 0xC2)
    return {Glyph::space, 2};
  if (c == 0xE2 && (next(1) == 0x80 || next(1) == 0x81)) {
    const unsigned third = next(2);
    if (next(1) == 0x80 && (third == 0x98 || third == 0x99))
      return {Glyph::apostrophe, 3};
    if (next(1) == 0x80 && third == 0xA6)
      return {Glyph::mark, 3, '.'};
    if (next(1) == 0x80 && third >= 0x90 && third <= 0x95)
      return {Glyph::hyphen, 3};
    return {Glyph::space, 3};
  }
  std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  return {Glyph::letter, std::min(length, text.size() - i)};
}

} // namespace

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size()) {
    const Read read = read_at(text, i);
    if (read.glyph == Glyph::mark) {
      words.push_back({std::string(1, read.mark), i, i + read.length, false});
      i += read.length;
      continue;
    }
    if (read.glyph == Glyph::space || read.glyph == Glyph::hyphen) {
      i += read.length;
      continue;
    }
    // A word: letters, with apostrophes and hyphens inside ("z'n", "zelf-sturend") and a
    // leading apostrophe only in the short forms "'t", "'s", "'n".
    std::size_t begin = i;
    std::size_t end = i;
    if (read.glyph == Glyph::apostrophe) {
      std::size_t after = i + read.length;
      std::size_t letters = 0;
      while (after < text.size() && read_at(text, after).glyph == Glyph::letter && letters < 2) {
        after += read_at(text, after).length;
        ++letters;
      }
      const bool short_form =
          letters == 1 && (after >= text.size() || read_at(text, after).glyph != Glyph::letter);
      if (!short_form) {
        i += read.length;
        continue;
      }
      end = after;
    } else {
      end = i + read.length;
    }
    while (end < text.size()) {
      const Read here = read_at(text, end);
      if (here.glyph == Glyph::letter) {
        end += here.length;
      } else if ((here.glyph == Glyph::apostrophe || here.glyph == Glyph::hyphen) &&
                 end + here.length < text.size() &&
                 read_at(text, end + here.length).glyph == Glyph::letter) {
        end += here.length;
      } else {
        break;
      }
    }
    std::string word = lowercased(text.substr(begin, end - begin));
    // One spelling of the apostrophe inside words, so "z’n" reads as "z'n".
    for (std::size_t k = 0; k + 2 < word.size(); ++k)
      if (static_cast<unsigned char>(word[k]) == 0xE2 &&
          static_cast<unsigned char>(word[k + 1]) == 0x80 &&
          (static_cast<unsigned char>(word[k + 2]) == 0x98 ||
           static_cast<unsigned char>(word[k + 2]) == 0x99))
        word.replace(k, 3, "'");
    words.push_back({std::move(word), begin, end, starts_with_capital(text.substr(begin))});
    i = end;
  }
  return words;
}

std::vector<Word> without_marks(const std::vector<Word>& words) {
  std::vector<Word> out;
  out.reserve(words.size());
  for (const Word& word : words)
    if (!word.is_mark())
      out.push_back(word);
  return out;
}

} // namespace intervisie::core::coach
