#pragma once
// Escaping for the HTML report. Every piece of model or dataset text goes through escape_html
// before it reaches the page: a response containing <script> or an onerror attribute is shown
// as text, never run (the page's Content-Security-Policy is the second line of defence).
#include <string>
#include <string_view>

namespace rb::reports::html {

/// Replaces & < > " ' with character references and NUL with U+FFFD; safe in element content
/// and in double- or single-quoted attribute values.
std::string escape_html(std::string_view text);

/// `text` cut to about `max_bytes`: its head and tail with "[… N bytes omitted …]" between,
/// never splitting a UTF-8 character. Unchanged when short enough. Not escaped.
std::string clip_text(std::string_view text, std::size_t max_bytes);

/// escape_html of `text` clipped (as clip_text does) so that the escaped result stays within
/// about `max_bytes` (+ 100 for the omission marker), however many characters need escaping.
std::string escape_clipped(std::string_view text, std::size_t max_bytes);

}  // namespace rb::reports::html
