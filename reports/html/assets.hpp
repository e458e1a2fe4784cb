#pragma once
// The HTML report's stylesheet and its one script, as text. The page's Content-Security-Policy
// allows exactly these two (by SHA-256), so any other script or style that slipped into the
// page would not run. Private to reports/html.
#include <string_view>

namespace rb::reports::html {

std::string_view stylesheet();
/// Marks <html data-rb-script="ran"> (the browser test checks it) and filters the sample browser.
std::string_view script();

}  // namespace rb::reports::html
