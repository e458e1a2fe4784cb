#pragma once
// The HTML report's "Reasoning behaviour" section (docs/behaviour.md, "In reports"): the
// behaviour figures per row for all, correct and wrong samples, and reasoning length by
// difficulty. Private to reports/html.
#include <string>

#include "reports/html/view.hpp"

namespace rb::reports::html {

/// The section's content; "" when no row has analysed samples (the page then omits it).
std::string behaviour_section(const ReportView& view);

}  // namespace rb::reports::html
