#pragma once
// Finding the final answer in a whole response (the answer part, after the reasoning):
//  1. the last \boxed{} / \fbox{} / \framebox{} (nested braces; adjacent boxes joined only by
//     "and", commas or spacing are one answer: "\boxed{1} and \boxed{2}");
//  2. an answer phrase: "final answer is", "the answer is", "Answer:", "####", "Result:",
//     "the correct option is" (the last one that is followed by a value; a negated value in
//     it is skipped: "The answer is not 5; it is 6" gives 6);
//  3. the whole response when it is a bare answer ("x = 3", "\{1, 2\}", "Tuesday");
//  4. fallback, reported as such: the last math span ($...$, \(...\), \[...\]) or the last
//     number, whichever comes later.
// A hallucinated next turn ("<|im_start|>user", "\nUser:") is cut off first.
// Linear in the response's length; no regular expressions. Internal to verifiers/math.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rb::verifiers::math {

struct Extraction {
  std::string answer;
  std::string rule;
  bool fallback = false;
  /// The value written with a multiple-choice letter ("(C) 12" gives "C" and "12"): the same
  /// answer in two forms, so either may match the gold answer.
  std::string alternative;
  /// The separate boxes when several were joined ("\boxed{15\frac{39}{40}} or \boxed{\frac{639}{40}}").
  std::vector<std::string> parts;
};

std::optional<Extraction> extract_answer(std::string_view response);

/// "(C) 12", "\textbf{(C)} 12", "C) 12": a multiple-choice letter and the value written with it.
std::optional<std::pair<std::string, std::string>> choice_with_value(const std::string& text);

/// The content of the last balanced \boxed{...}-like group, joined with the boxes just before it
/// when only separators stand between them; nothing when there is none (empty boxes skipped).
/// `joined` receives the number of boxes used.
std::optional<std::string> last_boxed(std::string_view text, int* joined = nullptr,
                                      std::vector<std::string>* parts = nullptr);

}  // namespace rb::verifiers::math
