#pragma once
// Small string helpers that know nothing of evaluation.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rb::util {

std::string_view trim(std::string_view text);
std::vector<std::string> split(std::string_view text, char separator);
std::string join(std::span<const std::string> parts, std::string_view separator);
std::string to_lower(std::string_view text);
std::string replace_all(std::string text, std::string_view from, std::string_view to);

/// Edit distance (insertions, deletions, substitutions), for "did you mean" suggestions.
std::size_t levenshtein(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is a plausible misspelling (distance <= 1/3 of its
/// length, at least 1, and at most 3), else nothing.
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates);

/// ", did you mean 'x'?" or "" — ready to append to an error message.
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

/// RFC 3986 percent-encoding of everything but unreserved characters, and its inverse
/// (invalid escapes are kept literally).
std::string percent_encode(std::string_view text);
std::string percent_decode(std::string_view text);

/// Parses a whole decimal integer; nothing on trailing junk, empty input or overflow.
std::optional<long long> parse_int(std::string_view text);
/// Parses a whole floating-point number (C locale); nothing on junk.
std::optional<double> parse_double(std::string_view text);

/// Shortens `text` to at most `max_chars` bytes for one-line messages, marking the cut with "...".
std::string shorten(std::string_view text, std::size_t max_chars);

}  // namespace rb::util
