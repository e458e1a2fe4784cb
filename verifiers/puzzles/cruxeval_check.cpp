#include "verifiers/puzzles/cruxeval_check.hpp"

#include "harness/util/strings.hpp"

namespace rb::verifiers {

namespace {

// Known attack on execution-based graders: a prediction that runs code can rebind f, call
// sys.exit, or print the success line. Output predictions are therefore literals only; input
// predictions pass an AST whitelist: no import, no exec/eval/open/getattr/type, no module
// objects, no name starting with '_', and only the methods of plain data types as attributes.
constexpr std::string_view k_checker = R"PY(import ast
import builtins
import sys
import types


def read(name):
    with open(name, encoding="utf-8") as handle:
        return handle.read()


def report(status, detail="", vote=""):
    if vote:
        sys.stdout.write("\nRB_VOTE " + vote.replace("\n", " ")[:1000])
    sys.stdout.write("\nRB_RESULT " + status + " " + detail.replace("\n", " ")[:300] + "\n")
    sys.stdout.flush()
    sys.exit(0)


SAFE_BUILTINS = {name: getattr(builtins, name) for name in (
    "abs", "all", "any", "bool", "bytes", "chr", "complex", "dict", "divmod", "enumerate", "filter",
    "float", "frozenset", "int", "len", "list", "map", "max", "min", "ord", "range", "reversed",
    "round", "set", "sorted", "str", "sum", "tuple", "zip")}
ALLOWED = (ast.Expression, ast.Constant, ast.List, ast.Tuple, ast.Set, ast.Dict, ast.Name,
           ast.expr_context, ast.Lambda, ast.arguments, ast.arg, ast.BinOp, ast.UnaryOp, ast.BoolOp,
           ast.Compare, ast.IfExp, ast.Call, ast.keyword, ast.Attribute, ast.Subscript, ast.Slice,
           ast.Starred, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.comprehension,
           ast.operator, ast.unaryop, ast.boolop, ast.cmpop, ast.JoinedStr, ast.FormattedValue)
# Methods of plain data types only: no gi_frame, f_globals, mro... that lead back to the checker.
SAFE_ATTRIBUTES = {name for kind in (str, bytes, list, tuple, dict, set, frozenset, int, float, complex,
                                     bool, range) for name in dir(kind) if not name.startswith("_")}


def refusal(nodes, names):
    bound = set()
    for top in nodes:
        for node in ast.walk(top):
            if isinstance(node, ast.arg):
                bound.add(node.arg)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                bound.add(node.id)
    for top in nodes:
        for node in ast.walk(top):
            if not isinstance(node, ALLOWED):
                return "uses " + type(node).__name__
            if isinstance(node, ast.Attribute) and node.attr not in SAFE_ATTRIBUTES:
                return "uses the attribute " + node.attr
            if isinstance(node, (ast.Name, ast.arg)):
                name = node.id if isinstance(node, ast.Name) else node.arg
                if name.startswith("_"):
                    return "uses the name " + name
                if isinstance(node, ast.Name) and name not in names and name not in bound:
                    return "uses the name " + name
    return None


def gold_arguments(text, scope):
    return eval("(lambda *a, **k: (a, k))(" + text + "\n)", scope)


def main():
    scope = {}
    exec(compile(read("code.py"), "code.py", "exec"), scope)
    f = scope["f"]
    mode = read("mode.txt").strip()
    prediction = read("prediction.txt").strip()
    if mode == "output":
        try:
            expected = ast.literal_eval(prediction)
        except Exception as error:
            report("not_literal", type(error).__name__)
        try:
            args, kwargs = gold_arguments(read("input.txt"), scope)
        except Exception as error:
            report("bad_gold", "input: " + type(error).__name__ + ": " + str(error))
    else:
        try:
            call = ast.parse("f(" + prediction + "\n)", mode="eval")
        except SyntaxError as error:
            report("refused", "not a list of arguments (" + str(error.msg) + ")")
        if not isinstance(call.body, ast.Call) or not isinstance(call.body.func, ast.Name):
            report("refused", "not a list of arguments")
        names = dict(SAFE_BUILTINS)
        for name, value in scope.items():
            if not name.startswith("_") and not isinstance(value, types.ModuleType):
                names[name] = value
        why = refusal(call.body.args + [k.value for k in call.body.keywords], names)
        if why is not None:
            report("refused", why)
        call.body.func = ast.Name(id="rb_arguments", ctx=ast.Load())
        names["rb_arguments"] = lambda *a, **k: (a, k)
        try:
            names["__builtins__"] = {}
            args, kwargs = eval(compile(ast.fix_missing_locations(call), "prediction", "eval"), names)
        except Exception as error:
            report("raised", "evaluating the arguments: " + type(error).__name__ + ": " + str(error))
        try:
            expected = ast.literal_eval(read("output.txt"))
        except Exception as error:
            report("bad_gold", "output: " + type(error).__name__)
    try:
        got = f(*args, **kwargs)
        same = bool(got == expected)
    except Exception as error:
        report("raised", type(error).__name__ + ": " + str(error))
    vote = repr(expected) if mode == "output" else repr((args, kwargs))
    report("equal" if same else "different", repr(got), vote)


main()
)PY";

}  // namespace

std::string_view cruxeval_checker_source()
{
  return k_checker;
}

CheckReport parse_check_report(std::string_view stdout_text)
{
  const std::size_t at = stdout_text.rfind("\nRB_RESULT ");
  if (at == std::string_view::npos) {
    return {};
  }
  std::string_view line = stdout_text.substr(at + 11);
  line = line.substr(0, line.find('\n'));
  const std::size_t space = line.find(' ');
  CheckReport out{
      std::string(line.substr(0, space)),
      space == std::string_view::npos ? std::string() : std::string(util::trim(line.substr(space + 1))), ""};
  const std::string_view before = stdout_text.substr(0, at);
  if (const std::size_t vote = before.rfind("\nRB_VOTE "); vote != std::string_view::npos) {
    out.vote = std::string(before.substr(vote + 9));
  }
  return out;
}

}  // namespace rb::verifiers
