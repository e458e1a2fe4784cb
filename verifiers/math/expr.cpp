#include "verifiers/math/expr.hpp"

#include <algorithm>

namespace rb::verifiers::math {

Node make_node(NodeKind kind, std::string text)
{
  Node n;
  n.kind = kind;
  n.text = std::move(text);
  return n;
}

Node make_node(NodeKind kind, std::vector<Node> kids, std::string text)
{
  Node n;
  n.kind = kind;
  n.kids = std::move(kids);
  n.text = std::move(text);
  return n;
}

Node make_number(Tree& tree, const mpq_class& value)
{
  NumberInfo info;
  info.value = value;
  tree.numbers.push_back(std::move(info));
  Node n;
  n.kind = NodeKind::number;
  n.num = static_cast<std::int32_t>(tree.numbers.size() - 1);
  return n;
}

namespace {

class Printer {
 public:
  Printer(const Tree& tree, std::size_t max_chars) : m_tree(tree), m_max(max_chars) {}

  void node(const Node& n)
  {
    if (m_out.size() > m_max) {
      return;
    }
    switch (n.kind) {
      case NodeKind::number:
        m_out += m_tree.numbers[static_cast<std::size_t>(n.num)].value.get_str();
        return;
      case NodeKind::base_number:
        m_out += n.text + "_" + std::to_string(n.num);
        return;
      case NodeKind::symbol:
        m_out += n.text;
        return;
      case NodeKind::opaque:
        m_out += n.text;
        joined(n, ";", "{", "}");
        return;
      case NodeKind::constant:
        m_out += n.text == "pi" ? "\\pi" : n.text;
        return;
      case NodeKind::infinity:
        m_out += "\\infty";
        return;
      case NodeKind::reals:
        m_out += "\\mathbb{R}";
        return;
      case NodeKind::empty_set:
        m_out += "\\emptyset";
        return;
      case NodeKind::ellipsis:
        m_out += "\\ldots";
        return;
      case NodeKind::text:
        m_out += "\\text{" + n.text + "}";
        return;
      case NodeKind::add:
        joined(n, "+", "(", ")");
        return;
      case NodeKind::mul:
        joined(n, "*", "(", ")");
        return;
      case NodeKind::neg:
        m_out += "-(";
        node(n.kids[0]);
        m_out += ")";
        return;
      case NodeKind::div:
        joined(n, "/", "(", ")");
        return;
      case NodeKind::pow:
        joined(n, "^", "(", ")");
        return;
      case NodeKind::func:
      case NodeKind::apply:
        m_out += n.text;
        joined(n, ",", "(", ")");
        return;
      case NodeKind::factorial:
        joined(n, "", "(", ")!");
        return;
      case NodeKind::percent:
        joined(n, "", "(", ")%");
        return;
      case NodeKind::degree:
        joined(n, "", "(", ")deg");
        return;
      case NodeKind::plus_minus:
        if (n.kids.size() == 1) {
          m_out += n.flags & 1 ? "\\mp" : "\\pm";
        }
        joined(n, n.flags & 1 ? "\\mp" : "\\pm", "(", ")");
        return;
      case NodeKind::tuple:
        joined(n, ",", "(", ")");
        return;
      case NodeKind::list:
        joined(n, ",", "", "");
        return;
      case NodeKind::set:
        joined(n, ",", "\\{", "\\}");
        return;
      case NodeKind::interval:
        joined(n, ",", n.flags & k_low_closed ? "[" : "(", n.flags & k_high_closed ? "]" : ")");
        return;
      case NodeKind::matrix:
        joined(n, ";", "[", "]");
        return;
      case NodeKind::relation:
        for (std::size_t i = 0; i < n.kids.size(); ++i) {
          if (i > 0) {
            m_out += ' ';
            m_out += i - 1 < n.text.size() ? n.text[i - 1] : '?';
            m_out += ' ';
          }
          node(n.kids[i]);
        }
        return;
      case NodeKind::set_union:
        joined(n, "\\cup", "(", ")");
        return;
      case NodeKind::set_intersection:
        joined(n, "\\cap", "(", ")");
        return;
      case NodeKind::set_difference:
        joined(n, "\\setminus", "(", ")");
        return;
      case NodeKind::ratio:
        joined(n, ":", "", "");
        return;
      case NodeKind::with_unit:
        node(n.kids[0]);
        m_out += " [" + n.text + "]";
        return;
    }
  }

  std::string take()
  {
    if (m_out.size() > m_max) {
      m_out.resize(m_max);
      m_out += "...";
    }
    return std::move(m_out);
  }

 private:
  void joined(const Node& n, const char* separator, const char* open, const char* close)
  {
    m_out += open;
    for (std::size_t i = 0; i < n.kids.size(); ++i) {
      if (i > 0) {
        m_out += separator;
      }
      node(n.kids[i]);
    }
    m_out += close;
  }

  const Tree& m_tree;
  std::size_t m_max;
  std::string m_out;
};

}  // namespace

std::string print(const Tree& tree, const Node& node, std::size_t max_chars)
{
  Printer printer(tree, max_chars);
  printer.node(node);
  return printer.take();
}

bool contains(const Node& node, NodeKind kind)
{
  if (node.kind == kind) {
    return true;
  }
  return std::any_of(node.kids.begin(), node.kids.end(), [&](const Node& k) { return contains(k, kind); });
}

void collect_symbols(const Node& node, std::vector<std::string>& out)
{
  if (node.kind == NodeKind::symbol) {
    if (std::find(out.begin(), out.end(), node.text) == out.end()) {
      out.push_back(node.text);
    }
    return;
  }
  for (const auto& k : node.kids) {
    collect_symbols(k, out);
  }
}

bool is_scalar_kind(NodeKind kind)
{
  switch (kind) {
    case NodeKind::number:
    case NodeKind::symbol:
    case NodeKind::constant:
    case NodeKind::infinity:
    case NodeKind::add:
    case NodeKind::mul:
    case NodeKind::neg:
    case NodeKind::div:
    case NodeKind::pow:
    case NodeKind::func:
    case NodeKind::apply:
    case NodeKind::factorial:
    case NodeKind::percent:
    case NodeKind::degree:
    case NodeKind::base_number:
    case NodeKind::opaque:
      return true;
    default:
      return false;
  }
}

}  // namespace rb::verifiers::math
