#pragma once
// Golden-output checks: compares text with tests/fixtures/golden/NAME. On a mismatch the test
// fails and prints the new text; with RB_UPDATE_GOLDEN=1 it writes the fixture instead, so a
// deliberate format change is a one-file update reviewed in the diff.
#include <string>

namespace rb::test {

/// True when `actual` equals the fixture (or the fixture was updated on request).
bool matches_golden(const std::string& name, const std::string& actual);

}  // namespace rb::test
