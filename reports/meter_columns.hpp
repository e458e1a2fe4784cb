#pragma once
// The meters' summary columns (meter_columns.cpp), appended to columns() after the others.
#include <span>

#include "reports/columns.hpp"

namespace rb::reports {

std::span<const Column> meter_columns();

}  // namespace rb::reports
