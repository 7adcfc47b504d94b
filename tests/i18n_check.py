"""Checks of the translation: which messages the code has, which the catalogues lack, and
which user-visible strings bypass the translation function.

    python tests/i18n_check.py missing [LANG [FILE...]]  the untranslated messages (of those
                                                  files only), as .po entries to fill in
    python tests/i18n_check.py bypasses [FILE...]  user-visible text not passed through _()

Messages are extracted with Babel (the keywords _, N_ and ngettext); the catalogues are read
with polib. A line that shows no user-visible text despite looking so (an id, a machine
format) can say so with the comment `# i18n: not text`.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "netui"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
OPT_OUT = "# i18n: not text"

# Calls whose text arguments a person reads (every positional and keyword argument is
# checked except the keywords in NOT_TEXT_KEYWORDS).
TEXT_CALLS = {
    "notify", "Label", "Static", "Button", "Checkbox", "RadioButton", "TabPane", "Tab",
    "Option", "Tree", "Markdown", "Hit", "DiscoveryHit", "SystemCommand", "ConfirmScreen",
    "print", "Collapsible", "Switch", "Rule", "ListItem", "set_status", "Placeholder",
}
# Calls that show text only in the screens, widgets, app and CLI modules (elsewhere they
# are as often a list or a calendar being built).
UI_TEXT_CALLS = {
    "update", "add_column", "add_row", "Text", "Content", "append", "assemble", "from_markup",
    "add", "add_leaf", "dismiss", "exit",
}
UI_MODULES = ("screens", "widgets", "app.py", "cli")
# Calls where only these keywords (and for Binding its third argument) are text.
TEXT_KEYWORD_CALLS = {
    "Binding": {"description", "tooltip"},
    "Input": {"placeholder", "tooltip"},
    "Select": {"prompt", "tooltip"},
    "TextArea": {"placeholder", "tooltip"},
    "add_argument": {"help"},
    "add_parser": {"help", "description", "epilog"},
    "add_subparsers": {"title", "description", "help"},
    "add_argument_group": {"title", "description"},
    "ArgumentParser": {"description", "epilog"},
    "_Parser": {"description", "epilog"},
    "DataTable": {"tooltip"},
    "ProgressBar": {"tooltip"},
}
NOT_TEXT_KEYWORDS = {
    "id", "classes", "name", "key", "action", "variant", "key_display", "value", "group",
    "style", "markup", "file", "end", "sep", "severity", "expand", "shrink", "justify",
    "overflow", "no_wrap", "end_style", "allow_expand", "data", "width", "height",
}
TEXT_ATTRIBUTES = {"title", "sub_title", "border_title", "border_subtitle", "placeholder", "tooltip"}
# Exceptions whose message a person reads: netui's own (every name ending in Error that is
# not one of Python's) and the CLI's usage error.
PYTHON_ERRORS = {
    "ValueError", "TypeError", "KeyError", "RuntimeError", "AssertionError", "OSError",
    "AttributeError", "IndexError", "NotImplementedError", "LookupError", "ImportError",
    "UnicodeDecodeError", "UnicodeError", "FileNotFoundError", "PermissionError",
}
TRANSLATING = {"_", "ngettext", "N_"}
_MARKUP = re.compile(r"\[[^\]]*\]|\{[^}]*\}|%\([a-z_]+\)[sd]|%[sd]")
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Bypass:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(PACKAGE.parent)}:{self.line}: {self.text!r} is shown untranslated"


def looks_like_text(value: str) -> bool:
    """Words a person reads: two letters in a row once markup and placeholders are gone."""
    return bool(_WORD.search(_MARKUP.sub(" ", value)))


def _literal_text(node: ast.AST) -> str | None:
    """The text of a literal (or f-string, or a concatenation of them) that is not
    translated; None when the expression is translated or is not a literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if looks_like_text(node.value) else None
    if isinstance(node, ast.JoinedStr):
        literal = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
        if looks_like_text(literal):
            return literal
        for part in node.values:  # f"{'Today'}": text inside the braces
            if isinstance(part, ast.FormattedValue):
                inner = _literal_text(part.value)
                if inner:
                    return inner
        return None
    if isinstance(node, ast.BinOp):
        return _literal_text(node.left) or _literal_text(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_text(node.body) or _literal_text(node.orelse)
    if isinstance(node, (ast.Tuple, ast.List)):
        for element in node.elts:
            text = _literal_text(element)
            if text:
                return text
    return None


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


class _Finder(ast.NodeVisitor):
    def __init__(self, path: Path, lines: list[str]):
        self.path = path
        self.lines = lines
        self.found: list[Bypass] = []
        self.depth = 0  # inside a function body
        self.imports_translation = False
        relative = path.relative_to(PACKAGE).parts if path.is_relative_to(PACKAGE) else ()
        self.text_calls = TEXT_CALLS | (UI_TEXT_CALLS if relative and relative[0] in UI_MODULES else set())

    def _report(self, node: ast.AST, text: str) -> None:
        last = getattr(node, "end_lineno", node.lineno)
        if any(OPT_OUT in self.lines[number - 1] for number in range(node.lineno, last + 1)):
            return
        self.found.append(Bypass(self.path, node.lineno, text))

    def _check(self, node: ast.AST) -> None:
        text = _literal_text(node)
        if text:
            self._report(node, text)

    def visit_FunctionDef(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        if name in TRANSLATING:
            if name == "_" and self.depth == 0:
                self._report(node, "_() at import time (use N_() here and _() where it is shown)")
            if name != "N_" and node.args and isinstance(node.args[0], ast.JoinedStr):
                self._report(node, "an f-string passed to _() (use {placeholders} and keywords)")
            return  # its arguments are the translation's placeholders
        if name == "Binding":
            if len(node.args) > 2:
                self._check(node.args[2])
            self._check_keywords(node, TEXT_KEYWORD_CALLS[name])
        elif name in TEXT_KEYWORD_CALLS:
            self._check_keywords(node, TEXT_KEYWORD_CALLS[name])
        elif name in self.text_calls or (name.endswith("Error") and name not in PYTHON_ERRORS):
            arguments = node.args
            if name == "ValidationError" and arguments:  # its first argument is a field name
                arguments = arguments[1:]
            for argument in arguments:
                self._check(argument)
            self._check_keywords(node, None)
        self.generic_visit(node)

    def _check_keywords(self, node: ast.Call, wanted: set[str] | None) -> None:
        for keyword in node.keywords:
            if keyword.arg is None or keyword.arg in NOT_TEXT_KEYWORDS:
                continue
            if wanted is None or keyword.arg in wanted:
                self._check(keyword.value)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module == "netui.i18n" and any(alias.name == "_" for alias in node.names):
            self.imports_translation = True

    def visit_Name(self, node: ast.Name) -> None:
        # `for _ in ...` or `a, _ = ...` would make _() a local variable of that function.
        if node.id == "_" and isinstance(node.ctx, ast.Store) and self.imports_translation:
            self._report(node, "'_' used as a throwaway name where _() translates")

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            if isinstance(target, ast.Attribute) and target.attr in TEXT_ATTRIBUTES:
                self._check(node.value)
            if isinstance(target, ast.Name) and target.id in ("TITLE", "SUB_TITLE"):
                self._check(node.value)
        self.generic_visit(node)


def python_files(paths: list[Path] | None = None) -> list[Path]:
    if paths:
        return [path.resolve() for path in paths]
    return sorted(PACKAGE.rglob("*.py"))


def bypasses(paths: list[Path] | None = None) -> list[Bypass]:
    found: list[Bypass] = []
    for path in python_files(paths):
        source = path.read_text(encoding="utf-8")
        finder = _Finder(path, source.splitlines())
        finder.visit(ast.parse(source, str(path)))
        found.extend(finder.found)
    return found


@dataclass(frozen=True)
class Message:
    msgid: str
    plural: str | None
    where: str


def extract_messages() -> list[Message]:
    from babel.messages.extract import extract_from_dir

    messages = []
    for filename, line, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS,
        comment_tags=(), strip_comment_tags=True,
    ):
        singular, plural = (message[0], message[1]) if isinstance(message, tuple) else (message, None)
        if singular:
            messages.append(Message(singular, plural, f"netui/{filename}:{line}"))
    return messages


def catalogue(language: str) -> dict[str, object]:
    """msgid -> the polib entry, over every .po file of the language."""
    import polib

    from netui.i18n import catalogue_files

    entries: dict[str, object] = {}
    for path in catalogue_files(language):
        for entry in polib.pofile(str(path)):
            if not entry.obsolete:
                entries.setdefault(entry.msgid, entry)
    return entries


def untranslated(language: str) -> list[Message]:
    entries = catalogue(language)
    missing = []
    for message in extract_messages():
        entry = entries.get(message.msgid)
        if entry is None or not entry.translated():
            missing.append(message)
        elif message.plural and (entry.msgid_plural != message.plural or not all(entry.msgstr_plural.values())):
            missing.append(message)
    return missing


def conflicting_translations(language: str) -> list[str]:
    """Messages translated differently in two .po files of the language."""
    import polib

    from netui.i18n import catalogue_files

    first: dict[str, tuple[str, object]] = {}
    problems = []
    for path in catalogue_files(language):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.msgid:
                continue
            translation = entry.msgstr or tuple(sorted(entry.msgstr_plural.items()))
            if entry.msgid in first and first[entry.msgid][1] != translation:
                problems.append(f"{entry.msgid!r}: {first[entry.msgid][0]} and {path.name} disagree")
            first.setdefault(entry.msgid, (path.name, translation))
    return problems


_PLACEHOLDER = re.compile(r"\{(\w*)[^}]*\}")


def placeholder_mismatches(language: str) -> list[str]:
    """Translations whose {placeholders} differ from the English text's."""
    problems = []
    for msgid, entry in catalogue(language).items():
        if not msgid or not entry.translated():
            continue
        wanted = set(_PLACEHOLDER.findall(msgid)) | set(_PLACEHOLDER.findall(entry.msgid_plural or ""))
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            got = set(_PLACEHOLDER.findall(translation))
            if got - wanted or (not entry.msgid_plural and got != wanted):
                problems.append(f"{msgid!r}: placeholders {sorted(wanted)} but the translation has {sorted(got)}")
    return problems


def _po_stub(message: Message) -> str:
    import polib

    entry = polib.POEntry(msgid=message.msgid, msgstr="", occurrences=[(message.where, "")])
    if message.plural:
        entry = polib.POEntry(msgid=message.msgid, msgid_plural=message.plural,
                              msgstr_plural={0: "", 1: ""}, occurrences=[(message.where, "")])
    return str(entry)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "missing"
    if command == "missing":
        seen = set()
        wanted = {str(Path(argument).resolve().relative_to(PACKAGE.parent)) for argument in sys.argv[3:]}
        for message in untranslated(sys.argv[2] if len(sys.argv) > 2 else "it"):
            if wanted and message.where.rsplit(":", 1)[0] not in wanted:
                continue
            if message.msgid not in seen:
                seen.add(message.msgid)
                print(_po_stub(message))
    elif command == "bypasses":
        for bypass in bypasses([Path(argument) for argument in sys.argv[2:]] or None):
            print(bypass)
    else:
        sys.exit(__doc__)
