#pragma once
// The recursive-descent parser behind parse_answer(). Split over parser_expr.cpp (arithmetic)
// and parser_items.cpp (answers, lists, brackets, matrices, units). Internal.
#include <string>
#include <vector>

#include "verifiers/math/expr.hpp"
#include "verifiers/math/lexer.hpp"

namespace rb::verifiers::math {

class Parser {
 public:
  Parser(const std::vector<Token>& tokens, Tree& tree) : m_tokens(tokens), m_tree(tree) {}

  /// The whole answer; check failed() afterwards.
  Node answer();
  bool failed() const { return m_failed; }
  const std::string& error() const { return m_error; }

 private:
  // parser_items.cpp
  Node items_until(Tok closer_a, Tok closer_b, std::vector<Node>& out, bool* joined_and = nullptr);
  Node item();
  Node text_item(std::size_t start);
  Node bracket(Tok open);
  Node set_literal();
  Node matrix();
  bool unit_suffix(Node& node);
  bool at_item_end() const;

  // parser_expr.cpp
  Node relation();
  Node ratio();
  Node set_expression();
  Node sum();
  Node term();
  Node signed_factor();
  Node postfix();
  Node primary();
  Node exponent();
  Node number_literal();
  Node identifier();
  Node function_call();
  Node big_operator();
  Node braced_scalar();
  Node delimited(Tok close, const char* name);
  std::string subscript_text();
  bool starts_factor() const;

  // helpers
  const Token& peek(std::size_t ahead = 0) const;
  bool at(Tok kind) const { return peek().kind == kind; }
  bool accept(Tok kind);
  bool expect(Tok kind, const char* what);
  Node fail(const std::string& why);
  bool enter();
  void leave() { --m_depth; }

  const std::vector<Token>& m_tokens;
  Tree& m_tree;
  std::size_t m_pos = 0;
  int m_depth = 0;
  int m_abs_depth = 0;
  int m_item_depth = 0;  ///< items nest inside groups; one-letter units only at the top
  bool m_failed = false;
  bool m_text_item = false;  ///< a word appeared where a value was expected: the item is text
  std::string m_error;
};

}  // namespace rb::verifiers::math
